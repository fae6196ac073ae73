/**
 * Shift files: a trainer-authored list of which customers arrive when, compiled to a {@link Shift}.
 */
import { z } from 'zod';
import { fail, type Result, succeed } from '../result';
import { CompileContext } from './compileContext';
import { DEFAULT_PACK } from './compilePack';
import { durationToMs } from './durations';
import { hasErrors, type Problem, sortProblems } from './problems';
import { readYaml } from './readYaml';
import { validateOrRepair } from './repairAgainst';
import { DEFAULT_SPEED, DurationSchema, IdSchema, TextSchema } from './schema';
import type { Pack, Scenario, Shift } from './types';

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

/** The outcome of {@link compileShift}: the shift and any warnings, or every problem if there is an error. */
export type CompileShiftResult = Result<Shift, Problem>;

/** Compiles a shift file against the scenarios it may name. */
export function compileShift(
  text: string,
  options: { file: string; scenarios: readonly Scenario[]; pack?: Pack },
): CompileShiftResult {
  const read = readYaml(text, options.file);
  if (!read.ok) return read;
  const checked = validateOrRepair(ShiftFileSchema, read.value);
  if (!checked.ok) return checked;
  const { source, refused, repair } = checked.value;
  const pack = options.pack ?? DEFAULT_PACK;
  const ctx = new CompileContext(read.value, pack.languages, pack.tiers, repair);
  const known = new Set(options.scenarios.map((s) => s.id));
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
  if (repair) return fail(sortProblems([...refused, ...ctx.problems]));
  return hasErrors(ctx.problems) ? fail(ctx.problems) : succeed(shift, ctx.problems);
}
