/**
 * Every playthrough under scenarios/ is played headlessly and must meet all of its expectations.
 * Every shipped scenario needs at least three: one handled well, one handled badly, and one handled
 * well by a trainee who types every reply (no authored choices).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadStarterPack, playFile, playthroughFiles } from '../support/starterPack';

const pack = loadStarterPack();
const files = playthroughFiles();

describe('playthroughs', () => {
  it.each(files)('%s', (file) => {
    const failed = playFile(file)
      .checks.filter((c) => !c.ok)
      .map((c) => `${file}:${c.at.line}:${c.at.col}: ${c.message}`);
    expect(failed).toEqual([]);
  });

  it('covers every shipped scenario with a good and a bad ending', () => {
    const endings = new Map<string, Set<string>>();
    for (const file of files) {
      const source = parse(readFileSync(file, 'utf8')) as { scenario?: string; expect: { ending?: string } };
      if (!source.scenario) continue;
      const set = endings.get(source.scenario) ?? new Set<string>();
      set.add(source.expect.ending ?? 'none');
      endings.set(source.scenario, set);
    }
    const missing = pack.scenarios.flatMap((s) => {
      const seen = endings.get(s.id) ?? new Set();
      const good = seen.has('satisfied') || seen.has('neutral');
      const bad = seen.has('upset') || seen.has('abandoned');
      return good && bad
        ? []
        : [`${s.id}: ${good ? '' : 'no good ending '}${bad ? '' : 'no bad ending'}`.trim()];
    });
    expect(missing).toEqual([]);
  });

  it('covers every shipped scenario with a run typed alone that ends well, in its handled-well language', () => {
    type Source = {
      scenario?: string;
      language?: string;
      steps: { choice?: unknown }[];
      expect: { ending?: string };
    };
    const runs = files.map((file) => ({ file, source: parse(readFileSync(file, 'utf8')) as Source }));
    const missing = pack.scenarios.flatMap((s) => {
      const well = runs.find((r) => r.file.endsWith(`${s.id}.handled-well.playthrough.yaml`));
      const typed = runs.some(
        (r) =>
          r.source.scenario === s.id &&
          r.source.language === well?.source.language &&
          r.source.steps.every((step) => step.choice === undefined) &&
          (r.source.expect.ending === 'satisfied' || r.source.expect.ending === 'neutral'),
      );
      return typed ? [] : [s.id];
    });
    expect(missing).toEqual([]);
  });
});
