/**
 * The scenes up to the menu. Each is a thin adapter: it draws the office, mounts its screen in the DOM overlay,
 * turns clicks and frames into calls on the attempt, and turns the attempt's events into sounds,
 * captions and announcements. None of them decides an outcome or a score.
 */
import * as Phaser from 'phaser';
import { attemptsFileName, attemptsJsonl, bestGrades, type HistoryView } from '../attempt/historyStore';
import { SCENES, SOUND_CUES } from '../keys';
import type { MenuLibrary } from '../menuLibrary';
import type { LmsPlaying } from '../reporting/launch';
import { attemptWorld, type GameServices } from '../services';
import { applySettings, motionReduced, type Settings } from '../settings';
import { inLanguage } from '../text';
import { button, download, el, markScene } from '../ui/dom';
import { type MenuFill, renderMenu } from '../ui/MenuView';
import { placeOfficeStrip } from './office';

type DeskModule = typeof import('./deskScenes');
let desk: Promise<DeskModule> | null = null;

/**
 * Loads the desk and debrief scenes (and with them the engine, the analyser and the rubric) once, and
 * adds them to the game; the menu shows before this code has even arrived.
 */
function loadDesk(scene: Phaser.Scene & { services?: GameServices }): Promise<DeskModule> {
  // A failed download is forgotten, so the next try fetches the code again.
  desk ??= import('./deskScenes').catch((error: unknown) => {
    desk = null;
    throw error;
  });
  return desk.then((module) => {
    const services = (scene as unknown as { services: GameServices }).services;
    if (!scene.scene.get(SCENES.desk)) scene.scene.add(SCENES.desk, new module.DeskScene(services), false);
    if (!scene.scene.get(SCENES.debrief))
      scene.scene.add(SCENES.debrief, new module.DebriefScene(services), false);
    return module;
  });
}

/**
 * Whether the page was opened to play the trainer's draft (`index.html?play=studio`, opened by the
 * studio). Read here rather than from `studioPlay.ts`, which brings its checks into the menu's chunk.
 */
function studioPlayAsked(): boolean {
  return new URLSearchParams(window.location.search).get('play') === 'studio';
}

/**
 * Opens the first screen: the menu, or, when the studio asked for it, the draft play (once the
 * library has loaded; its code loads with the desk's). A failed download of that code can be tried
 * again.
 */
function openFirstScreen(scene: Phaser.Scene, services: GameServices): void {
  if (!studioPlayAsked()) {
    scene.scene.start(SCENES.menu);
    return;
  }
  void import('./studioScenes').then(
    ({ StudioPlayScene }) => {
      if (!scene.scene.get(SCENES.studio))
        scene.scene.add(SCENES.studio, new StudioPlayScene(services), false);
      scene.scene.start(SCENES.studio);
    },
    () => {
      const { t } = services.i18n;
      services.ui.replaceChildren(
        el(
          'div',
          { class: 'loading', role: 'alert' },
          el('p', { text: t('menu.deskFailed') }),
          button(t('loading.retry'), () => openFirstScreen(scene, services)),
        ),
      );
    },
  );
}

/**
 * Starts the game: settings applied, then the menu, which shows the titles the build wrote into the
 * code and never waits for the library; or, for the studio's draft play, which needs the whole
 * library, the loading screen while it loads.
 */
export class BootScene extends Phaser.Scene {
  constructor(readonly services: GameServices) {
    super(SCENES.boot);
  }

  create(): void {
    applySettings(document.documentElement, this.services.settings.value);
    // Under `npm run dev` an edited scenario reaches the running game without a reload; never built in.
    if (import.meta.hot)
      void import('../devReload').then(({ followScenarioEdits }) =>
        followScenarioEdits(this.game, this.services),
      );
    if (!studioPlayAsked()) {
      this.scene.start(SCENES.menu);
      return;
    }
    whenLibrary(this, this.services, () => openFirstScreen(this, this.services));
  }
}

/**
 * Runs `then` once the library has loaded. It usually has, or arrives in a moment; if it takes longer,
 * or fails, the loading screen takes over, showing how far it has got (or offering to try again), and
 * opens the first screen when it is done.
 */
