/**
 * The menu on screen, without Phaser: it is all DOM, so the game shows it as soon as the settings,
 * words and saves are read, and Phaser (most of the page's code) arrives behind it. What the trainee
 * asks to play goes to the menu scene once Phaser is up (`MenuStage`); asked earlier, it waits for it.
 */
import { attemptsFileName, attemptsJsonl, bestGrades, type HistoryView } from '../attempt/historyStore';
import { SCENES } from '../keys';
import type { MenuLibrary } from '../menuLibrary';
import type { LmsPlaying } from '../reporting/launch';
import { placeOfficeStrip } from '../scenes/office';
import type { GameServices } from '../services';
import { applySettings, type Settings } from '../settings';
import { inLanguage } from '../text';
import { download, markScene } from './dom';
import { type MenuFill, renderMenu } from './MenuView';

/** What the trainee asked the menu for: a practice scenario, a shift, or the unfinished attempt. */
export type MenuIntent = { readonly mode: 'practice' | 'shift'; readonly playing: string } | 'resume';

/** What starts play: the menu scene, once Phaser has booted. */
export interface MenuStage {
  begin(intent: MenuIntent): void;
}

/** What a learning-system package lists: the one scenario or shift it was built for, or the whole library. */
function packagedLibrary(library: MenuLibrary, playing: LmsPlaying | null): MenuLibrary {
  if (!playing) return library;
  return {
    ...library,
    scenarios: playing.mode === 'practice' ? library.scenarios.filter((x) => x.id === playing.id) : [],
    shifts: playing.mode === 'shift' ? library.shifts.filter((x) => x.id === playing.id) : [],
  };
}

/** The menu: who, what, settings, resume, and the finished attempts. */
export class MenuScreen {
  /** A save that could not be restored, kept raw so the trainee can download it. */
  private unreadable: string | null = null;
  /** What to try again after the desk's code failed to load; null when nothing failed. */
  private retry: (() => void) | null = null;
  /** The finished attempts, once read (the menu shows before they arrive). */
  private history: HistoryView | null = null;
  /** Fills the history into the menu on screen. */
  private fill: MenuFill | null = null;
  private stage: MenuStage | null = null;
  /** What the trainee asked for before Phaser was up. */
  private waiting: MenuIntent | null = null;
  /** Whether the menu is on screen now. */
  shown = false;

  constructor(readonly services: GameServices) {}

  /** Shows the menu and reads the finished attempts into it. */
  open(): void {
    this.history = null;
    this.shown = true;
    this.render();
    markScene(SCENES.menu);
    void this.services.history.view().then((history) => {
      this.history = history;
      if (this.shown) this.fill?.(this.fillOf(history));
    });
  }

  /** Phaser's menu scene is up: what the trainee asked for meanwhile starts now. */
  attach(stage: MenuStage): void {
    this.stage = stage;
    const asked = this.waiting;
    this.waiting = null;
    if (asked) stage.begin(asked);
  }

  /** The menu left the screen (the desk or a loading screen replaces it). */
  detach(): void {
    this.stage = null;
    this.shown = false;
  }

  private ask(intent: MenuIntent): void {
    if (this.stage) {
      this.stage.begin(intent);
      return;
    }
    this.waiting = intent;
    this.services.announce(this.services.i18n.t('loading.label'));
  }

  /** A save could not be restored: offer to download it raw, then forget it. */
  unreadableSave(raw: string): void {
    this.unreadable = raw;
    this.render();
  }

  /** The desk's code did not arrive: say so, and offer to try the same thing again. */
  deskFailed(again: () => void): void {
    this.retry = again;
    this.render();
    this.services.announce(this.services.i18n.t('menu.deskFailed'));
    this.services.ui.querySelector<HTMLElement>('.desk-failed button')?.focus();
  }

