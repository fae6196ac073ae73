/**
 * The office's pure parts: the light of the game's hour, where things stand in strips of every size,
 * which figure a waiting customer is, and the office's pictures (the committed files are what
 * `npm run art:office` draws; one line weight; packed whole into one sheet).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINE } from '../../../src/cli/artStyle';
import { drawOffice, officePictures, officeSvg } from '../../../src/cli/drawOffice';
import { buildOfficeSheet } from '../../../src/cli/officeSheetPlugin';
import { daylightAt, minuteOfDay } from '../../../src/game/office/daylight';
import {
  type Box,
  colleagueTalking,
  officeLayout,
  QUEUE_ROOM,
  walkerOf,
} from '../../../src/game/office/officeLayout';
import { tempFolders } from '../../support/tempFolders';

const ASSETS = 'assets/office';
const HOUR = 3_600_000;
/** Game time at a clock hour (the game's clock starts at 09:00). */
const at = (hour: number) => (hour - 9) * HOUR;

const temp = tempFolders('office');

describe('the light through the window', () => {
  it('follows the game clock from its 09:00 start, round the day', () => {
    expect(minuteOfDay(0)).toBe(9 * 60);
    expect(minuteOfDay(at(13.5))).toBe(13 * 60 + 30);
    expect(minuteOfDay(at(33))).toBe(9 * 60);
  });

  it('is a morning at the shift’s start, with the sun low on the left and the city unlit', () => {
    const light = daylightAt(0);
    expect(light.phase).toBe('morning');
    expect(light.sun.moon).toBe(false);
    expect(light.sun.x).toBeLessThan(0.35);
    expect(light.lights).toBe(0);
    expect(light.dark).toBe(0);
    expect(light.wallLight).toBeGreaterThan(0);
  });

  it('puts the sun highest at 13:00 and lights the city’s windows at night, under the moon', () => {
    const noon = daylightAt(at(13));
    expect(noon.sun.y).toBeCloseTo(1, 5);
    expect(noon.sun.y).toBeGreaterThan(daylightAt(at(10)).sun.y);
    const night = daylightAt(at(23));
    expect(night.phase).toBe('night');
    expect(night.sun.moon).toBe(true);
    expect(night.lights).toBe(1);
    expect(night.dark).toBeGreaterThan(0.5);
    expect(night.wallLight).toBe(0);
    expect(daylightAt(at(19)).phase).toBe('evening');
    expect(daylightAt(at(6.6)).phase).toBe('dawn');
  });

  it('changes a little at a time: a game minute never jumps the sky', () => {
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      const a = daylightAt(minute * 60_000);
      const b = daylightAt((minute + 1) * 60_000);
      for (const shift of [16, 8, 0]) {
        expect(Math.abs(((a.skyTop >> shift) & 0xff) - ((b.skyTop >> shift) & 0xff))).toBeLessThanOrEqual(3);
      }
      expect(Math.abs(a.dark - b.dark)).toBeLessThan(0.01);
    }
  });
});

/** Whether two boxes overlap (touching is not overlapping). */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
function inside(box: Box, width: number, height: number): boolean {
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.01 && box.y + box.height <= height + 0.01;
}

