/**
 * `npm run schemas`: regenerates the published JSON Schemas under public/schema/ from the compiler's
 * own schema. A test fails when the committed files fall out of date.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scenarioJsonSchemas } from '../core/pack/jsonSchemas';

export const SCHEMA_DIR = join('public', 'schema');

/** The exact text written for a schema, shared with the freshness test. */
export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

async function main(): Promise<void> {
  await mkdir(SCHEMA_DIR, { recursive: true });
  for (const [name, schema] of Object.entries(scenarioJsonSchemas())) {
    await writeFile(join(SCHEMA_DIR, name), schemaText(schema));
    console.log(`wrote ${join(SCHEMA_DIR, name)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`schemas failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