  /** The library changed under `npm run dev` (see `devReload.ts`): show the scenarios as they are now. */
  libraryChanged(): void {
    const ui = this.services.ui;
    const picked = ui.querySelector<HTMLInputElement>('input[name="scenario"]:checked')?.value ?? null;
    const focused = document.activeElement?.getAttribute('aria-label') ?? null;
    this.render();
    // The trainer keeps their place: the scenario they picked (if it is still there) and the focus.
    const again = picked
      ? ui.querySelector<HTMLInputElement>(`input[name="scenario"][value="${CSS.escape(picked)}"]`)
      : null;
    if (again) again.checked = true;
    if (focused) ui.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
  }

  render(): void {
    const s = this.services;
    const t = s.i18n.t;
    const settings = s.settings.value;
    const library = packagedLibrary(s.library.menu, s.lms?.launch.playing ?? null);
    const stored = this.unreadable === null ? s.store.readCurrent() : null;
    let resumeInfo: string | null = null;
    const found = stored?.ok ? stored.value : null;
    if (found) {
      const a = found;
      const scenario = library.scenarios.find((x) => x.id === a.playing);
      const shift = library.shifts.find((x) => x.id === a.playing);
      const what = scenario
        ? inLanguage(scenario.title, settings.language)
        : shift
          ? inLanguage(shift.title, settings.language)
          : a.playing;
      const when = new Intl.DateTimeFormat(settings.language, {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(a.savedAt));
      resumeInfo = t('menu.resumeInfo', { what, time: when });
    }
    const damaged = this.unreadable ?? (stored && !stored.ok ? (stored.problems[0]?.raw ?? '') : null);
    this.fill = renderMenu(
      s.ui,
      {
        pack: library,
        settings,
        history: this.history ? this.fillOf(this.history) : null,
        resumeInfo,
        learning: s.lms
          ? {
              learner: s.lms.session?.learner.name ? settings.trainee : null,
              connected: s.lms.session !== null,
            }
          : null,
      },
      {
        startPractice: (scenario) => this.ask({ mode: 'practice', playing: scenario }),
        startShift: (shift) => this.ask({ mode: 'shift', playing: shift }),
        resume: found && damaged === null ? () => this.ask('resume') : null,
        damagedSave:
          damaged !== null
            ? {
                download: () => download('escalation-desk-damaged-save.json', damaged),
                discard: () => {
                  s.store.clearCurrent();
                  this.unreadable = null;
                  this.render();
                },
              }
            : null,
        changeSettings: (changes) => this.changeSettings(changes),
        exportAttempts: () => {
          if (this.history)
            download(
              attemptsFileName(s.now()),
              attemptsJsonl(this.history.entries).text,
              'application/jsonl',
            );
        },
        // The guide and its renderer load when first asked for: the menu does not wait for them.
        howItWorks: () =>
          void import('./howItWorks').then(({ openHowItWorks }) =>
            openHowItWorks(library.pack, t, settings.language),
          ),
        retry: this.retry
          ? () => {
              const again = this.retry;
              this.retry = null;
              this.render();
              again?.();
            }
          : null,
      },
      t,
    );
    placeOfficeStrip(s.ui);
  }

  private fillOf(history: HistoryView) {
    const { trainee, traineeId } = this.services.settings.value;
    return { ...history, bestGrades: bestGrades(history.entries, { name: trainee, id: traineeId }) };
  }

  private changeSettings(changes: Partial<Settings>): void {
    const s = this.services;
    if (!s.settings.update(changes) && s.store.available) s.notify(s.i18n.t('notice.settingsNotSaved'));
    const settings = s.settings.value;
    applySettings(document.documentElement, settings);
    s.sound.configure(settings.volume, settings.muted, settings.ambienceVolume);
    if (changes.language) {
      void s.i18n.changeLanguage(settings.language).then(() => {
        document.title = s.i18n.t('app.title');
        const focused = document.activeElement?.getAttribute('aria-label') ?? null;
        this.render();
        if (focused) s.ui.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
      });
    }
  }
}
