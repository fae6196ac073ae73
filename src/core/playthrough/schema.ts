/**
 * Playthrough files: a trainee's inputs written down by a trainer, and what must happen. The test
 * suite runs every one; `npm run simulate` prints one as a transcript.
 */
import { z } from 'zod';
import { PersonaStartSchema } from '../engine/personaStart';
import {
  byDimension,
  CRITICAL_ERRORS,
  DurationSchema,
  ENDINGS,
  IdSchema,
  LanguageSchema,
  PROMISE_KINDS,
  RESOLUTION_KINDS,
} from '../scenario/schema';
import { GRADES } from '../scoring/scoringRules';

const Text = z.string().min(1).max(2000);
const Contact = z
  .string()
  .regex(/^c\d{1,4}$/, { error: 'Contacts are named c1, c2, … in order of arrival.' });
const OneOrMany = z.union([Text, z.array(Text).min(1).max(20)]);
const PromiseId = z
  .string()
  .regex(/^p\d{1,4}$/, { error: 'Promises are named p1, p2, … in the order they were made.' });

/** What must be true right after a playthrough step: beat, words said, refusal, ending or mood bounds. */
export const StepExpectSchema = z
  .strictObject({
    beat: IdSchema.optional().meta({ description: 'The beat the persona is in after this step.' }),
    says: OneOrMany.optional().meta({
      description: 'Words the customer says during this step (part of a line).',
    }),
    refused: z.string().max(40).optional().meta({ description: 'The step is refused for this reason.' }),
    ended: z.enum([...ENDINGS, 'ended-by-agent']).optional(),
    mood_above: z.number().min(-1).max(1).optional(),
    mood_below: z.number().min(-1).max(1).optional(),
  })
  .meta({ description: 'What must be true right after the step.' });

/** One playthrough step: a single action (or a wait), when, on which contact, and what must follow. */
export const StepSchema = z
  .strictObject({
    at: DurationSchema.optional().meta({
      description: 'Game time since the start of the shift (default: now).',
    }),
    contact: Contact.optional().meta({ description: 'Which contact (default c1).' }),
    reply: Text.optional().meta({ description: 'The trainee types this reply.' }),
    choice: IdSchema.optional().meta({ description: 'The trainee picks this authored reply.' }),
    do: z
      .enum(['answer', 'lookup', 'reproduce', 'resolve', 'hold', 'unhold', 'end'])
      .optional()
      .meta({ description: 'An action with no details (`answer` picks up a ringing call).' }),
    ask: IdSchema.optional().meta({ description: 'The trainee asks the question of this fact.' }),
    offer: z
      .strictObject({ kind: z.enum(RESOLUTION_KINDS), amount: z.number().min(0).max(10_000_000).optional() })
      .optional(),
    promise: z
      .strictObject({
        what: z.enum(PROMISE_KINDS),
        due: DurationSchema.meta({ description: 'How long from now the promise falls due.' }),
        text: Text.optional(),
      })
      .optional(),
    fulfil: PromiseId.optional().meta({
      description: 'Keep this promise: call back, send the email or update.',
    }),
    withdraw: PromiseId.optional().meta({
      description: 'Take this promise back: free until the customer has answered it, a cost after.',
    }),
    escalate: z
      .strictObject({ tier: z.int().min(1).max(12), note: z.string().max(4000).optional() })
      .optional(),
    follow_up: DurationSchema.optional().meta({ description: 'Schedule a follow-up this long from now.' }),
    wait: DurationSchema.optional().meta({ description: 'Let this much game time pass.' }),
    expect: StepExpectSchema.optional(),
  })
  .meta({ description: 'One thing the trainee does (or a wait), and what must follow.' });

const Band = z
  .strictObject({ min: z.number().min(0).max(100).optional(), max: z.number().min(0).max(100).optional() })
  .meta({ description: 'A score band: at least `min`, at most `max` (0–100).' });

/** The schema of a playthrough file: a scripted attempt at a scenario or shift, and what must hold after. */
export const PlaythroughFileSchema = z
  .strictObject({
    scenario: IdSchema.optional().meta({
      description: 'The scenario played as a practice run (or give a shift).',
    }),
    shift: IdSchema.optional().meta({ description: 'The shift played, by the id in its .shift.yaml file.' }),
    title: Text.meta({ description: 'What this playthrough shows, e.g. "Handled well".' }),
    from: PersonaStartSchema.optional().meta({
      description:
        "Play the scenario from this beat instead of its start, with the persona's feelings and the facts the trainee knows (a scenario only, not a shift).",
    }),
    language: LanguageSchema.optional().meta({
      description: 'The language the trainee plays in (default: the first of the pack).',
    }),
    seed: z.union([z.int(), z.string().max(100)]).optional(),
    steps: z.array(StepSchema).min(1).max(500),
    expect: z
      .strictObject({
        ending: z.enum([...ENDINGS, 'ended-by-agent']).optional(),
        endings: z
          .record(z.string().regex(/^c\d{1,4}$/), z.enum([...ENDINGS, 'ended-by-agent']))
          .optional()
          .meta({ description: 'In a shift: how each contact ends, e.g. { c1: satisfied, c2: upset }.' }),
        path: z.array(IdSchema).max(200).optional().meta({ description: 'The beats visited, in order.' }),
        never: z.array(IdSchema).max(200).optional().meta({ description: 'Beats that must not be visited.' }),
        level: z
          .int()
          .min(1)
          .max(12)
          .optional()
          .meta({ description: 'The level the case needs at the end.' }),
        refusals: z.int().min(0).max(500).optional().meta({ description: 'How many steps were refused.' }),
        grade: z
          .union([z.enum(GRADES), z.array(z.enum(GRADES)).min(1).max(4)])
          .optional()
          .meta({ description: 'The grade the attempt earns, or the grades it may earn.' }),
        score: Band.optional().meta({ description: 'The band the overall score (0–100) falls in.' }),
        critical: z.array(z.enum(CRITICAL_ERRORS)).max(50).optional().meta({
          description:
            'The critical errors the attempt makes, each kind once, in any order; [] says it makes none.',
        }),
        dimensions: byDimension(Band.optional())
          .optional()
          .meta({ description: 'Bands for single dimensions, e.g. { tier: { max: 30 } }.' }),
      })
      .meta({ description: 'What must be true at the end.' }),
  })
  .meta({
    title: 'Escalation Desk playthrough',
    description: 'A scripted attempt at a scenario and its expected outcome.',
  });

/** A playthrough file as validated, before it is played. */
export type PlaythroughFile = z.infer<typeof PlaythroughFileSchema>;
/** One playthrough step as written in its file. */
export type StepFile = z.infer<typeof StepSchema>;
