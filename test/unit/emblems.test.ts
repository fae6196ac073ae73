/**
 * The emblems (channel glyphs, tier badges, grade medals) are generated: the committed files must be
 * what `npm run art:emblems` writes, and every channel, default tier and grade must have one.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawEmblems, emblems, TIER_LEVELS } from '../../src/cli/drawEmblems';
import { CHANNELS, GRADES } from '../../src/core/runtime';
import { tempFolders } from '../support/tempFolders';

const ASSETS = 'assets/emblems';
const temp = tempFolders('emblems');

describe('the emblems shipped', () => {
  it('has one for every channel, every default tier and every grade, and nothing else', async () => {
    const expected = [
      ...CHANNELS.map((c) => `channel-${c}.svg`),
      ...TIER_LEVELS.map((level) => `tier-${level}.svg`),
      ...GRADES.map((g) => `grade-${g}.svg`),
    ].sort();
    expect(TIER_LEVELS).toEqual([1, 2, 3, 4]);
    expect((await readdir(ASSETS)).sort()).toEqual(expected);
    expect(Object.keys(emblems()).sort()).toEqual(expected);
  });

  it('matches the generator: a fresh run into a temporary folder writes the committed bytes', async () => {
    const dir = await temp();
    const { files } = await drawEmblems(dir);
    expect(files).toHaveLength(12);
    for (const name of await readdir(ASSETS)) {
      expect(await readFile(join(dir, name))).toEqual(await readFile(join(ASSETS, name)));
    }
  });

  it('draws each in the portraits’ style: ink outline, one line weight, different pictures', () => {
    const all = emblems();
    expect(new Set(Object.values(all)).size).toBe(Object.keys(all).length);
    for (const [name, svg] of Object.entries(all)) {
      const size = name.startsWith('grade-') ? 64 : 24;
      expect(svg).toMatch(
        new RegExp(`^<svg xmlns="http://www\\.w3\\.org/2000/svg" viewBox="0 0 ${size} ${size}"`),
      );
      expect(svg).toContain('stroke-width="1.5"');
      expect(svg).toContain('stroke="#2d2433"');
      // No text: nothing depends on a font.
      expect(svg).not.toContain('<text');
      expect(Buffer.byteLength(svg)).toBeLessThan(3 * 1024);
    }
  });
});