function whenLibrary(scene: Phaser.Scene, services: GameServices, then: () => void): void {
  if (services.library.loaded) {
    then();
    return;
  }
  let gone = false;
  const go = (ready: boolean) => {
    if (gone) return;
    gone = true;
    if (ready) then();
    else scene.scene.start(SCENES.preload);
  };
  const wait = scene.time.delayedCall(BOOT_PATIENCE_MS, () => go(false));
  services.library.load().then(
    () => {
      wait.remove();
      go(true);
    },
    () => go(false),
  );
}

/** Runs `work` in a task after the next frame is painted, so what was just drawn shows first. */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** How long the game waits for the library before it shows the loading screen (one that would only flash is skipped). */
const BOOT_PATIENCE_MS = 150;

/**
 * Loads the scenario library (compiled at build time) behind a real progress bar, then opens the menu.
 * A failed download says so and offers to try again.
 */
export class PreloadScene extends Phaser.Scene {
  constructor(readonly services: GameServices) {
    super(SCENES.preload);
  }

  create(): void {
    markScene(SCENES.preload);
    const { t } = this.services.i18n;
    const { width, height } = this.scale;
    const bar = this.add.graphics();
    const progress = el('progress', { max: 1, value: 0, 'aria-label': t('loading.label') });
    this.services.ui.replaceChildren(
      el('div', { class: 'loading' }, el('p', { text: t('loading.label') }), progress),
    );
    const draw = (received: number, total: number) => {
      const share = total > 0 ? Math.min(1, received / total) : 0;
      bar.clear();
      bar.fillStyle(0x1f3a5f, 0.2).fillRect(width * 0.25, height * 0.6, width * 0.5, 12);
      bar.fillStyle(0x1f3a5f, 1).fillRect(width * 0.25, height * 0.6, width * 0.5 * share, 12);
      progress.value = share;
    };
    const stop = this.services.library.watch(draw);
    this.services.library.load().then(
      () => {
        stop();
        openFirstScreen(this, this.services);
      },
      () => {
        stop();
        this.services.ui.replaceChildren(
          el(
            'div',
            { class: 'loading', role: 'alert' },
            el('p', { text: t('loading.failed') }),
            button(t('loading.retry'), () => this.scene.restart()),
          ),
        );
      },
    );
  }
}

/** What the trainee asked the menu for: a practice scenario, a shift, or the unfinished attempt. */
type MenuIntent = { readonly mode: 'practice' | 'shift'; readonly playing: string } | 'resume';

/** The menu: who, what, settings, resume. */
export class MenuScene extends Phaser.Scene {
  /** What the trainee asked for before the library had loaded; done when the menu opens again. */
  private pending: MenuIntent | null = null;
  /** A save that could not be restored, kept raw so the trainee can download it. */
  private unreadable: string | null = null;
  /** What to try again after the desk's code failed to load; null when nothing failed. */
  private retry: (() => void) | null = null;
  /** The finished attempts, once read (the menu shows before they arrive). */
  private history: HistoryView | null = null;
  /** Fills the history into the menu on screen. */
  private fill: MenuFill | null = null;
  /** The office in the strip under the masthead, once its code has arrived. */
  private office: { tick(delta: number): void } | null = null;

  constructor(readonly services: GameServices) {
    super(SCENES.menu);
  }

