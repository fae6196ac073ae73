/**
 * The seam between the studio page and the map of beats (`src/studio/map/`, built separately): the
 * page calls the map's renderer on each compiled draft, and gives it the ways back into the page.
 */
import type { TFunction } from 'i18next';
import type { Scenario } from '../core/scenario/types';

/** What the map is given besides the scenario. */
export interface ScenarioMapOptions {
  readonly t: TFunction;
  /** The 1-based line of the beat's `id:` in the file, or null when not known. */
  readonly lineOfBeat: (beatId: string) => number | null;
  /** The trainer chose a beat: the page moves the editor's cursor to its line. */
  readonly onBeat: (beatId: string) => void;
  /** The trainer asked to play from a beat: the page opens its "Play from" dialog. */
  readonly onPlayFrom: (beatId: string) => void;
}

/** Draws (or redraws) the map of `scenario` into `host`; called again on every compiled edit. */
export type RenderScenarioMap = (host: HTMLElement, scenario: Scenario, options: ScenarioMapOptions) => void;
