/**
 * What an edit of the scenario library (the dev server's live reload) means for an attempt in play:
 * whether any scenario it plays, or its shift, is now a different version (or gone), and the title to
 * name in the notice. A pure function of the attempt's settings and the two libraries, so the desk
 * scene only acts on the answer.
 */
import { scenarioVersionKey } from '../../core/engine/released';
import type { LocalizedText, Scenario, Shift } from '../../core/scenario/types';
import type { AttemptSettings } from './Attempt';

/** The part of a library an attempt is played from. */
export interface PlayedLibrary {
  readonly scenarios: readonly Scenario[];
  readonly shifts: readonly Shift[];
}

/** Whether the attempt must restart, and what to call what changed; null when it can carry on. */
export interface AttemptLibraryChange {
  /** The changed scenario's title (a practice), or the shift's; null when it is gone from both. */
  readonly title: LocalizedText | null;
  /** The id of what changed, for when it has no title left. */
  readonly id: string;
}

/**
 * Compares what an attempt was started on (`before`) with the library now: null when every scenario
 * it plays, and its shift, are the same versions (by id, file hash and pack hash).
 */
export function attemptLibraryChange(
  settings: Pick<AttemptSettings, 'mode' | 'playing'>,
  before: PlayedLibrary,
  now: PlayedLibrary,
): AttemptLibraryChange | null {
  const { mode, playing } = settings;
  const versionOf = (list: readonly Scenario[], id: string) => {
    const found = list.find((x) => x.id === id);
    return found ? scenarioVersionKey(found) : null;
  };
  const changed = (id: string) => versionOf(before.scenarios, id) !== versionOf(now.scenarios, id);
  if (mode === 'practice') {
    if (!changed(playing)) return null;
    const scenario =
      now.scenarios.find((x) => x.id === playing) ?? before.scenarios.find((x) => x.id === playing);
    return { title: scenario?.title ?? null, id: playing };
  }
  const shiftBefore = before.shifts.find((x) => x.id === playing);
  const shiftNow = now.shifts.find((x) => x.id === playing);
  const ids = new Set(
    [...(shiftBefore?.arrivals ?? []), ...(shiftNow?.arrivals ?? [])].map((a) => a.scenario),
  );
  const shiftChanged = JSON.stringify(shiftBefore) !== JSON.stringify(shiftNow);
  if (!shiftChanged && ![...ids].some(changed)) return null;
  return { title: (shiftNow ?? shiftBefore)?.title ?? null, id: playing };
}
