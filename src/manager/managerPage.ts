/**
 * The manager's review page: bring scorecards in (files, bundles, a dropped folder, or a learning
 * record store), see what was rejected and why, and the team table, sortable and filterable, with its
 * CSV. Every scorecard is verified in a Web Worker as it arrives; the team is kept in IndexedDB. Everything a trainee or
 * trainer wrote is put on the page as text (lit-html never reads it as HTML).
 */
import type { i18n as I18n } from 'i18next';
import { html, nothing, render } from 'lit-html';
import type { Scenario } from '../core/scenario/types';
import { HistoryEntrySchema, readStored } from '../game/attempt/attemptStore';
import { attemptsJsonl, openAttemptDatabase } from '../game/attempt/historyStore';
import { download } from '../game/ui/dom';
import { gradeEmblem } from '../game/ui/emblems';
import { pageMasthead } from '../pages/pageMasthead';
import { toCsv } from './csv';
import type { DebriefReader } from './debriefReader';
import {
  type ImportFile,
  type ImportPart,
  mergeImports,
  type Rejection,
  shareFiles,
  type UnreadFile,
} from './importShares';
import { traineeTimeline } from './insights';
import { LrsForm, type LrsFormValues } from './lrsForm';
import type { LrsRead, StatementAttempt } from './lrsReader';
import { mergeVersions, readVersionFiles, type VersionFile, type VersionProblem } from './scenarioVersions';
import { scenariosView, scenarioView } from './scenarioView';
import type { StoredAttempt, StoredStatement, TeamStore } from './store';
import {
  type Attempt,
  filterRows,
  HEADLINE,
  NO_FILTER,
  sortRows,
  summaryOf,
  type TeamColumn,
  type TeamFilter,
  type TeamRow,
  teamRows,
  traineeKey,
} from './team';
import { attemptView, CHART_LINES, chartValues, traineeView } from './traineeView';
import type { Trust } from './trust';
import type { KeptText, Verified, VerifyMessage, VerifyRequest, WorkerRequest } from './verifyWorker';
import { hrefOf, type Route, routeOf, scenarioTitle, type ViewContext } from './viewContext';

const COLUMNS: readonly TeamColumn[] = [
  'name',
  'attempts',
  'latestGrade',
  'bestGrade',
  ...HEADLINE,
  'criticalRecent',
  'lastActive',
  'verified',
];
/** How often the progress of a check is drawn. */
const PROGRESS_EVERY_MS = 250;
/**
 * How many trainees the table shows until the manager asks for all: sorting and filtering a team of
 * hundreds stays quick, and the CSV always holds every row that matches.
 */
const TEAM_SHOWN = 50;
/** How many scorecards the team view lists until the manager asks for all. */
const LATEST_LISTED = 20;

/** Every trust the legend explains, in its order; a record, so a new trust cannot be left out. */
const TRUST_LEGEND: Readonly<Record<Trust, true>> = {
  verified: true,
  changed: true,
  'scenario-unknown': true,
  'cannot-recheck': true,
  'not-rechecked': true,
};
const TRUSTS = Object.keys(TRUST_LEGEND) as Trust[];

/** What the page needs from outside. */
export interface ManagerServices {
  readonly i18n: I18n;
  /** The scenario versions this build ships: the current ones, then every earlier release. */
  readonly scenarios: readonly Scenario[];
  /** Why the earlier releases could not be loaded, when they could not (the current ones still are). */
  readonly shippedProblem: string | null;
  /** Null where IndexedDB is unavailable: the team lives only in the page. */
  readonly store: TeamStore | null;
  readonly announce: (text: string) => void;
  readonly changeLanguage: (language: 'en' | 'es') => void;
}

