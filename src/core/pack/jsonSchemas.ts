import { z } from 'zod';
import { PlaythroughFileSchema } from '../playthrough/schema';
import { ShiftFileSchema } from '../scenario/compileShift';
import { PackFileSchema, ScenarioFileSchema } from '../scenario/schema';
import { ScorecardSchema } from '../scoring/scorecard';

/**
 * The JSON Schemas that editors use to autocomplete and check scenario, pack, shift and playthrough
 * files, and that other tools use to read scorecards, generated from the same zod schemas the compilers validate with. Draft 7, which YAML editors
 * support widely.
 */
export function scenarioJsonSchemas(): Record<string, unknown> {
  const options = { target: 'draft-7', io: 'input', unrepresentable: 'any' } as const;
  return {
    'scenario.schema.json': z.toJSONSchema(ScenarioFileSchema, options),
    'pack.schema.json': z.toJSONSchema(PackFileSchema, options),
    'shift.schema.json': z.toJSONSchema(ShiftFileSchema, options),
    'playthrough.schema.json': z.toJSONSchema(PlaythroughFileSchema, options),
    'scorecard.schema.json': z.toJSONSchema(ScorecardSchema, { ...options, io: 'output' }),
  };
}
