/**
 * The JSON Schemas are served by the built site at a fixed path, `schema/<name>`, so a trainer whose
 * scenarios live outside the project can point an editor at them (scenarios/README.md says how). Read
 * from the build the browser tests serve, with plain requests: no browser is needed to fetch a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

const published = readdirSync('public/schema').filter((name) => name.endsWith('.schema.json'));

describe('the built site', () => {
  it.each(published)('serves schema/%s as the JSON in public/schema', async (name) => {
    const response = await fetch(new URL(`schema/${name}`, inject('baseUrl')));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(await response.json()).toEqual(JSON.parse(readFileSync(`public/schema/${name}`, 'utf8')));
  });
});
