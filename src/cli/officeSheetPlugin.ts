/**
 * Packs the office's pictures (`assets/office/`, drawn by `npm run art:office`) and the emblems
 * (`assets/emblems/`: channels, tiers, grades) into one SVG sheet at build time, for the office scene
 * to cut into frames: `virtual:office-sheet`. The pictures differ in size, so they are packed in
 * shelves, tallest first, each frame named by its file's stem.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { type PackedSheet, placed, sheetSvg, svgSheetPlugin } from './svgSheetPlugin';

export const OFFICE_SHEET_ASSET = 'office.svg';
/** How wide a shelf of the sheet is, in the pictures' units. */
const SHELF = 512;
/** The space left round each picture, so a frame never bleeds into its neighbour when rasterised. */
const GAP = 2;

/** Where each picture sits in the sheet, by its file's stem. */
export type OfficeFrames = Readonly<
  Record<string, { readonly x: number; readonly y: number; readonly w: number; readonly h: number }>
>;

/** A picture's size, from its root tag's `width` and `height`. */
function sizeOf(text: string, file: string): { w: number; h: number } {
  const root = /^<svg[^>]*>/.exec(text.trim())?.[0] ?? '';
  const w = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const h = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(w > 0 && h > 0)) throw new Error(`${file}: the picture's <svg> needs a width and a height.`);
  return { w, h };
}

/** Builds the sheet from every picture in `dirs` (a missing folder adds nothing). */
export async function buildOfficeSheet(
  dirs: readonly string[],
): Promise<PackedSheet & { frames: OfficeFrames }> {
  const pictures: { name: string; file: string; text: string; w: number; h: number }[] = [];
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((x) => x.endsWith('.svg')).sort()) {
      const file = join(dir, name);
      const text = await readFile(file, 'utf8');
      pictures.push({ name: name.slice(0, -'.svg'.length), file, text, ...sizeOf(text, file) });
    }
  }
  // Tallest first (then by name, so the same pictures always give the same sheet).
  const order = [...pictures].sort((a, b) => b.h - a.h || a.name.localeCompare(b.name));
  const frames: Record<string, { x: number; y: number; w: number; h: number }> = {};
  const parts: string[] = [];
  let x = 0;
  let y = 0;
  let shelf = 0;
  let width = 0;
  for (const p of order) {
    if (x > 0 && x + p.w > SHELF) {
      y += shelf + GAP;
      x = 0;
      shelf = 0;
    }
    frames[p.name] = { x, y, w: p.w, h: p.h };
    parts.push(placed(p.text, x, y));
    x += p.w + GAP;
    shelf = Math.max(shelf, p.h);
    width = Math.max(width, x - GAP);
  }
  const height = y + shelf;
  return {
    svg: sheetSvg(width, height, parts),
    width,
    height,
    frames,
    files: pictures.map((p) => p.file),
  };
}

/** The plugin: the sheet of the office's pictures and the emblems. */
export function officeSheetPlugin(dirs = ['assets/office', 'assets/emblems']): Plugin {
  return svgSheetPlugin('office-sheet', OFFICE_SHEET_ASSET, () =>
    buildOfficeSheet(dirs.map((d) => resolve(d))),
  );
}
