/** The published JSON Schemas are generated from the compiler's schema and must not drift from it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../src/cli/writeSchemas';
import { scenarioJsonSchemas } from '../../src/core/pack/jsonSchemas';

describe('published JSON Schemas', () => {
  it.each(Object.entries(scenarioJsonSchemas()))(
    'public/schema/%s is up to date (npm run schemas)',
    (name, schema) => {
      expect(readFileSync(`public/schema/${name}`, 'utf8')).toBe(schemaText(schema));
    },
  );

  it('describes the fields a trainer writes, and refuses unknown ones', () => {
    const schema = scenarioJsonSchemas()['scenario.schema.json'] as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['id', 'version', 'title', 'level', 'channel', 'persona', 'beats', 'expected']),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toContain('escalation');
  });
});
