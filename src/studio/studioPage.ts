/**
 * The trainer's studio: open scenario, shift, pack and playthrough files (or start from the template),
 * edit them with the checker's problems shown as they type, save them back, see the map of beats, play
 * the draft in the desk (from the start or from a beat), and run the open playthroughs. The checking
 * and playing of playthroughs happen in a worker; the page never parses YAML. Open files and unsaved
 * edits are kept in IndexedDB so a reload loses nothing.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { html, nothing, render } from 'lit-html';
import type { Problem } from '../core/scenario/problems';
import type { Scenario } from '../core/scenario/types';
import { download } from '../game/ui/dom';
import { pageMasthead } from '../pages/pageMasthead';
import type { StudioChecker } from './checker';
import type { CheckedScenario, PlaythroughOutcome, StudioCheck, StudioFile } from './checkFiles';
import type { Draft, DraftStore } from './draftStore';
import { StudioEditor } from './editor';
import {
  ACCEPT,
  canPickFiles,
  type OpenedFile,
  pickFiles,
  readChosen,
  readDropped,
  writeBack,
} from './openFiles';
import { type PlayFrom, playRequest, type ReplyMode, startPlay } from './playRequest';
import type { RenderScenarioMap } from './scenarioMap';
import type { JsonSchema } from './schemaAssist';
import { scenarioTemplate, TEMPLATE_FILE } from './template';

/** How long typing must pause before the open files are checked again. */
export const CHECK_DEBOUNCE_MS = 250;

/** What the page needs from outside. */
export interface StudioServices {
  readonly i18n: I18n;
  readonly checker: StudioChecker;
  /** Null where IndexedDB is unavailable: open files live only in the page. */
  readonly store: DraftStore | null;
  readonly announce: (text: string) => void;
  readonly changeLanguage: (language: 'en' | 'es') => void;
  /** The JSON Schema of a kind of file (`scenario`, `pack`, `shift`, `playthrough`). */
  readonly loadSchema: (kind: SchemaKind) => Promise<JsonSchema>;
  /** Draws the map of beats; absent until the map is part of the build. */
  readonly renderMap?: RenderScenarioMap;
}

export type SchemaKind = 'scenario' | 'pack' | 'shift' | 'playthrough';

/** Which schema a file is written against, from its name. */
export function schemaKindOf(name: string): SchemaKind {
  const base = name.split(/[\\/]/).pop() ?? name;
  if (base === 'pack.yaml') return 'pack';
  if (/\.shift\.ya?ml$/.test(base)) return 'shift';
  if (/\.playthrough\.ya?ml$/.test(base)) return 'playthrough';
  return 'scenario';
}

function isScenarioName(name: string): boolean {
  return schemaKindOf(name) === 'scenario';
}

/** The start the "Play from" dialog is filling in. */
interface FromChoice {
  readonly beat: string;
}

export class StudioPage {
  private files: Draft[] = [];
  private current: string | null = null;
  private check: StudioCheck | null = null;
  private checkFailed: string | null = null;
  private outcomes: readonly PlaythroughOutcome[] | null = null;
  private running = false;
  private playLanguage: 'en' | 'es';
  /** How the trainee replies in the play: typed, as trainees do by default, or picked from the choices. */
  private playReplyMode: ReplyMode = 'typed';
  private playProblem: string | null = null;
  private fromChoice: FromChoice | null = null;
  private lastProblemCount: number | null = null;
  private checkTimer: number | undefined;
  private readonly schemas = new Map<SchemaKind, JsonSchema>();
  private readonly editorHost = document.createElement('div');
  private readonly mapHost = document.createElement('div');
  private readonly editor: StudioEditor;