export class ManagerPage {
  private attempts: Attempt[] = [];
  private stored: StoredAttempt[] = [];
  /** The attempts kept as their completed statement alone (read from a learning record store). */
  private statements: StoredStatement[] = [];
  private readonly lrs: LrsForm;
  private rejected: Rejection[] = [];
  private conflicts: { attemptId: string; files: string[] }[] = [];
  private summary: string | null = null;
  private progress: { done: number; total: number } | null = null;
  private sort: { column: TeamColumn; descending: boolean } = { column: 'name', descending: false };
  private filter: TeamFilter = NO_FILTER;
  private listAll = false;
  private teamAll = false;
  private progressDrawn = false;
  private rowsOf: {
    readonly attempts: readonly Attempt[];
    readonly scenarios: readonly Scenario[];
    readonly rows: TeamRow[];
  } | null = null;
  /** Every scenario version the page verifies with: those shipped, then those a manager loaded. */
  private scenarios: readonly Scenario[];
  private loadedVersions = 0;
  private versionProblems: readonly VersionProblem[] = [];
  private route: Route = routeOf(window.location.hash);
  /** The game's debrief, loaded when a view first needs it. */
  private reader: { readonly language: string; readonly value: DebriefReader } | null = null;
  private readerLoading: string | null = null;
  /** What the progress chart shows now, and how to take it down. */
  private chart: { readonly key: string; readonly remove: () => void } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly services: ManagerServices,
  ) {
    this.scenarios = services.scenarios;
    this.lrs = new LrsForm({
      i18n: services.i18n,
      announce: (text) => this.services.announce(text),
      draw: () => this.draw(),
      read: (values) => this.readFromStore(values),
    });
  }

  private get t() {
    return this.services.i18n.t;
  }

  /** Loads the kept team, then draws. */
  async start(): Promise<void> {
    window.addEventListener('hashchange', () => {
      this.route = routeOf(window.location.hash);
      this.draw();
      // A new view: take the reader to its heading, as a new page would.
      this.root.querySelector<HTMLElement>('#view-heading')?.focus();
    });
    this.draw();
    const loaded = (await this.services.store?.scenarios()) ?? [];
    this.scenarios = mergeVersions(this.services.scenarios, loaded);
    this.loadedVersions = this.scenarios.length - this.services.scenarios.length;
    this.stored = (await this.services.store?.all()) ?? [];
    const reads = new Map((await readKeptOffThePage(this.stored)).map((r) => [r.hash, r.read]));
    this.attempts = this.stored.flatMap((s) => {
      const read = reads.get(s.hash);
      return read ? [{ hash: s.hash, read, trust: s.trust, fields: s.fields, file: s.file }] : [];
    });
    this.statements = (await this.services.store?.statements()) ?? [];
    if (this.statements.length > 0) {
      const { readStatementAttempt } = await import('./lrsReader');
      this.attempts = [
        ...this.attempts,
        ...this.statements.flatMap((s) => {
          const read = readStatementAttempt(s);
          return read ? [statementAttempt(read)] : [];
        }),
      ];
    }
    this.draw();
  }

  /**
   * Shows how far a check has come, drawing at most a few times a second: every draw is work the
   * workers' cores would otherwise do.
   */
  private showProgress(done: number, total: number): void {
    this.progress = { done, total };
    if (this.progressDrawn) return;
    this.progressDrawn = true;
    window.setTimeout(() => {
      this.progressDrawn = false;
      if (this.progress) this.draw();
    }, PROGRESS_EVERY_MS);
  }

  /** Imports files: verified in a worker, kept, then drawn. */
  async importFiles(files: readonly (ImportFile | UnreadFile)[]): Promise<void> {
    if (files.length === 0) return;
    this.summary = this.t('import.summary', await this.takeIn(files, []));
    this.services.announce(this.summary);
    this.draw();
  }

  /**
   * Reads a team from a learning record store: its scorecards go in as files do, verified alike; its
   * completed statements without one join as attempts "not re-checked". Says what came of it, or why
   * the store could not be read.
   */
  private async readFromStore(values: LrsFormValues): Promise<{ ok: boolean; say: () => string }> {
    // The reader (and the xAPI vocabulary it brings) loads when a read is asked for, not with the page.
    const { readLrs } = await import('./lrsReader');
    const read = await readLrs(values.query, {
      fetch: (input, init) => window.fetch(input, init),
      progress: (p) => this.lrs.progress(p),
    });
    if (!read.ok) {
      const problem = read.problems[0];
      const say = () =>
        this.t(`lrs.errors.${problem?.code ?? 'unreachable'}`, {
          status: problem?.status ?? '',
          message: problem?.message ?? '',
          origin: window.location.origin,
        });
      return { ok: false, say };
    }
    const { pages, statements, alone, capped } = read.value;
    const imported = await this.takeIn(read.value.files, alone, read.value);
    const say = () =>
      [
        this.t('lrs.read', { count: pages, attempts: statements, unchecked: alone.length }),
        ...(capped ? [this.t('lrs.capped')] : []),
        this.t('import.summary', imported),
      ].join(' ');
    return { ok: true, say };
  }

  /**
   * Takes in files (verified in workers) and attempts known by their statement alone, keeps them, and
   * says what was added. A scorecard replaces a statement-only attempt of the same attempt id; a
   * statement-only attempt is not taken when the team holds its attempt already. `read` is set when
   * they came from a learning record store, whose rejected statements are listed with the files'.
   */
  private async takeIn(
    files: readonly (ImportFile | UnreadFile)[],
    alone: readonly StatementAttempt[],
    read: LrsRead | null = null,
  ): Promise<{ accepted: number; duplicates: number; rejected: number }> {
    const known = this.stored.map((s) => [s.attemptId, s.hash] as const);
    const request: VerifyRequest = { files, scenarios: this.scenarios, known };
    this.progress = { done: 0, total: 0 };
    this.draw();
    const outcome =
      files.length === 0
        ? { accepted: [], rejected: [], duplicates: 0, conflicts: [] }
        : await runVerify(request, (done, total) => this.showProgress(done, total));
    const now = new Date().toISOString();
    // Conflicting copies are shown, never counted: neither copy joins the team.
    const conflicting = new Set(outcome.conflicts.map((c) => c.attemptId));
    const taken = outcome.accepted.filter((a) => !conflicting.has(a.attemptId));
    const keep: StoredAttempt[] = taken.map((a) => ({
      hash: a.hash,
      attemptId: a.attemptId,
      file: a.file,
      text: a.text,
      trust: a.trust,
      fields: a.fields,
      importedAt: now,
    }));
    await this.services.store?.add(keep);
    this.stored = [...this.stored, ...keep];
    // A scorecard says everything its statement said, and can be checked: it takes the statement's place.
    const scored = new Set(this.stored.map((s) => s.attemptId));
    const replaced = this.statements.filter((s) => scored.has(s.attemptId)).map((s) => s.hash);
    const held = new Set([...scored, ...this.statements.map((s) => s.attemptId)]);
    const fresh =
      alone.length === 0
        ? { taken: [], duplicates: 0 }
        : (await import('./lrsReader')).newStatementAttempts(alone, held);
    const keptAlone: StoredStatement[] = fresh.taken.map((a) => ({
      hash: a.hash,
      attemptId: a.attemptId,
      file: a.file,
      text: a.text,
      importedAt: now,
    }));
    if (keptAlone.length > 0 || replaced.length > 0)
      await this.services.store?.keepStatements(keptAlone, replaced);
    const gone = new Set(replaced);
    this.statements = [...this.statements.filter((s) => !gone.has(s.hash)), ...keptAlone];
    this.attempts = [
      ...this.attempts.filter((a) => !gone.has(a.hash)),
      ...taken.map((a) => ({ hash: a.hash, read: a.read, trust: a.trust, fields: a.fields, file: a.file })),
      ...fresh.taken.map(statementAttempt),
    ];
    this.rejected = [...outcome.rejected, ...(read?.rejected ?? [])];
    this.conflicts = outcome.conflicts.map((c) => ({
      attemptId: c.attemptId,
      files: c.copies.map((copy) => (copy.file === '' ? this.t('conflicts.earlier') : copy.file)),
    }));
    this.progress = null;
    return {
      accepted: keep.length + keptAlone.length,
      duplicates: outcome.duplicates + fresh.duplicates,
      rejected: this.rejected.length,
    };
  }

  /** Brings in the game's own finished attempts from this browser (what "Export my attempts" would send). */
  private async addThisBrowser(): Promise<void> {
    const db = await openAttemptDatabase();
    const raw = (await db?.getAll()) ?? [];
    const entries = raw.flatMap((r) => {
      const parsed = readStored(HistoryEntrySchema, r);
      return parsed.success ? [parsed.data] : [];
    });
    if (entries.length === 0) {
      this.summary = this.t('import.noneHere');
      this.services.announce(this.summary);
      this.draw();
      return;
    }
    await this.importFiles([{ name: this.t('import.thisBrowserFile'), text: attemptsJsonl(entries).text }]);
  }

  /**
   * Loads scenario versions from files a manager picked or dropped (a pack's `released/` folder, or
   * the whole pack), keeps them, and checks again every scorecard whose scenario version was unknown.
   */
  private async loadVersions(files: readonly VersionFile[]): Promise<void> {
    if (files.length === 0) return;
    const read = readVersionFiles(files);
    this.versionProblems = read.problems;
    const before = this.scenarios.length;
    this.scenarios = mergeVersions(this.scenarios, read.scenarios);
    const added = this.scenarios.length - before;
    this.loadedVersions += added;
    this.reader = null;
    if (added > 0)
      await this.services.store?.addScenarios(read.scenarios, files[0]?.path || files[0]?.name || '');
    // Scorecards the page could not check before may now find their version.
    const unknown = this.stored.filter((s) => s.trust === 'scenario-unknown');
    let found = 0;
    if (added > 0 && unknown.length > 0) {
      this.progress = { done: 0, total: unknown.length };
      this.draw();
      const again = await runVerify(
        { files: unknown.map((u) => ({ name: u.file, text: u.text })), scenarios: this.scenarios, known: [] },
        (done, total) => this.showProgress(done, total),
      );
      const byHash = new Map(again.accepted.map((a) => [a.hash, a]));
      const updated = unknown.flatMap((u) => {
        const a = byHash.get(u.hash);
        return a && a.trust !== 'scenario-unknown' ? [{ ...u, trust: a.trust, fields: a.fields }] : [];
      });
      found = updated.length;
      await this.services.store?.update(updated);
      const next = new Map(updated.map((u) => [u.hash, u]));
      this.stored = this.stored.map((u) => next.get(u.hash) ?? u);
      this.attempts = this.attempts.map((a) => {
        const u = next.get(a.hash);
        return u ? { ...a, trust: u.trust, fields: u.fields } : a;
      });
      this.progress = null;
    }
    this.summary = this.t('versions.summary', { added, found, problems: read.problems.length });
    this.services.announce(this.summary);
    this.draw();
  }

  private async clear(): Promise<void> {
    if (!window.confirm(this.t('import.clearConfirm'))) return;
    await this.services.store?.clear();
    this.stored = [];
    this.statements = [];
    this.attempts = [];
    this.rejected = [];
    this.conflicts = [];
    this.scenarios = this.services.scenarios;
    this.loadedVersions = 0;
    this.versionProblems = [];
    this.reader = null;
    this.summary = this.t('import.cleared');
    this.services.announce(this.summary);
    this.draw();
  }

  private scenarioInfo = (id: string) => this.scenarios.find((s) => s.id === id);

  /** One row per trainee, made again only when the attempts or the scenario versions change. */
  private allRows(): TeamRow[] {
    if (this.rowsOf?.attempts !== this.attempts || this.rowsOf.scenarios !== this.scenarios)
      this.rowsOf = {
        attempts: this.attempts,
        scenarios: this.scenarios,
        rows: teamRows(this.attempts, this.scenarioInfo),
      };
    return this.rowsOf.rows;
  }

  /** The rows the table shows now: filtered, then sorted. */
  private rows(): TeamRow[] {
    return sortRows(filterRows(this.allRows(), this.filter), this.sort.column, this.sort.descending);
  }

  private cell(row: TeamRow, column: TeamColumn): string | number | null {
    const t = this.t;
    switch (column) {
      case 'latestGrade':
      case 'bestGrade':
        return row[column] ? t(`grades.${row[column]}`) : null;
      case 'empathy':
      case 'promises':
      case 'tier':
        return row.latest[column];
      case 'lastActive':
        return row.lastActive ? row.lastActive.slice(0, 10) : null;
      case 'verified':
        return row.verified;
      default:
        return row[column];
    }
  }

  private exportCsv(): void {
    const rows = this.rows();
    const t = this.t;
    const header = [
      ...COLUMNS.map((c) => t(`team.columns.${c}`)),
      ...HEADLINE.map((d) => `${t(`team.columns.${d}`)} ±`),
      t('team.uncheckedColumn'),
    ];
    const body = rows.map((row) => [
      ...COLUMNS.map((c) => this.cell(row, c)),
      ...HEADLINE.map((d) => row.trend[d]),
      row.unchecked,
    ]);
    download('team.csv', toCsv([header, ...body]), 'text/csv');
  }

  private trend(value: number | null) {
    const t = this.t;
    if (value === null) return nothing;
    const text =
      value > 0
        ? t('team.trendUp', { points: value })
        : value < 0
          ? t('team.trendDown', { points: -value })
          : t('team.trendSame');
    return html`<span class="trend ${value > 0 ? 'up' : value < 0 ? 'down' : ''}">(${text})</span>`;
  }

  private teamTable() {
    const t = this.t;
    const all = this.allRows();
    const rows = this.rows();
    if (all.length === 0) return html`<p class="empty">${t('team.empty')}</p>`;
    // Two trainees with one name are told apart by their employee id, or the end of their id.
    const names = new Map<string, number>();
    for (const row of all) names.set(row.name, (names.get(row.name) ?? 0) + 1);
    const who = (row: TeamRow) =>
      (names.get(row.name) ?? 0) > 1 && (row.employeeId || row.id)
        ? html` <span class="who-id">(${row.employeeId ?? `…${(row.id ?? '').slice(-6)}`})</span>`
        : nothing;
    const header = (column: TeamColumn) => {
      const sorted = this.sort.column === column;
      const aria = sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
      return html`<th scope="col" aria-sort=${aria}>
        <button type="button" class="sort" aria-label=${t('team.sortBy', { column: t(`team.columns.${column}`) })}
          @click=${() => {
            this.sort = { column, descending: sorted ? !this.sort.descending : column !== 'name' };
            this.draw();
          }}>${t(`team.columns.${column}`)}<span aria-hidden="true">${sorted ? (this.sort.descending ? ' ▼' : ' ▲') : ''}</span></button>
      </th>`;
    };
    const cut = !this.teamAll && rows.length > TEAM_SHOWN;
    const shownRows = cut ? rows.slice(0, TEAM_SHOWN) : rows;
    return html`<p class="showing" role="status">${
      cut
        ? t('team.showingFirst', { count: TEAM_SHOWN, shown: rows.length, total: all.length })
        : t('team.showing', { shown: rows.length, total: all.length })
    }</p>
      <div class="table-wrap">
        <table class="team">
          <caption>${t('team.heading')}</caption>
          <thead><tr>${COLUMNS.map(header)}</tr></thead>
          <tbody>
            ${shownRows.map(
              (row) => html`<tr>
                <th scope="row"><a href=${hrefOf({ view: 'trainee', key: row.key })}>${row.name || '—'}</a>${who(row)}</th>
                <td>${row.attempts}</td>
                <td class="grade-cell">${gradeEmblem(row.latestGrade)}${this.cell(row, 'latestGrade') ?? '—'}</td>
                <td class="grade-cell">${gradeEmblem(row.bestGrade)}${this.cell(row, 'bestGrade') ?? '—'}</td>
                ${HEADLINE.map((d) => html`<td>${row.latest[d] ?? '—'} ${this.trend(row.trend[d])}</td>`)}
                <td>${row.criticalRecent}</td>
                <td>${this.cell(row, 'lastActive') ?? '—'}</td>
                <td>${t('team.verifiedOf', { verified: row.verified, attempts: row.attempts })}${
                  row.unchecked > 0
                    ? html` <span class="trust-badge" data-trust="not-rechecked">${t('team.unchecked', { count: row.unchecked })}</span>`
                    : nothing
                }</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        rows.length > TEAM_SHOWN
          ? html`<button type="button" class="secondary" aria-expanded=${this.teamAll ? 'true' : 'false'} @click=${() => {
              this.teamAll = !this.teamAll;
              this.draw();
            }}>${this.teamAll ? t('team.fewer', { count: TEAM_SHOWN }) : t('team.all', { count: rows.length })}</button>`
          : nothing
      }`;
  }

  private filters() {
    const t = this.t;
    const set = (changes: Partial<TeamFilter>) => {
      this.filter = { ...this.filter, ...changes };
      this.draw();
    };
    const levels = [...new Set(this.scenarios.map((s) => s.level))].sort();
    const channels = [...new Set(this.scenarios.map((s) => s.channel))].sort();
    return html`<fieldset class="filters">
      <legend>${t('filters.heading')}</legend>
      <label class="field"><span class="field-label">${t('filters.name')}</span>
        <input type="search" .value=${this.filter.name} @input=${(e: Event) => set({ name: (e.target as HTMLInputElement).value })} /></label>
      <label class="field"><span class="field-label">${t('filters.level')}</span>
        <select @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          set({ level: v === '' ? null : Number(v) });
        }}>
          <option value="">${t('filters.any')}</option>
          ${levels.map((l) => html`<option value=${String(l)} ?selected=${this.filter.level === l}>${t('levelN', { level: l })}</option>`)}
        </select></label>
      <label class="field"><span class="field-label">${t('filters.channel')}</span>
        <select @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          set({ channel: v === '' ? null : v });
        }}>
          <option value="">${t('filters.any')}</option>
          ${channels.map((c) => html`<option value=${c} ?selected=${this.filter.channel === c}>${t(`channels.${c}`)}</option>`)}
        </select></label>
      <label class="field"><span class="field-label">${t('filters.from')}</span>
        <input type="date" .value=${this.filter.from ?? ''} @change=${(e: Event) => set({ from: (e.target as HTMLInputElement).value || null })} /></label>
      <label class="field"><span class="field-label">${t('filters.to')}</span>
        <input type="date" .value=${this.filter.to ?? ''} @change=${(e: Event) => set({ to: (e.target as HTMLInputElement).value || null })} /></label>
      <label class="check"><input type="checkbox" .checked=${this.filter.verifiedOnly}
        @change=${(e: Event) => set({ verifiedOnly: (e.target as HTMLInputElement).checked })} />${t('filters.verifiedOnly')}</label>
    </fieldset>`;
  }

  private attemptList() {
    const t = this.t;
    if (this.attempts.length === 0) return nothing;
    const ctx = this.context();
    return html`<section class="card" aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">${t('attempts.heading')}</h2>
      <ul class="attempt-list">
        ${this.listed().map((a) => {
          const s = a.read.current ? a.read.scorecard : a.read.summary;
          const what = s.scenarios.map((x) => scenarioTitle(ctx, x.id)).join(', ');
          return html`<li data-trust=${a.trust}>
            <span class="trust-badge">${t(`trust.${a.trust}`)}</span>
            ${gradeEmblem(s.score.grade)}<a href=${hrefOf({ view: 'attempt', hash: a.hash })}>${t(
              'attempts.line',
              {
                name: s.trainee.name || '—',
                what,
                grade: s.score.grade ? t(`grades.${s.score.grade}`) : '—',
                score: s.score.overall ?? '',
                when: s.attempt.finishedAt?.slice(0, 10) ?? '—',
              },
            )}</a>
            ${a.fields.length > 0 ? html`<span class="fields">${t('attempts.fields', { fields: a.fields.join(', ') })}</span>` : nothing}
          </li>`;
        })}
      </ul>
      ${
        this.attempts.length > LATEST_LISTED
          ? html`<button type="button" class="secondary" aria-expanded=${this.listAll ? 'true' : 'false'} @click=${() => {
              this.listAll = !this.listAll;
              this.draw();
            }}>${this.listAll ? t('attempts.fewer', { count: LATEST_LISTED }) : t('attempts.all', { count: this.attempts.length })}</button>`
          : nothing
      }
    </section>`;
  }

  /** The scorecards listed: the latest first, all of them or only the latest few. */
  private listed(): Attempt[] {
    const when = (a: Attempt) => summaryOf(a).attempt.finishedAt ?? '';
    const latest = [...this.attempts].sort((a, b) => when(b).localeCompare(when(a)));
    return this.listAll ? latest : latest.slice(0, LATEST_LISTED);
  }

  /** What the views read. */
  private context(): ViewContext {
    return {
      t: this.t,
      language: this.language(),
      attempts: this.attempts,
      scenarios: this.scenarios,
      reader: this.reader?.language === this.language() ? this.reader.value : null,
      saveCsv: (name, rows) => download(name, toCsv(rows), 'text/csv'),
    };
  }

  private language(): 'en' | 'es' {
    return this.services.i18n.language === 'es' ? 'es' : 'en';
  }

  /** The view the route names. */
  private view() {
    const t = this.t;
    const ctx = this.context();
    const route = this.route;
    const missing = (text: string) =>
      html`<section class="card view" aria-labelledby="view-heading">
        <h2 id="view-heading" tabindex="-1">${text}</h2>
        <p><a href=${hrefOf({ view: 'team' })}>${t('nav.backToTeam')}</a></p>
      </section>`;
    switch (route.view) {
      case 'team':
        return this.teamView();
      case 'trainee': {
        const row = this.allRows().find((r) => r.key === route.key);
        return row ? traineeView(ctx, row) : missing(t('nav.noTrainee'));
      }
      case 'scenarios':
        return scenariosView(ctx);
      case 'scenario':
        return scenarioView(ctx, route.id);
      case 'attempt': {
        const attempt = this.attempts.find((a) => a.hash === route.hash);
        return attempt ? attemptView(ctx, attempt) : missing(t('nav.noAttempt'));
      }
    }
  }

  /** The scenario versions the page checks with, and loading more. */
  private versionsCard() {
    const t = this.t;
    const pick = async (input: HTMLInputElement) => {
      const files = await Promise.all(
        [...(input.files ?? [])].map(async (f) => ({
          name: f.name,
          path: f.webkitRelativePath,
          text: await f.text(),
        })),
      );
      input.value = '';
      await this.loadVersions(files);
    };
    return html`<section class="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">${t('versions.heading')}</h2>
      <p>${t('versions.held', { count: this.scenarios.length, shipped: this.services.scenarios.length, loaded: this.loadedVersions })}</p>
      ${this.services.shippedProblem ? html`<p class="warning-text">${this.services.shippedProblem}</p>` : nothing}
      <label class="field"><span class="field-label">${t('versions.folder')}</span>
        <input type="file" webkitdirectory multiple aria-describedby="versions-hint" @change=${(e: Event) => void pick(e.target as HTMLInputElement)} /></label>
      <label class="field"><span class="field-label">${t('versions.files')}</span>
        <input type="file" multiple accept=".json" aria-describedby="versions-hint" @change=${(e: Event) => void pick(e.target as HTMLInputElement)} /></label>
      <p class="field-hint" id="versions-hint">${t('versions.hint')}</p>
      ${
        this.versionProblems.length > 0
          ? html`<ul class="version-problems">${this.versionProblems.map((p) => html`<li>${t('versions.problem', { file: p.file, message: p.message })}</li>`)}</ul>`
          : nothing
      }
    </section>`;
  }

  private teamView() {
    const t = this.t;
    return html`<div class="manager-grid">
          <section class="card" aria-labelledby="import-heading">
            <h2 id="import-heading">${t('import.heading')}</h2>
            ${this.services.store ? nothing : html`<p class="warning-text">${t('import.noStorage')}</p>`}
            <label class="field"><span class="field-label">${t('import.files')}</span>
              <input type="file" multiple accept=".json,.jsonl,.ndjson,application/json" aria-describedby="import-hint"
                @change=${(e: Event) => void this.pick(e.target as HTMLInputElement)} /></label>
            <p class="field-hint" id="import-hint">${t('import.filesHint')}</p>
            <button type="button" @click=${() => void this.addThisBrowser()}>${t('import.thisBrowser')}</button>
            <div class="drop" @dragover=${(e: DragEvent) => e.preventDefault()} @drop=${(e: DragEvent) => void this.drop(e)}>${t('import.drop')}</div>
            ${
              this.progress
                ? html`<label class="field"><span class="field-label">${t('import.working', this.progress)}</span>
                    <progress max=${Math.max(1, this.progress.total)} .value=${this.progress.done} aria-label=${t('import.progress')}></progress></label>`
                : nothing
            }
            ${this.summary ? html`<p class="summary">${this.summary}</p>` : nothing}
            <button type="button" class="secondary" ?disabled=${this.attempts.length === 0} @click=${() => void this.clear()}>${t('import.clear')}</button>
          </section>
          ${this.lrs.view()}
          <section class="card" role="region" aria-labelledby="rejected-heading">
            <h2 id="rejected-heading">${t('rejected.heading')}</h2>
            ${
              this.rejected.length === 0
                ? html`<p class="empty">${t('rejected.none')}</p>`
                : html`<ul>${this.rejected.map(
                    (r) =>
                      html`<li>${t(r.field ? 'rejected.lineField' : 'rejected.line', { file: r.file, line: r.line, field: r.field, message: r.message })}</li>`,
                  )}</ul>`
            }
            ${
              this.conflicts.length > 0
                ? html`<h3>${t('conflicts.heading')}</h3><ul>${this.conflicts.map(
                    (c) =>
                      html`<li>${t('conflicts.line', { attempt: c.attemptId, count: c.files.length, files: c.files.join(', ') })}</li>`,
                  )}</ul>`
                : nothing
            }
          </section>
          <section class="card" aria-labelledby="trust-heading">
            <h2 id="trust-heading">${t('trust.heading')}</h2>
            <dl>${TRUSTS.map((k) => html`<dt>${t(`trust.${k}`)}</dt><dd>${t(`trust.about.${k}`)}</dd>`)}</dl>
          </section>
          ${this.versionsCard()}
        </div>
        <section class="card team-card" aria-labelledby="view-heading">
          <h2 id="view-heading" tabindex="-1">${t('team.heading')}</h2>
          ${this.filters()}
          <div class="table-tools">
            <button type="button" ?disabled=${this.attempts.length === 0} @click=${() => this.exportCsv()}>${t('team.csv')}</button>
            <button type="button" class="secondary" @click=${() => window.print()}>${t('team.print')}</button>
          </div>
          ${this.teamTable()}
        </section>
        ${this.attemptList()}`;
  }

  draw(): void {
    const t = this.t;
    const language = this.services.i18n.language;
    const route = this.route;
    const tab = (view: 'team' | 'scenarios', label: string) => {
      const here =
        view === 'team' ? route.view !== 'scenarios' && route.view !== 'scenario' : !this.onTeamSide();
      return html`<li><a href=${hrefOf({ view })} aria-current=${here ? 'page' : 'false'}>${label}</a></li>`;
    };
    render(
      html`${pageMasthead({ who: 'manager', t, language, change: (next) => this.services.changeLanguage(next) })}
        <nav class="views" aria-label=${t('nav.views')}>
          <ul>${tab('team', t('nav.team'))}${tab('scenarios', t('nav.scenarios'))}</ul>
        </nav>
        <main class="view-body">${this.view()}</main>`,
      this.root,
    );
    this.afterDraw();
  }

  private onTeamSide(): boolean {
    return this.route.view !== 'scenarios' && this.route.view !== 'scenario';
  }

  /** What a view draws outside lit-html: the chart, the debrief, and the debrief's loading. */
  private afterDraw(): void {
    const route = this.route;
    const language = this.language();
    if ((route.view === 'attempt' || route.view === 'scenario') && this.reader?.language !== language)
      void this.loadReader(language);
    const chartArea = this.root.querySelector<HTMLElement>('#progress-chart');
    const chartKey = route.view === 'trainee' ? `${route.key} ${language} ${this.attempts.length}` : '';
    if (!chartArea || this.chart?.key !== chartKey) {
      this.chart?.remove();
      this.chart = null;
    }
    if (chartArea && route.view === 'trainee' && !this.chart) {
      const points = traineeTimeline(this.attempts, route.key);
      const labels = points.map((p) => p.finishedAt?.slice(0, 10) ?? '—');
      const lines = CHART_LINES.map((line) => ({
        label: this.t(line.key === 'overall' ? 'trainee.overall' : `team.columns.${line.key}`),
        color: line.color,
        dash: line.dash,
        values: chartValues(points, line.key),
      }));
      const key = chartKey;
      this.chart = { key, remove: () => undefined };
      void import('./progressChart').then(({ drawProgress }) => {
        // Only if the same trainee is still on screen.
        if (this.chart?.key !== key || !chartArea.isConnected) return;
        this.chart = { key, remove: drawProgress(chartArea, labels, lines) };
      });
    }
    const drill = this.root.querySelector<HTMLElement>('#drill');
    const reader = this.context().reader;
    if (drill && reader && route.view === 'attempt') {
      const attempt = this.attempts.find((a) => a.hash === route.hash);
      const drawn = `${route.hash} ${language}`;
      if (attempt?.read.current && drill.dataset.drawn !== drawn) {
        const card = attempt.read.scorecard;
        drill.dataset.drawn = drawn;
        reader.render(
          drill,
          card,
          card.scenarios.map((s) => scenarioTitle(this.context(), s.id)).join(', '),
          {
            exportScorecard: () =>
              download(`scorecard-${card.attempt.id}.json`, `${JSON.stringify(card, null, 2)}\n`),
            print: () => window.print(),
            back: {
              label: this.t('drill.back', { name: card.trainee.name || '—' }),
              go: () => {
                window.location.hash = hrefOf({ view: 'trainee', key: traineeKey(attempt) });
              },
            },
          },
        );
      }
    }
  }

  /** Loads the game's debrief in a language, then draws again with it. */
  private async loadReader(language: 'en' | 'es'): Promise<void> {
    if (this.readerLoading === language) return;
    this.readerLoading = language;
    const { openDebriefReader } = await import('./debriefReader');
    const value = await openDebriefReader(language, this.scenarios);
    this.reader = { language, value };
    this.readerLoading = null;
    this.draw();
  }

  private async pick(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])].map((f) => ({ name: f.name, blob: f }));
    input.value = '';
    await this.importFiles(files);
  }

  private async drop(event: DragEvent): Promise<void> {
    event.preventDefault();
    const entries = [...(event.dataTransfer?.items ?? [])].flatMap((item) => {
      const entry = item.webkitGetAsEntry?.();
      return entry ? [entry] : [];
    });
    const files = entries.length > 0 ? await filesOfEntries(entries) : [...(event.dataTransfer?.files ?? [])];
    await this.importFiles(files.map((f) => ({ name: f.name, blob: f })));
  }
}

/** Every file in dropped entries, folders walked (a folder's reader hands out its entries in batches). */
async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<File[]> {
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      out.push(
        await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)),
      );
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out.filter((f) => /\.(json|jsonl|ndjson)$/i.test(f.name));
}

/** A verification worker. */
function verifyWorker(): Worker {
  return new Worker(new URL('./verifyWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * Reads the kept scorecards back in a worker, so opening the page never freezes it (and the page
 * itself never loads the scorecard reader).
 */
async function readKeptOffThePage(kept: readonly KeptText[]) {
  if (kept.length === 0) return [];
  if (typeof Worker === 'undefined') return (await import('./verifyWorker')).readKept(kept);
  const worker = verifyWorker();
  try {
    return await new Promise<Extract<VerifyMessage, { type: 'read' }>['reads']>((resolve, reject) => {
      worker.addEventListener('message', (event: MessageEvent<VerifyMessage>) => {
        if (event.data.type === 'read') resolve(event.data.reads);
      });
      worker.addEventListener('error', (event) => reject(new Error(event.message)));
      worker.postMessage({
        kind: 'read',
        kept: kept.map(({ hash, file, text }) => ({ hash, file, text })),
      } satisfies WorkerRequest);
    });
  } finally {
    worker.terminate();
  }
}

/** The most workers an import runs at once (each holds the scenarios and replays on its own core). */
const MAX_WORKERS = 4;

/**
 * Runs the verification in Web Workers, one per core (inline where workers are unavailable), each on
 * a share of the files, and puts the shares together.
 */
async function runVerify(request: VerifyRequest, progress: (done: number, total: number) => void) {
  const known = new Map(request.known);
  if (typeof Worker === 'undefined') {
    const { verifyFiles } = await import('./verifyWorker');
    return mergeImports([await verifyFiles(request, progress)], known);
  }
  const cores = Math.min(MAX_WORKERS, Math.max(1, navigator.hardwareConcurrency || 1));
  // A bundle larger than a share is read here, to be cut between its lines; other files are read by
  // the workers, each its own share, so reading runs on every core too.
  const total = request.files.reduce((n, f) => n + ('blob' in f ? f.blob.size : f.text.length), 0);
  const files = await Promise.all(
    request.files.map(async (f) =>
      'blob' in f && f.blob.size > total / cores && /\.(jsonl|ndjson)$/i.test(f.name)
        ? { name: f.name, text: await f.blob.text() }
        : f,
    ),
  );
  const shares = shareFiles(files, cores);
  const counts = shares.map(() => ({ done: 0, total: 0 }));
  const parts = await Promise.all(
    shares.map(
      (files, i) =>
        new Promise<ImportPart<Verified>>((resolve, reject) => {
          const worker = verifyWorker();
          worker.addEventListener('message', (event: MessageEvent<VerifyMessage>) => {
            if (event.data.type === 'progress') {
              counts[i] = { done: event.data.done, total: event.data.total };
              progress(
                counts.reduce((n, c) => n + c.done, 0),
                counts.reduce((n, c) => n + c.total, 0),
              );
            } else if (event.data.type === 'done') {
              worker.terminate();
              resolve(event.data.part);
            }
          });
          worker.addEventListener('error', (event) => {
            worker.terminate();
            reject(new Error(event.message));
          });
          worker.postMessage({ kind: 'verify', ...request, files } satisfies WorkerRequest);
        }),
    ),
  );
  return mergeImports(parts, known);
}

/** An attempt known by its completed statement alone, as the views hold it: never re-checked. */
function statementAttempt(a: StatementAttempt): Attempt {
  return {
    hash: a.hash,
    read: { current: false, statement: true, summary: a.summary },
    trust: 'not-rechecked',
    fields: [],
    file: a.file,
  };
}