  create(): void {
    this.history = null;
    this.render();
    markScene(SCENES.menu);
    void this.services.history.view().then((history) => {
      this.history = history;
      if (this.scene.isActive()) this.fill?.(this.fillOf(history));
    });
    const asked = this.pending;
    this.pending = null;
    // The trainee asked before the library had loaded, and the loading screen has now loaded it.
    if (asked) this.begin(asked);
    // Neither the engine, the whole library nor the sounds are needed to show the menu; fetch them now
    // so starting is instant. (Browsers also only let sound play once the trainee has interacted with
    // the page.)
    else
      void loadDesk(this).catch(() => {
        // Tried again when the trainee starts; the menu needs none of it.
      });
    afterPaint(() => {
      // The office is decoration: its code and pictures come once the menu is on screen.
      void import('../office/OfficeView').then(({ OfficeView }) => {
        if (!this.scene.isActive()) return;
        const office = new OfficeView(this, () => motionReduced(this.services.settings.value));
        this.office = office;
        this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
          office.destroy();
          this.office = null;
        });
        void office.open(() => Promise.resolve()).then(() => office.show({ clock: 0, queue: [], faces: [] }));
      });
      // Parsing the library takes the page a moment, so it waits until the menu is on screen; a
      // failed download is tried again, behind the loading screen, when the trainee starts.
      void this.services.library.load().catch(() => undefined);
      // Making the sounds starts the page's audio (hundreds of milliseconds in a browser without a
      // sound device), so it waits until the menu is on screen; the volume is read when they are ready,
      // in case the trainee changed it meanwhile.
      void this.services.sound.load(SOUND_CUES).then(() => {
        const { volume, muted, ambienceVolume } = this.services.settings.value;
        this.services.sound.configure(volume, muted, ambienceVolume);
      });
    });
  }

  override update(_time: number, delta: number): void {
    this.office?.tick(delta);
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

  private render(): void {
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
        startPractice: (scenario) => this.begin({ mode: 'practice', playing: scenario }),
        startShift: (shift) => this.begin({ mode: 'shift', playing: shift }),
        resume: found && damaged === null ? () => this.begin('resume') : null,
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
          void import('../ui/howItWorks').then(({ openHowItWorks }) =>
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

  /**
   * Starts or resumes what the trainee asked for, once the library and the desk's code are here. A
   * library still loading after a moment shows the loading screen, which opens the menu again when it
   * is done, and the menu then carries on with what was asked (`pending`).
   */
  private begin(intent: MenuIntent): void {
    const s = this.services;
    if (!s.library.loaded) {
      this.pending = intent;
      whenLibrary(this, s, () => {
        this.pending = null;
        this.begin(intent);
      });
      return;
    }
    const world = attemptWorld(s);
    void loadDesk(this).then(
      ({ Attempt }) => {
        if (intent !== 'resume') {
          s.play.attempt = Attempt.start(
            world,
            this.attemptSettings(intent.mode, intent.playing, s.settings.value),
            s.seed(),
          );
          this.scene.start(SCENES.desk);
          return;
        }
        const resumed = Attempt.resume(world, { traineeId: s.settings.value.traineeId });
        if (!resumed.ok) {
          this.unreadable = resumed.problems[0]?.raw ?? '';
          this.render();
        } else if (resumed.value) {
          s.play.attempt = resumed.value.attempt;
          if (resumed.value.madeUnder) {
            const t = s.i18n.t;
            s.notify(t('notice.replayedUnderNewRules'));
            s.announce(t('notice.replayedUnderNewRules'));
          }
          this.scene.start(SCENES.desk);
        }
      },
      () => this.deskFailed(() => this.begin(intent)),
    );
  }

  private fillOf(history: HistoryView) {
    const { trainee, traineeId } = this.services.settings.value;
    return { ...history, bestGrades: bestGrades(history.entries, { name: trainee, id: traineeId }) };
  }

  /** The desk's code did not arrive: say so, and offer to try the same thing again. */
  private deskFailed(again: () => void): void {
    this.retry = again;
    this.render();
    this.services.announce(this.services.i18n.t('menu.deskFailed'));
    this.services.ui.querySelector<HTMLElement>('.desk-failed button')?.focus();
  }

  private attemptSettings(mode: 'practice' | 'shift', playing: string, settings: Settings) {
    return {
      trainee: settings.trainee,
      traineeId: settings.traineeId,
      employeeId: settings.employeeId || null,
      language: settings.language,
      mode,
      playing,
      replyMode: settings.replyMode,
      coaching: settings.coaching,
    };
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

/** What a learning-system package lists: the one scenario or shift it was built for, or the whole library. */
function packagedLibrary(library: MenuLibrary, playing: LmsPlaying | null): MenuLibrary {
  if (!playing) return library;
  return {
    ...library,
    scenarios: playing.mode === 'practice' ? library.scenarios.filter((x) => x.id === playing.id) : [],
    shifts: playing.mode === 'shift' ? library.shifts.filter((x) => x.id === playing.id) : [],
  };
}
