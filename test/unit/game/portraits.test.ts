import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAST, DRAWN_KEYS, drawPortraits, portraitSvg } from '../../../src/cli/drawPortraits';
import { buildPortraitAtlas, CELL } from '../../../src/cli/portraitAtlasPlugin';
import { loadPackAround } from '../../../src/cli/scenarioFiles';
import { DEFAULT_PORTRAIT, PORTRAIT_KEYS } from '../../../src/core/scenario/portraitKeys';
import { EXPRESSIONS, expressionFor, MoodTrends, portraitKeyFor } from '../../../src/game/portraits';
import { tempFolders } from '../../support/tempFolders';

const ASSETS = 'assets/portraits';
const temp = tempFolders('portraits');

describe('the portraits shipped', () => {
  it('has a drawn look for every key the shipped scenarios use, and no key they do not', async () => {
    const check = await loadPackAround('scenarios/pack.yaml');
    const used = [
      ...new Set(check.scenarios.flatMap((s) => (s.persona.look ? [s.persona.look.portrait] : []))),
    ];
    expect(used.length).toBeGreaterThanOrEqual(17);
    expect([...used].sort()).toEqual([...PORTRAIT_KEYS].sort());
    expect(Object.keys(CAST).sort()).toEqual([...DRAWN_KEYS].sort());
  });

  it('has all six expressions of every key and of the default, and nothing else', async () => {
    const expected = DRAWN_KEYS.flatMap((key) => EXPRESSIONS.map((e) => `${key}-${e}.svg`)).sort();
    expect((await readdir(ASSETS)).sort()).toEqual(expected);
    expect(DRAWN_KEYS).toContain(DEFAULT_PORTRAIT);
  });

  it('matches the generator: the committed files are what `npm run art:portraits` writes', async () => {
    for (const key of DRAWN_KEYS) {
      for (const expression of EXPRESSIONS) {
        expect(await readFile(join(ASSETS, `${key}-${expression}.svg`), 'utf8')).toBe(
          portraitSvg(key, expression),
        );
      }
    }
  });

  it('draws six different faces per key, each a 64-unit square with one line weight', () => {
    for (const key of DRAWN_KEYS) {
      const faces = EXPRESSIONS.map((e) => portraitSvg(key, e));
      expect(new Set(faces).size).toBe(6);
      for (const svg of faces) {
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64"/);
        expect(svg).not.toMatch(/stroke-width="(?!1\.5")/);
      }
    }
  });

  it('varies skin, hair and dress across the cast', () => {
    const looks = Object.values(CAST);
    expect(new Set(looks.map((l) => l.skin)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(looks.map((l) => l.hair)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(looks.map((l) => l.dress)).size).toBeGreaterThanOrEqual(8);
    expect(
      looks.filter((l) => l.hairColour === 'grey' || l.hairColour === 'white').length,
    ).toBeGreaterThanOrEqual(3);
  });
});

describe('the generator', () => {
  it('writes the same bytes every run', async () => {
    const [a, b] = [await temp(), await temp()];
    const first = await drawPortraits(a);
    const second = await drawPortraits(b);
    expect(first.files.length).toBe(DRAWN_KEYS.length * 6);
    expect(second.bytes).toBe(first.bytes);
    for (const name of await readdir(a)) {
      expect(await readFile(join(b, name), 'utf8')).toBe(await readFile(join(a, name), 'utf8'));
    }
  });

  it('keeps the portraits small: under 3 KB a face', async () => {
    const { files, bytes } = await drawPortraits(await temp());
    expect(bytes / files.length).toBeLessThan(3 * 1024);
  });
});

describe('the sheet the build packs', () => {
  it('places every portrait once, a row per key and a column per expression, with unique ids', async () => {
    const atlas = await buildPortraitAtlas(ASSETS, EXPRESSIONS);
    expect(atlas.width).toBe(6 * CELL);
    expect(atlas.height).toBe(DRAWN_KEYS.length * CELL);
    expect(Object.keys(atlas.frames)).toHaveLength(DRAWN_KEYS.length * 6);
    const places = new Set(Object.values(atlas.frames).map(({ x, y }) => `${x},${y}`));
    expect(places.size).toBe(DRAWN_KEYS.length * 6);
    expect(atlas.frames['baker-angry']).toEqual({
      x: EXPRESSIONS.indexOf('angry') * CELL,
      y: [...DRAWN_KEYS].sort().indexOf('baker') * CELL,
    });
    const ids = [...atlas.svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(atlas.svg.match(/<svg /g)).toHaveLength(DRAWN_KEYS.length * 6 + 1);
  });
});

describe('expressionFor', () => {
  it.each([
    [1, 0, 'delighted'],
    [0.6, -0.1, 'delighted'],
    [0.59, 0, 'calm'],
    [0.2, 0, 'calm'],
    [0.2, -0.05, 'calm'],
    [0.3, 0.1, 'relieved'],
    [0.19, 0.1, 'worried'],
    [-0.2, 0, 'worried'],
    [-0.21, 0, 'annoyed'],
    [-0.6, 0, 'annoyed'],
    [-0.61, 0, 'angry'],
    [-1, 0.2, 'angry'],
  ] as const)('mood %s changing by %s looks %s', (mood, change, expression) => {
    expect(expressionFor(mood, change)).toBe(expression);
  });
});

describe('MoodTrends', () => {
  it('remembers the direction a mood last moved, per contact', () => {
    const trends = new MoodTrends();
    expect(trends.expression('a', 0.3)).toBe('calm');
    expect(trends.expression('a', 0.4)).toBe('relieved');
    // Asked again at the same mood (the office and the desk both ask): still relieved.
    expect(trends.expression('a', 0.4)).toBe('relieved');
    expect(trends.expression('a', 0.35)).toBe('calm');
    expect(trends.expression('b', 0.4)).toBe('calm');
  });
});

describe('portraitKeyFor', () => {
  it('keeps a drawn key and falls back to the default for an unknown or missing one', () => {
    expect(portraitKeyFor('baker')).toBe('baker');
    expect(portraitKeyFor('bakr')).toBe(DEFAULT_PORTRAIT);
    expect(portraitKeyFor(undefined)).toBe(DEFAULT_PORTRAIT);
    expect(portraitKeyFor(null)).toBe(DEFAULT_PORTRAIT);
  });
});
