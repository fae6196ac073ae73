/**
 * The manager's review page (`manager.html`): its own entry, without Phaser or the game's scenes. It
 * loads the interface language, the compiled scenario library (to verify against) and the kept team.
 */

import { PackLoader } from '../game/bundledPack';
import { announcerOf, switchLanguage } from '../game/ui/dom';
import { openPage } from '../pages/pageMasthead';
import en from './locales/en.json';
import es from './locales/es.json';
import { ManagerPage } from './managerPage';
import { loadShippedVersions, mergeVersions } from './scenarioVersions';
import { TeamStore } from './store';
import './manager.css';

const LANGUAGE_KEY = 'escalation-desk:manager-language';

async function start(): Promise<void> {
  const opened = await openPage(LANGUAGE_KEY, { en, es });
  if (!opened) return;
  const { root, announcer, i18n } = opened;
  // The earlier releases are worth having but not worth stopping for: without them, scorecards of an
  // older version say "Scenario version unknown" and the page says why.
  const [library, store, shipped] = await Promise.all([
    new PackLoader().load(),
    TeamStore.open(),
    loadShippedVersions().then(
      (scenarios) => ({ scenarios, problem: null }),
      (error: unknown) => ({
        scenarios: [],
        problem: error instanceof Error ? error.message : String(error),
      }),
    ),
  ]);
  const page = new ManagerPage(root, {
    i18n,
    scenarios: mergeVersions(library.scenarios, shipped.scenarios),
    shippedProblem: shipped.problem,
    store,
    announce: announcerOf(announcer),
    changeLanguage: (next) =>
      switchLanguage(i18n, LANGUAGE_KEY, next, () => {
        document.title = i18n.t('title');
        page.draw();
      }),
  });
  await page.start();
  document.body.dataset.page = 'manager';
}

void start();
