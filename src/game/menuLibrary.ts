/**
 * What the menu shows of the scenario library: each scenario's and shift's title and the few facts
 * the picker lists, the pack's topics and tiers. The build writes it into the game's code (see
 * `scenarioPackPlugin`), a few kilobytes, so the menu is drawn without waiting for the whole library,
 * which then loads in the background; a library that has loaded is one too, so the menu shows it
 * once it is there (the dev server's live reload swaps in a new one).
 */
import type { PackCheck } from '../core/runtime';
import type { Pack, Persona, Scenario, Shift } from '../core/scenario/types';

/** A scenario as the menu lists it. */
export type MenuScenario = Pick<
  Scenario,
  'id' | 'title' | 'level' | 'channel' | 'topic' | 'difficulty' | 'minutes'
> & { readonly persona: Pick<Persona, 'name'> };

/** A shift as the menu lists it. */
export type MenuShift = Pick<Shift, 'id' | 'title' | 'lengthMs'>;

/** The library as the menu (and "How it works") reads it. */
export interface MenuLibrary {
  readonly pack: Pick<Pack, 'currency' | 'tiers' | 'topics' | 'traineeTier'>;
  readonly scenarios: readonly MenuScenario[];
  readonly shifts: readonly MenuShift[];
}

/** The menu's part of a compiled library, and nothing more (the build ships exactly this). */
export function menuLibraryOf(library: Pick<PackCheck, 'pack' | 'scenarios' | 'shifts'>): MenuLibrary {
  const { currency, tiers, topics, traineeTier } = library.pack;
  return {
    pack: { currency, tiers, topics, traineeTier },
    scenarios: library.scenarios.map(
      ({ id, title, level, channel, topic, difficulty, minutes, persona }) => ({
        id,
        title,
        level,
        channel,
        topic,
        difficulty,
        minutes,
        persona: { name: persona.name },
      }),
    ),
    shifts: library.shifts.map(({ id, title, lengthMs }) => ({ id, title, lengthMs })),
  };
}