describe('the office’s layout', () => {
  const strips = [
    [1366, 130],
    [1920, 184],
    [800, 153],
    [360, 104],
  ] as const;

  it.each(strips)('keeps everything inside a %i × %i strip, and nothing on top of anything else', (w, h) => {
    const layout = officeLayout(w, h);
    const things = [layout.window, layout.plant, layout.traineeDesk, ...layout.colleagues, ...layout.queue];
    for (const box of [...things, layout.monitor]) expect(inside(box, w, h)).toBe(true);
    for (let i = 0; i < things.length; i += 1)
      for (let j = i + 1; j < things.length; j += 1)
        expect(overlap(things[i] as Box, things[j] as Box), `${i} and ${j}`).toBe(false);
    expect(layout.queue).toHaveLength(QUEUE_ROOM);
  });

  it('seats three colleagues on a wide screen and fewer, whole, on a narrow one', () => {
    expect(officeLayout(1920, 184).colleagues).toHaveLength(3);
    expect(officeLayout(1366, 130).colleagues).toHaveLength(3);
    const narrow = officeLayout(800, 153).colleagues.length;
    expect(narrow).toBeGreaterThanOrEqual(1);
    expect(narrow).toBeLessThan(3);
    expect(officeLayout(360, 104).colleagues).toHaveLength(0);
  });

  it('scales the pictures with the strip’s height', () => {
    expect(officeLayout(1920, 184).scale).toBeGreaterThan(officeLayout(1366, 130).scale);
    expect(officeLayout(1366, 130).queue[0]?.height).toBeCloseTo(
      (officeLayout(1366, 130).scale * 72 * (officeLayout(1366, 130).queue[0]?.width ?? 0)) /
        (officeLayout(1366, 130).scale * 32),
      5,
    );
  });
});

describe('the office’s people', () => {
  it('draws a waiting customer as the same figure every time, and varies the figures', () => {
    expect(walkerOf('c4')).toBe(walkerOf('c4'));
    const looks = new Set(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map(walkerOf));
    expect(looks.size).toBeGreaterThanOrEqual(4);
    for (const look of looks) expect(look).toBeLessThan(6);
  });

  it('lets each colleague talk now and then, not all at once', () => {
    const talking = Array.from({ length: 40 }, (_, s) => [0, 1, 2].map((i) => colleagueTalking(i, s * 6000)));
    for (const i of [0, 1, 2]) {
      const share = talking.filter((t) => t[i]).length / talking.length;
      expect(share).toBeGreaterThan(0.1);
      expect(share).toBeLessThan(0.5);
    }
    expect(talking.some((t) => t.every(Boolean))).toBe(false);
  });
});

describe('the office’s pictures', () => {
  it('are the files `npm run art:office` writes, and no others', async () => {
    const pictures = officePictures();
    expect((await readdir(ASSETS)).sort()).toEqual(pictures.map((p) => `${p.name}.svg`).sort());
    for (const picture of pictures)
      expect(await readFile(join(ASSETS, `${picture.name}.svg`), 'utf8')).toBe(officeSvg(picture));
    const { files } = await drawOffice(await temp());
    expect(files).toHaveLength(pictures.length);
  });

  it('draw every outline in the one line weight (a band is ink of that weight either side of its colour)', () => {
    for (const picture of officePictures()) {
      const svg = officeSvg(picture);
      expect(svg).toContain(`stroke-width="${LINE}" stroke-linejoin="round"`);
      const widths = [
        ...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="[^"]+" stroke-width="([\d.]+)"/g),
      ];
      for (const [, d, width] of widths) {
        const pair = widths.find(
          ([, d2, w2]) => d2 === d && Math.abs(Math.abs(Number(w2) - Number(width)) - 2 * LINE) < 1e-9,
        );
        expect(pair, `${picture.name}: a lone ${width}-wide stroke`).toBeDefined();
      }
      expect(svg.match(/stroke-width=/g)?.length).toBe(1 + widths.length);
    }
  });

  it('pack whole into one sheet with the emblems, each frame the size its picture is drawn', async () => {
    const sheet = await buildOfficeSheet([ASSETS, 'assets/emblems']);
    for (const picture of officePictures()) {
      expect(sheet.frames[picture.name]).toMatchObject({ w: picture.width, h: picture.height });
    }
    const frames = Object.values(sheet.frames);
    for (let i = 0; i < frames.length; i += 1) {
      const a = frames[i] as { x: number; y: number; w: number; h: number };
      expect(a.x + a.w).toBeLessThanOrEqual(sheet.width);
      expect(a.y + a.h).toBeLessThanOrEqual(sheet.height);
      for (let j = i + 1; j < frames.length; j += 1) {
        const b = frames[j] as typeof a;
        expect(a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h).toBe(false);
      }
    }
  });
});
