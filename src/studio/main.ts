/**
 * The trainer's studio (`studio.html`): its own entry, without Phaser, the desk or the YAML parser on
 * the page. It loads the interface language and the shipped scenario library (which open files are
 * checked and played against), starts the checker's worker and restores the kept drafts.
 */
import { PackLoader } from '../game/bundledPack';
import { announcerOf, switchLanguage } from '../game/ui/dom';
import { openPage } from '../pages/pageMasthead';
import { StudioChecker } from './checker';
import { DraftStore } from './draftStore';
import en from './locales/en.json';
import es from './locales/es.json';
import mapEn from './locales/map.en.json';
import mapEs from './locales/map.es.json';
import type { RenderScenarioMap } from './scenarioMap';
import type { JsonSchema } from './schemaAssist';
import { StudioPage } from './studioPage';
import './studio.css';

const LANGUAGE_KEY = 'escalation-desk:studio-language';

/** The map and its layout library load with the first scenario that compiles, not with the page. */
let mapModule: Promise<typeof import('./map/index')> | null = null;
const renderMap: RenderScenarioMap = (host, scenario, options) => {
  mapModule ??= import('./map/index');
  // One module promise: renders happen in the order they were asked for.
  void mapModule.then((map) => map.renderScenarioMap(host, scenario, options));
};

async function start(): Promise<void> {
  // The map's words are flat keys (`map.when.said`) beside the page's own.
  const opened = await openPage(LANGUAGE_KEY, { en: { ...en, ...mapEn }, es: { ...es, ...mapEs } });
  if (!opened) return;
  const { root, announcer, i18n } = opened;
  let library: Awaited<ReturnType<PackLoader['load']>>;
  let store: DraftStore | null;
  try {
    [library, store] = await Promise.all([new PackLoader().load(), DraftStore.open()]);
  } catch (error) {
    // Without the shipped scenarios nothing can be checked: say so, and how to try again.
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = i18n.t('loadFailed', {
      reason: error instanceof Error ? error.message : String(error),
    });
    root.replaceChildren(message);
    return;
  }
  const page = new StudioPage(root, {
    i18n,
    checker: StudioChecker.start({
      pack: library.pack,
      scenarios: library.scenarios,
      shifts: library.shifts,
    }),
    store,
    renderMap,
    announce: announcerOf(announcer),
    loadSchema: async (kind) => {
      const response = await fetch(`./schema/${kind}.schema.json`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as JsonSchema;
    },
    changeLanguage: (next) =>
      switchLanguage(i18n, LANGUAGE_KEY, next, () => {
        document.title = i18n.t('title');
        page.draw();
      }),
  });
  await page.start();
  warnOfOtherStudios(i18n.t.bind(i18n));
  document.body.dataset.page = 'studio';
}

/**
 * Two studio tabs keep their drafts in the same place, and the later save wins: each tab says so as
 * soon as it learns of another (it asks when it opens; the others answer).
 */
function warnOfOtherStudios(t: (key: string) => string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel('escalation-desk-studio');
  const warn = () => {
    if (document.querySelector('#other-studio')) return;
    const note = document.createElement('p');
    note.id = 'other-studio';
    note.className = 'other-studio';
    note.setAttribute('role', 'alert');
    note.textContent = t('otherTab');
    document.body.prepend(note);
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (event.data === 'opened') channel.postMessage('here');
    warn();
  };
  channel.postMessage('opened');
}

void start();
