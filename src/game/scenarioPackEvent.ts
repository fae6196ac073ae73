/**
 * The custom HMR event the dev server sends when a file in `scenarios/` changes and the library
 * compiles without errors (`scenarioPackPlugin`), and the game hears (`devReload.ts`). Shared by both
 * sides so the name is written once; this module holds no code that runs in either.
 */
import type { PackCheck } from '../core/pack/checkPack';

/** The event's name. */
export const SCENARIO_PACK_EVENT = 'escalation-desk:scenario-pack';

/** What the event carries: the library as `scenario-pack.json` holds it (see `packForDownload`). */
export interface ScenarioPackUpdate {
  readonly pack: PackCheck;
}
