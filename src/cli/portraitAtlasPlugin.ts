/**
 * Packs the portraits in `assets/portraits/` into one SVG sheet at build time: a row per portrait key,
 * a column per expression, each picture nested at its place. One file means one request after the
 * menu instead of a hundred, and gzip shares the parts the pictures repeat. Phaser rasterises the
 * sheet once and cuts it into frames; the desk's DOM portrait shows a frame of the same file as a
 * background. The sheet stays vector, so it is sharp at any size and needs no image tool to build.
 *
 * The game imports `virtual:portrait-atlas`: the sheet's address (relative to the page) and where
 * each frame sits. Built, the sheet is emitted as `portraits.svg`; served, it is made per request.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { placed, sheetSvg, svgSheetPlugin } from './svgSheetPlugin';

export const ATLAS_ASSET = 'portraits.svg';
/** The side of one portrait, in the sheet's units. */
export const CELL = 64;

/** Where each portrait sits in the sheet, by frame name (`<key>-<expression>`). */
export interface PortraitAtlas {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly frames: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
  readonly files: readonly string[];
}

/**
 * Builds the sheet from the portraits in `dir`. Rows follow the keys in name order and columns the
 * `expressions` order, so the sheet is the same for the same files.
 */
export async function buildPortraitAtlas(
  dir: string,
  expressions: readonly string[],
): Promise<PortraitAtlas> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.svg')).sort();
  const keys = [
    ...new Set(
      names.flatMap((name) => {
        const expression = expressions.find((e) => name.endsWith(`-${e}.svg`));
        return expression ? [name.slice(0, -`-${expression}.svg`.length)] : [];
      }),
    ),
  ];
  const frames: Record<string, { x: number; y: number }> = {};
  const parts: string[] = [];
  const files: string[] = [];
  for (const [row, key] of keys.entries()) {
    for (const [column, expression] of expressions.entries()) {
      const file = join(dir, `${key}-${expression}.svg`);
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) continue;
      const x = column * CELL;
      const y = row * CELL;
      files.push(file);
      frames[`${key}-${expression}`] = { x, y };
      // The picture keeps its own viewBox; only its place in the sheet is added.
      parts.push(placed(text, x, y));
    }
  }
  const width = expressions.length * CELL;
  const height = keys.length * CELL;
  return { svg: sheetSvg(width, height, parts), width, height, frames, files };
}

/** The plugin: the sheet of the portraits in `dir`, drawn in `expressions`. */
export function portraitAtlasPlugin(expressions: readonly string[], dir = 'assets/portraits'): Plugin {
  return svgSheetPlugin('portrait-atlas', ATLAS_ASSET, () => buildPortraitAtlas(resolve(dir), expressions), {
    cell: CELL,
  });
}
