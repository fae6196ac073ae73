/**
 * The game after its entry (`main.ts`): the services every scene is given, then the scenes.
 */
import { AttemptStore, browserStorage } from './attempt/attemptStore';
import { HistoryStore, openAttemptDatabase } from './attempt/historyStore';
import { PackLoader } from './bundledPack';
import { createI18n, preferredLanguage } from './i18n';
import { readLmsLaunch } from './reporting/launch';
import type { LmsMode } from './reporting/lmsMode';
import { type GameServices, studioPlayAsked } from './services';
import { applySettings, defaultSettings, SettingsStore } from './settings';
import { SoundBoard } from './sound';
import { announcerOf } from './ui/dom';
import { MenuScreen } from './ui/MenuScreen';
/**
 * Assembles the game's services (translations, the compiled library, storage, settings and sound, the
 * DOM overlay, and a learning system when the page is a package), then starts the Phaser scenes that
 * drive it from `launching`, which `main.ts` asked for before this module arrived (see `launch.ts`).
 */
export async function start(launching: Promise<typeof import('./launch')>): Promise<void> {
  const ui = document.querySelector<HTMLElement>('#ui');
  const announcer = document.querySelector<HTMLElement>('#announcer');
  const captions = document.querySelector<HTMLElement>('#captions');
  const notice = document.querySelector<HTMLElement>('#notice');
  if (!ui || !announcer || !captions || !notice) return;

  const storage = browserStorage();
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const settings = new SettingsStore(
    storage,
    defaultSettings(preferredLanguage(navigator.languages), reduced, crypto.randomUUID()),
  );
  // A SCORM package carries launch settings in its page: the learning system names the learner, their
  // language and what to play. Its code loads only then.
  const launchSettings = readLmsLaunch(document);
  let lms: LmsMode | undefined;
  const library = new PackLoader();
  if (launchSettings.ok && launchSettings.value) {
    const { openLms, learnerSettings } = await import('./reporting/lmsMode');
    lms = await openLms(launchSettings.value, {
      window,
      scenarios: () => (library.loaded ? library.value.scenarios : null),
      now: () => Date.now(),
    });
    if (lms.session) settings.update(learnerSettings(lms.session.learner));
  }
  applySettings(document.documentElement, settings.value);
  const i18n = await createI18n(settings.value.language);
  performance.mark('i18n-ready');
  document.title = i18n.t('app.title');

  // The menu shows the titles the build wrote into the code; the whole library downloads once it is
  // on screen (see menuScenes.ts).
  const store = new AttemptStore(storage);
  const services: GameServices = {
    i18n,
    library,
    get pack() {
      return library.value;
    },
    store,
    // Opened now, while Phaser boots; the menu fills in the history when it is ready.
    history: new HistoryStore(openAttemptDatabase(), store),
    settings,
    sound: new SoundBoard(captions, (cue) => i18n.t(`sounds.${cue}`)),
    ui,
    announce: announcerOf(announcer),
    notify: (text) => {
      notice.textContent = text ?? '';
      notice.hidden = text === null;
    },
    seed: () => Math.floor(Math.random() * 2 ** 31),
    now: () => new Date(),
    play: { attempt: null, scorecard: null, finishedId: null },
    ...(lms ? { lms } : {}),
  };
  if (!storage) services.notify(i18n.t('notice.storageDisabled'));
  if (!launchSettings.ok) services.notify(launchSettings.problems[0]?.message ?? null);
  if (lms) (await import('./reporting/lmsGame')).joinLms(services, lms);

  performance.mark('services-ready');
  // The menu is DOM alone: it is on screen, and answers, while Phaser is still on its way. A trainer's
  // draft play from the studio opens on the desk instead (see menuScenes.ts).
  const screen = new MenuScreen(services);
  if (!studioPlayAsked()) screen.open();
  const { launch } = await launching;
  launch(services, screen);
}