  constructor(
    private readonly root: HTMLElement,
    private readonly services: StudioServices,
  ) {
    this.playLanguage = services.i18n.language === 'es' ? 'es' : 'en';
    this.editorHost.className = 'editor-host';
    this.mapHost.className = 'map-host';
    this.editor = new StudioEditor(this.editorHost, {
      label: this.t('editor.label'),
      schemaOf: (name) => this.schemas.get(schemaKindOf(name)) ?? null,
      onEdit: (name, text) => this.edited(name, text),
      onSave: () => void this.save(),
      allowedValues: () => this.t('editor.allowedValues'),
    });
  }

  private get t() {
    return this.services.i18n.t.bind(this.services.i18n);
  }

  /** Restores the kept files, draws the page and checks them. */
  async start(): Promise<void> {
    this.files = (await this.services.store?.all().catch(() => [])) ?? [];
    const first = this.files[0];
    if (first) this.choose(first.name, false);
    this.draw();
    for (const kind of ['scenario', 'pack', 'shift', 'playthrough'] as const) {
      void this.services.loadSchema(kind).then(
        (schema) => this.schemas.set(kind, schema),
        () => undefined,
      );
    }
    // Files dropped anywhere open; text dragged inside the editor stays the editor's.
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    document.addEventListener('dragover', (event) => {
      if (carriesFiles(event)) event.preventDefault();
    });
    document.addEventListener('drop', (event) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      void readDropped(event.dataTransfer).then((files) => this.open(files));
    });
    if (this.files.length > 0) await this.checkNow();
  }

  /** Adds files (a file of the same name is replaced) and shows the first of them. */
  async open(opened: readonly OpenedFile[]): Promise<void> {
    if (opened.length === 0) {
      this.services.announce(this.t('files.noneOpened'));
      return;
    }
    let order = Math.max(0, ...this.files.map((f) => f.order + 1));
    for (const file of opened) {
      const draft: Draft = {
        name: file.name,
        text: file.text,
        savedText: file.text,
        order: order++,
        ...(file.handle ? { handle: file.handle } : {}),
      };
      const at = this.files.findIndex((f) => f.name === file.name);
      if (at >= 0) {
        this.editor.forget(file.name);
        this.files[at] = draft;
      } else this.files.push(draft);
      void this.services.store?.put(draft);
    }
    this.choose(opened[0]?.name ?? '', false);
    this.services.announce(this.t('files.opened', { count: opened.length }));
    this.draw();
    await this.checkNow();
  }

  private newScenario(): void {
    let name = TEMPLATE_FILE;
    for (let n = 2; this.files.some((f) => f.name === name); n += 1) {
      name = TEMPLATE_FILE.replace('.yaml', `-${n}.yaml`);
    }
    const template = scenarioTemplate(this.services.i18n.language === 'es' ? 'es' : 'en');
    const text = template.replace('id: my-first-scenario', `id: ${name.replace(/\.yaml$/, '')}`);
    const draft: Draft = {
      name,
      text,
      savedText: '',
      order: Math.max(0, ...this.files.map((f) => f.order + 1)),
    };
    this.files.push(draft);
    void this.services.store?.put(draft);
    this.choose(name, true);
    this.services.announce(this.t('files.created', { name }));
    this.draw();
    void this.checkNow();
  }

  /** Shows a file in the editor. */
  private choose(name: string, focus: boolean): void {
    const file = this.files.find((f) => f.name === name);
    if (!file) return;
    this.current = name;
    this.editor.show(name, file.text);
    this.showProblemsInEditor();
    this.draw();
    if (focus) this.editor.view.focus();
  }

  private edited(name: string, text: string): void {
    const at = this.files.findIndex((f) => f.name === name);
    const file = this.files[at];
    if (!file) return;
    const draft = { ...file, text };
    this.files[at] = draft;
    void this.services.store?.put(draft);
    window.clearTimeout(this.checkTimer);
    this.checkTimer = window.setTimeout(() => void this.checkNow(), CHECK_DEBOUNCE_MS);
    this.draw();
  }

  private sources(): StudioFile[] {
    return this.files.map((f) => ({ name: f.name, text: f.text }));
  }

  private async checkNow(): Promise<void> {
    window.clearTimeout(this.checkTimer);
    try {
      const check = await this.services.checker.check(this.sources());
      this.check = check;
      this.checkFailed = null;
    } catch (error) {
      this.checkFailed = error instanceof Error ? error.message : String(error);
    }
    this.showProblemsInEditor();
    const count = this.check?.problems.length ?? 0;
    if (count !== this.lastProblemCount) {
      this.lastProblemCount = count;
      this.services.announce(this.t('problems.count', { count }));
    }
    this.draw();
  }

  private showProblemsInEditor(): void {
    const problems = this.check?.problems.filter((p) => p.file === this.current) ?? [];
    this.editor.showProblems(problems);
  }

  /** Moves to a file's line: shows the file, puts the cursor there and focuses the editor. */
  private goTo(file: string, line: number, col: number): void {
    if (this.current !== file) this.choose(file, false);
    this.editor.moveTo(line, col);
  }

  private async save(): Promise<void> {
    const file = this.files.find((f) => f.name === this.current);
    if (!file) return;
    if (file.handle) {
      const written = await writeBack(file.handle, file.text);
      if (!written) {
        this.services.announce(this.t('files.saveFailed', { name: file.name }));
        return;
      }
    } else {
      download(file.name.split('/').pop() ?? file.name, file.text, 'application/yaml');
    }
    const saved = { ...file, savedText: file.text };
    this.files = this.files.map((f) => (f.name === file.name ? saved : f));
    void this.services.store?.put(saved);
    this.services.announce(this.t(file.handle ? 'files.saved' : 'files.downloaded', { name: file.name }));
    this.draw();
  }

  private close(name: string): void {
    const file = this.files.find((f) => f.name === name);
    if (!file) return;
    if (file.text !== file.savedText && !window.confirm(this.t('files.closeUnsaved', { name }))) return;
    this.files = this.files.filter((f) => f.name !== name);
    this.editor.forget(name);
    void this.services.store?.remove(name);
    if (this.current === name) {
      this.current = null;
      const next = this.files[0];
      if (next) this.choose(next.name, false);
    }
    this.services.announce(this.t('files.closed', { name }));
    this.draw();
    void this.checkNow();
  }

  private async runPlaythroughs(): Promise<void> {
    this.running = true;
    this.draw();
    try {
      this.outcomes = await this.services.checker.run(this.sources());
      const failed = this.outcomes.filter((o) => !o.passed).length;
      this.services.announce(
        this.t('playthroughs.summary', { passed: this.outcomes.length - failed, failed }),
      );
    } catch (error) {
      this.outcomes = null;
      this.services.announce(error instanceof Error ? error.message : String(error));
    }
    this.running = false;
    this.draw();
  }

  /** The scenario "Play" and the map are about: the shown file's, or the first open scenario's. */
  private activeScenarioFile(): string | null {
    if (this.current && isScenarioName(this.current)) return this.current;
    return this.files.find((f) => isScenarioName(f.name))?.name ?? null;
  }

  private activeScenario(): CheckedScenario | null {
    const file = this.activeScenarioFile();
    return this.check?.scenarios.find((s) => s.file === file) ?? null;
  }

  /** Why "Play" cannot start now, or null when it can. */
  private playBlocked(): string | null {
    const file = this.activeScenarioFile();
    if (!file) return this.t('play.noScenario');
    const errors = this.check?.problems.filter((p) => p.file === file && p.severity === 'error') ?? [];
    if (errors.length > 0) return this.t('play.hasErrors', { count: errors.length, name: file });
    if (!this.activeScenario()) return this.t('play.notChecked');
    return null;
  }

  private play(scenario: Scenario, from: PlayFrom | null): void {
    const started = startPlay(playRequest(scenario, this.playLanguage, from, this.playReplyMode));
    this.playProblem = started ? null : this.t('play.notStarted');
    if (this.playProblem) this.services.announce(this.playProblem);
    this.draw();
  }

  private openFromDialog(beat: string): void {
    this.fromChoice = { beat };
    this.draw();
    this.root.querySelector<HTMLDialogElement>('dialog.play-from')?.showModal();
  }

  private playFromDialog(form: HTMLFormElement): void {
    const scenario = this.activeScenario()?.scenario;
    if (!scenario) return;
    const data = new FormData(form);
    const number = (key: string) => {
      const value = Number(data.get(key));
      return Number.isFinite(value) ? value : undefined;
    };
    const mood = number('mood');
    const trust = number('trust');
    const patience = number('patience');
    const from: PlayFrom = {
      beat: String(data.get('beat') ?? scenario.start),
      ...(mood === undefined ? {} : { mood }),
      ...(trust === undefined ? {} : { trust }),
      ...(patience === undefined ? {} : { patience }),
      facts: data.getAll('facts').map(String),
    };
    form.closest('dialog')?.close();
    this.fromChoice = null;
    this.play(scenario, from);
  }

  draw(): void {
    const t = this.t;
    const language = this.services.i18n.language;
    this.editor.relabel(this.current ? t('editor.labelOf', { name: this.current }) : t('editor.label'));
    render(
      html`${pageMasthead({ who: 'trainer', t, language, change: (next) => this.services.changeLanguage(next) })}
        <main class="studio">
          ${this.filesView()}
          <section class="studio-editor" aria-labelledby="editor-heading">
            <h2 id="editor-heading">${this.current ?? t('editor.none')}</h2>
            ${this.editorHost}
            <p class="field-hint">${t('editor.keys')}</p>
          </section>
          ${this.problemsView()} ${this.playView()} ${this.mapView()} ${this.playthroughsView()}
        </main>
        ${this.dialogView()}`,
      this.root,
    );
    this.drawMap();
  }

  private filesView() {
    const t = this.t;
    const file = this.files.find((f) => f.name === this.current);
    return html`<section class="studio-files card" aria-labelledby="files-heading">
      <h2 id="files-heading">${t('files.heading')}</h2>
      <label class="field"><span class="field-label">${t('files.open')}</span>
        <input type="file" multiple accept=${ACCEPT} aria-describedby="files-hint"
          @click=${(e: Event) => this.openThroughPicker(e)}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            void readChosen(input.files ?? []).then((files) => this.open(files));
            input.value = '';
          }} /></label>
      <p id="files-hint" class="field-hint">${t('files.hint')}</p>
      <p class="drop">${t('files.drop')}</p>
      <button type="button" @click=${() => this.newScenario()}>${t('files.new')}</button>
      ${
        this.files.length === 0
          ? html`<p>${t('files.empty')}</p>`
          : html`<ul class="file-list" aria-label=${t('files.list')}>
            ${this.files.map((f) => {
              const unsaved = f.text !== f.savedText;
              return html`<li>
                <button type="button" class="file" aria-current=${f.name === this.current ? 'true' : 'false'}
                  @click=${() => this.choose(f.name, true)}>${f.name}${unsaved ? html` <span class="unsaved">${t('files.unsaved')}</span>` : nothing}</button>
                <button type="button" class="close" aria-label=${t('files.close', { name: f.name })}
                  @click=${() => this.close(f.name)}>×</button>
              </li>`;
            })}
          </ul>`
      }
      ${
        file
          ? html`<button type="button" aria-keyshortcuts="Control+S" @click=${() => void this.save()}>${file.handle ? t('files.save') : t('files.download')}</button>`
          : nothing
      }
    </section>`;
  }

  /** In Chromium, "Open scenario files" opens the File System Access picker, so "Save" can write back. */
  private openThroughPicker(event: Event): void {
    if (!canPickFiles()) return;
    event.preventDefault();
    void pickFiles().then((files) => (files.length > 0 ? this.open(files) : undefined));
  }

  private problemsView() {
    const t = this.t;
    const problems = this.check?.problems ?? [];
    return html`<section class="studio-problems card" aria-labelledby="problems-heading">
      <h2 id="problems-heading">${t('problems.heading')}</h2>
      ${this.checkFailed ? html`<p role="alert">${t('problems.failed', { reason: this.checkFailed })}</p>` : nothing}
      ${
        problems.length === 0
          ? html`<p>${this.check ? t('problems.none') : t('problems.notYet')}</p>`
          : html`<ul class="problem-list">
            ${problems.map((p) => this.problemItem(p))}
          </ul>`
      }
    </section>`;
  }

  private problemItem(p: Problem) {
    const t = this.t;
    return html`<li class=${p.severity}>
      <button type="button" @click=${() => this.goTo(p.file, p.line, p.col)}>
        <span class="where">${p.file}:${p.line}</span>
        <span class="severity">${t(`problems.${p.severity}`)}</span>
        <code>${p.code}</code>
        <span class="message">${p.message}</span>
      </button>
    </li>`;
  }

  private playView() {
    const t = this.t;
    const blocked = this.playBlocked();
    const scenario = this.activeScenario();
    return html`<section class="studio-play card" aria-labelledby="play-heading">
      <h2 id="play-heading">${t('play.heading')}</h2>
      <label class="field"><span class="field-label">${t('play.language')}</span>
        <select @change=${(e: Event) => {
          this.playLanguage = (e.target as HTMLSelectElement).value as 'en' | 'es';
        }}>
          <option value="en" ?selected=${this.playLanguage === 'en'}>${t('play.english')}</option>
          <option value="es" ?selected=${this.playLanguage === 'es'}>${t('play.spanish')}</option>
        </select></label>
      <label class="field"><span class="field-label">${t('play.replyMode')}</span>
        <select @change=${(e: Event) => {
          this.playReplyMode = (e.target as HTMLSelectElement).value as ReplyMode;
        }}>
          <option value="typed" ?selected=${this.playReplyMode === 'typed'}>${t('play.typed')}</option>
          <option value="choices" ?selected=${this.playReplyMode === 'choices'}>${t('play.choices')}</option>
        </select></label>
      <div class="play-buttons">
        <button type="button" ?disabled=${blocked !== null} aria-describedby=${blocked ? 'play-blocked' : nothing}
          @click=${() => scenario && this.play(scenario.scenario, null)}>${t('play.play')}</button>
        <button type="button" ?disabled=${blocked !== null} aria-describedby=${blocked ? 'play-blocked' : nothing}
          @click=${() => scenario && this.openFromDialog(scenario.scenario.start)}>${t('play.fromButton')}</button>
      </div>
      ${blocked ? html`<p id="play-blocked" class="field-hint">${blocked}</p>` : nothing}
      ${this.playProblem ? html`<p role="alert">${this.playProblem}</p>` : nothing}
    </section>`;
  }

  private mapView() {
    const t = this.t;
    const ready = this.services.renderMap !== undefined && this.activeScenario() !== null;
    return html`<section class="studio-map card" aria-labelledby="map-heading">
      <h2 id="map-heading">${t('map.heading')}</h2>
      ${ready ? nothing : html`<p>${t('map.placeholder')}</p>`}
      ${this.mapHost}
    </section>`;
  }

  private drawMap(): void {
    const renderMap = this.services.renderMap;
    const checked = this.activeScenario();
    if (!renderMap || !checked) {
      // Through lit-html, which the map draws with: emptied by hand, the host would stay empty when
      // the scenario compiles again.
      render(nothing, this.mapHost);
      return;
    }
    renderMap(this.mapHost, checked.scenario, {
      t: this.services.i18n.t.bind(this.services.i18n) as TFunction,
      lineOfBeat: (beat) => checked.beatLines[beat] ?? null,
      onBeat: (beat) => {
        const line = checked.beatLines[beat];
        if (line !== undefined) this.goTo(checked.file, line, 1);
      },
      onPlayFrom: (beat) => this.openFromDialog(beat),
    });
  }

  private playthroughsView() {
    const t = this.t;
    const outcomes = this.outcomes;
    const count = this.files.filter((f) => schemaKindOf(f.name) === 'playthrough').length;
    return html`<section class="studio-playthroughs card" aria-labelledby="playthroughs-heading">
      <h2 id="playthroughs-heading">${t('playthroughs.heading')}</h2>
      <p>${t('playthroughs.open', { count })}</p>
      <button type="button" ?disabled=${this.running || count === 0} @click=${() => void this.runPlaythroughs()}>${t('playthroughs.run')}</button>
      ${this.running ? html`<p>${t('playthroughs.running')}</p>` : nothing}
      ${
        outcomes
          ? html`<ul class="outcomes" aria-label=${t('playthroughs.results')}>
            ${outcomes.map(
              (o) => html`<li class=${o.passed ? 'passed' : 'failed'}>
                <span class="outcome">${o.passed ? t('playthroughs.passed') : t('playthroughs.failed')}</span>
                <span>${o.file}</span>
                ${
                  o.failures.length > 0
                    ? html`<ul>${o.failures.map(
                        (
                          f,
                        ) => html`<li><button type="button" @click=${() => this.goTo(o.file, f.line, f.col)}>
                          <span class="where">${o.file}:${f.line}</span> <span class="message">${f.message}</span></button></li>`,
                      )}</ul>`
                    : nothing
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </section>`;
  }

  private dialogView() {
    const t = this.t;
    const scenario = this.activeScenario()?.scenario;
    const choice = this.fromChoice;
    const persona = scenario?.persona;
    return html`<dialog class="play-from card" aria-labelledby="play-from-heading"
        @close=${() => {
          this.fromChoice = null;
        }}>
      ${
        scenario && choice && persona
          ? html`<form method="dialog" @submit=${(e: Event) => {
              e.preventDefault();
              this.playFromDialog(e.target as HTMLFormElement);
            }}>
            <h2 id="play-from-heading">${t('from.heading', { beat: choice.beat })}</h2>
            <label class="field"><span class="field-label">${t('from.beat')}</span>
              <select name="beat" @change=${(e: Event) => {
                this.fromChoice = { beat: (e.target as HTMLSelectElement).value };
                this.draw();
              }}>
                ${scenario.beats
                  // An ending cannot be played from: the conversation is already over there.
                  .filter((b) => b.ending === null)
                  .map((b) => html`<option value=${b.id} ?selected=${b.id === choice.beat}>${b.id}</option>`)}
              </select></label>
            <label class="field"><span class="field-label">${t('from.mood')}</span>
              <input name="mood" type="number" min="-1" max="1" step="0.05" .value=${String(persona.mood)} /></label>
            <label class="field"><span class="field-label">${t('from.trust')}</span>
              <input name="trust" type="number" min="0" max="1" step="0.05" .value=${String(persona.traits.trust)} /></label>
            <label class="field"><span class="field-label">${t('from.patience')}</span>
              <input name="patience" type="number" min="0.05" max="1" step="0.05" .value=${'1'} /></label>
            <fieldset>
              <legend>${t('from.facts')}</legend>
              ${
                scenario.facts.length === 0
                  ? html`<p>${t('from.noFacts')}</p>`
                  : scenario.facts.map(
                      (f) =>
                        html`<label class="check"><input type="checkbox" name="facts" value=${f.id} /> ${f.label[this.playLanguage] ?? f.id}</label>`,
                    )
              }
            </fieldset>
            <div class="play-buttons">
              <button type="submit">${t('from.play')}</button>
              <button type="button" @click=${(e: Event) => (e.target as HTMLElement).closest('dialog')?.close()}>${t('from.cancel')}</button>
            </div>
          </form>`
          : html`<h2 id="play-from-heading">${t('play.fromButton')}</h2>`
      }
    </dialog>`;
  }
}
