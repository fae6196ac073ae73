/**
 * Shift files: a trainer-authored list of which customers arrive when. A practice run of one
 * scenario is a shift of one customer arriving at once.
 */
import { z } from 'zod';
import { CompileContext } from '../scenario/compileContext';
import { DEFAULT_PACK } from '../scenario/compilePack';
import { durationToMs } from '../scenario/durations';
import { hasErrors, type Problem } from '../scenario/problems';
import { readYaml } from '../scenario/readYaml';
import { DurationSchema, IdSchema, TextSchema } from '../scenario/schema';
import { validateAgainst } from '../scenario/schemaProblems';
import type { LocalizedText, Pack, Scenario } from '../scenario/types';

/** The schema of a shift file: id, title, optional length, speed and jitter, and who arrives when. */
export const ShiftFileSchema = z
  .strictObject({
    id: IdSchema,
    title: TextSchema,
    length: DurationSchema.optional().meta({ description: 'How long the shift lasts in game time.' }),
    speed: z
      .number()
      .min(0.1)
      .max(600)
      .optional()
      .meta({ description: 'Game seconds per real second (default 30).' }),
    jitter: DurationSchema.optional().meta({
      description: 'Arrivals vary by up to this much either way, drawn from the seed.',
    }),
    contacts: z
      .array(
        z.strictObject({
          scenario: IdSchema,
          at: DurationSchema.optional().meta({
            description: 'When the customer arrives (default: at once).',
          }),
        }),
      )
      .min(1)
      .max(200),
  })
  .meta({ title: 'Escalation Desk shift', description: 'Which customers arrive when during a shift.' });

/** One customer due in a shift: the scenario played and its arrival time, in game ms from the start. */
export interface Arrival {
  readonly scenario: string;
  readonly atMs: number;
}

/** A compiled shift: who arrives when (earliest first), how fast game time runs and how long it lasts. */
export interface Shift {
  readonly id: string;
  readonly title: LocalizedText;
  /** Game milliseconds the shift lasts; null: until every contact has ended. */
  readonly lengthMs: number | null;
  /** Game seconds per real second. */
  readonly speed: number;
  readonly jitterMs: number;
  readonly arrivals: readonly Arrival[];
}

/** Game seconds per real second when a shift file gives no speed. */
export const DEFAULT_SPEED = 30;

/** The outcome of {@link compileShift}: the shift and any warnings, or every problem if there is an error. */
export type CompileShiftResult =
  | { ok: true; shift: Shift; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Compiles a shift file against the scenarios it may name. */
export function compileShift(
  text: string,
  options: { file: string; scenarios: readonly Scenario[]; pack?: Pack },
): CompileShiftResult {
  const read = readYaml(text, options.file);
  if (!read.ok) return read;
  const valid = validateAgainst(ShiftFileSchema, read.yaml);
  if (!valid.ok) return valid;
  const pack = options.pack ?? DEFAULT_PACK;
  const ctx = new CompileContext(read.yaml, pack.languages, pack.tiers);
  const known = new Set(options.scenarios.map((s) => s.id));
  const source = valid.value;
  source.contacts.forEach((contact, index) => {
    if (!known.has(contact.scenario)) {
      ctx.report('unknown-scenario', `There is no scenario \`${contact.scenario}\` in the pack.`, [
        'contacts',
        index,
        'scenario',
      ]);
    }
  });
  const shift: Shift = {
    id: source.id,
    title: ctx.text(source.title, ['title']),
    lengthMs: source.length === undefined ? null : durationToMs(source.length),
    speed: source.speed ?? DEFAULT_SPEED,
    jitterMs: source.jitter === undefined ? 0 : durationToMs(source.jitter),
    arrivals: source.contacts
      .map((c) => ({ scenario: c.scenario, atMs: c.at === undefined ? 0 : durationToMs(c.at) }))
      .sort((a, b) => a.atMs - b.atMs),
  };
  return hasErrors(ctx.problems)
    ? { ok: false, problems: ctx.problems }
    : { ok: true, shift, problems: ctx.problems };
}

/** A practice run: one customer, arriving at once, for as long as the conversation lasts. */
export function practiceShift(scenario: Scenario): Shift {
  return {
    id: `practice-${scenario.id}`,
    title: scenario.title,
    lengthMs: null,
    speed: DEFAULT_SPEED,
    jitterMs: 0,
    arrivals: [{ scenario: scenario.id, atMs: 0 }],
  };
}
