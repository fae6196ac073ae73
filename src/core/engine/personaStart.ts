/**
 * Starting a persona somewhere other than its scenario's own start: a beat, with the feelings and the
 * known facts a trainer chooses ("Play from a beat"). The start travels on the shift's arrival, so the
 * transcript, a save and a scorecard all record it, and a replay starts the persona in the same place.
 */
import { z } from 'zod';
import { fail, type Result, succeed } from '../result';
import { IdSchema } from '../scenario/schema';
import type { PersonaStart, Scenario } from '../scenario/types';

export type { PersonaStart };

/** The shape of a start, as a playthrough file, a save and a scorecard write it. */
export const PersonaStartSchema = z
  .strictObject({
    beat: IdSchema.meta({ description: 'The beat the persona starts in (any beat that is not an ending).' }),
    mood: z.number().min(-1).max(1).optional().meta({
      description:
        "The persona's mood at the start, -1 (furious) to 1 (delighted); the scenario's when absent.",
    }),
    trust: z.number().min(0).max(1).optional().meta({
      description: "The persona's trust at the start, 0 to 1; the persona's trait when absent.",
    }),
    patience: z.number().gt(0).max(1).optional().meta({
      description: 'The patience left at the start, above 0 up to 1; full (1) when absent.',
    }),
    facts: z.array(IdSchema).max(100).optional().meta({
      description: 'Facts of the case the trainee already knows at the start, as if revealed.',
    }),
  })
  .meta({ description: 'Start the persona in this beat, with these feelings and known facts.' });

/** The field of a start a problem is about, and the index in `facts` for a fact. */
export interface PersonaStartProblem {
  readonly code: 'unknown-beat' | 'ending-beat' | 'unknown-fact' | 'out-of-range';
  readonly field: 'beat' | 'mood' | 'trust' | 'patience' | 'facts';
  /** The place in `facts` of the fact a problem is about. */
  readonly index?: number;
  /** What is wrong and how to fix it, for a trainer. */
  readonly message: string;
}

const RANGES = {
  mood: { min: -1, max: 1, words: 'from -1 (furious) to 1 (delighted)' },
  trust: { min: 0, max: 1, words: 'from 0 to 1' },
  patience: { min: 0, max: 1, words: 'above 0, up to 1 (a persona with no patience walks out at once)' },
} as const;

function inRange(field: keyof typeof RANGES, value: number): boolean {
  const { min, max } = RANGES[field];
  if (!Number.isFinite(value) || value < min || value > max) return false;
  return field !== 'patience' || value > 0;
}

function listed(ids: readonly string[]): string {
  const shown = ids.slice(0, 12).map((id) => `\`${id}\``);
  return ids.length > 12 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/**
 * Checks a start against the scenario it starts: its beat exists and is not an ending, its feelings
 * are in range, and its facts are facts of the case. Returns the start as given, or every problem with
 * a message that says how to fix it.
 */
export function checkPersonaStart(
  scenario: Scenario,
  start: PersonaStart,
): Result<PersonaStart, PersonaStartProblem> {
  const problems: PersonaStartProblem[] = [];
  const beat = scenario.beats.find((b) => b.id === start.beat);
  const playable = scenario.beats.filter((b) => b.ending === null).map((b) => b.id);
  if (!beat) {
    problems.push({
      code: 'unknown-beat',
      field: 'beat',
      message: `Scenario \`${scenario.id}\` has no beat \`${start.beat}\`; start from one of ${listed(playable)}.`,
    });
  } else if (beat.ending !== null) {
    problems.push({
      code: 'ending-beat',
      field: 'beat',
      message: `Beat \`${start.beat}\` is an ending (${beat.ending}): nothing can be played from it. Start from one of ${listed(playable)}.`,
    });
  }
  for (const field of ['mood', 'trust', 'patience'] as const) {
    const value = start[field];
    if (value !== undefined && !inRange(field, value)) {
      problems.push({
        code: 'out-of-range',
        field,
        message: `The starting ${field} is ${value}; give a number ${RANGES[field].words}.`,
      });
    }
  }
  const facts = scenario.facts.map((f) => f.id);
  (start.facts ?? []).forEach((fact, index) => {
    if (!facts.includes(fact)) {
      problems.push({
        code: 'unknown-fact',
        field: 'facts',
        index,
        message: `Scenario \`${scenario.id}\` has no fact \`${fact}\`; its facts are ${listed(facts) || 'none'}.`,
      });
    }
  });
  return problems.length === 0 ? succeed(start) : fail(problems);
}
