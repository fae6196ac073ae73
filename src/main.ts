import { AttemptStore, browserStorage } from './game/attempt/attemptStore';
import { HistoryStore, openAttemptDatabase } from './game/attempt/historyStore';
import { PackLoader } from './game/bundledPack';
import { createI18n, preferredLanguage } from './game/i18n';
import { readLmsLaunch } from './game/reporting/launch';
import type { LmsMode } from './game/reporting/lmsMode';
import type { GameServices } from './game/services';
import { applySettings, defaultSettings, SettingsStore } from './game/settings';
import { SoundBoard } from './game/sound';
import { announcerOf } from './game/ui/dom';
import './game/styles.css';

/**
 * Assembles the game: translations, the compiled library, storage, settings and sound, the DOM overlay
 * and the Phaser scenes that drive it (see `launch.ts`).
 */
async function start(): Promise<void> {
  performance.mark('main-start');
  // Phaser is most of the page's code: it downloads (the page asks for it at once, see the build's
  // preload in vite.config.ts) while the settings, translations and storage are read here.
  const launching = import('./game/launch');
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
    const { openLms, learnerSettings } = await import('./game/reporting/lmsMode');
    lms = openLms(launchSettings.value, {
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
  if (lms) (await import('./game/reporting/lmsGame')).joinLms(services, lms);

  performance.mark('services-ready');
  const { launch } = await launching;
  launch(services);
}

void start();
