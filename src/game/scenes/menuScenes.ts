/**
 * The scenes up to the menu. Each is a thin adapter: it draws the office, mounts its screen in the DOM overlay,
 * turns clicks and frames into calls on the attempt, and turns the attempt's events into sounds,
 * captions and announcements. None of them decides an outcome or a score.
 */
import * as Phaser from 'phaser';
import { SCENES, SOUND_CUES } from '../keys';
import { attemptWorld, type GameServices, studioPlayAsked } from '../services';
import { applySettings, motionReduced, type Settings } from '../settings';
import { button, el, markScene } from '../ui/dom';
import type { MenuIntent, MenuScreen, MenuStage } from '../ui/MenuScreen';

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

/**
 * The menu's scene: the menu itself is a {@link MenuScreen} (DOM, shown before Phaser boots); the scene
 * starts what the trainee asks for, fetches the desk's code, the library and the sounds, and draws the
 * office in the strip under the masthead.
 */
export class MenuScene extends Phaser.Scene implements MenuStage {
  /** What the trainee asked for before the library had loaded; done when the menu opens again. */
  private pending: MenuIntent | null = null;
  /** The office in the strip under the masthead, once its code has arrived. */
  private office: { tick(delta: number): void } | null = null;

  constructor(
    readonly services: GameServices,
    readonly screen: MenuScreen,
  ) {
    super(SCENES.menu);
  }

  create(): void {
    // The first time, the menu is on screen already (shown while Phaser downloaded, see start.ts).
    if (!this.screen.shown) this.screen.open();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.screen.detach());
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
    // What the trainee asked for while Phaser was booting starts now.
    this.screen.attach(this);
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
    this.screen.libraryChanged();
  }

  /**
   * Starts or resumes what the trainee asked for, once the library and the desk's code are here. A
   * library still loading after a moment shows the loading screen, which opens the menu again when it
   * is done, and the menu then carries on with what was asked (`pending`).
   */
  begin(intent: MenuIntent): void {
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
          this.screen.unreadableSave(resumed.problems[0]?.raw ?? '');
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
      () => this.screen.deskFailed(() => this.begin(intent)),
    );
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
}
