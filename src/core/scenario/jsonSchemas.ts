import { z } from 'zod';
import { PackFileSchema, ScenarioFileSchema } from './schema';

/**
 * The JSON Schemas that editors use to autocomplete and check scenario and pack files, generated
 * from the same zod schemas the compiler validates with. Draft 7, which YAML editors support widely.
 */
export function scenarioJsonSchemas(): { 'scenario.schema.json': unknown; 'pack.schema.json': unknown } {
  const options = { target: 'draft-7', io: 'input', unrepresentable: 'any' } as const;
  return {
    'scenario.schema.json': z.toJSONSchema(ScenarioFileSchema, options),
    'pack.schema.json': z.toJSONSchema(PackFileSchema, options),
  };
}
