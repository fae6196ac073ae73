/**
 * The one illustrated style every generated picture shares (portraits, the office, the emblems): one
 * ink colour and one line weight for outlines, one shadow colour, one light from the top left, and the
 * palette the game's CSS uses for its own surfaces. The generators import these rather than keeping
 * their own, so a change of style is one change here and a rerun of the `art:*` scripts.
 */

/** The outline colour of every picture. */
export const INK = '#2d2433';
/** The one stroke width, in the units of a 64-unit picture (scaled with the picture). */
export const LINE = 1.5;
/** What shaded faces mix towards: the light comes from the top left, so shade falls right and below. */
export const SHADOW = '#4b2f52';

/** The game's own colours (as in `src/game/styles.css`), for pictures that sit beside its panels. */
export const PALETTE = {
  brand: '#1f3a5f',
  paper: '#f6f3ee',
  line: '#d9d2c7',
  credit: '#1e6b3a',
  cost: '#a1241b',
  gold: '#d6a430',
  sky: '#9cc3e0',
  wall: '#e9e2d6',
  wood: '#8a6a4b',
  // The emblems' own: the email's envelope, social media's megaphone, and the tiers' calm-to-crisis
  // scale (Level 2 uses `gold`).
  envelope: '#ecd9a8',
  violet: '#8a5bb0',
  calm: '#3f8f8a',
  urgent: '#d9722b',
  crisis: '#c0271d',
} as const;

/** The skin tones every drawn person is given from. */
export const SKIN = {
  porcelain: '#f7dcc8',
  fair: '#f0c7a6',
  golden: '#dca47c',
  olive: '#c08a5e',
  brown: '#9a6644',
  deep: '#71472f',
} as const;

/** The hair colours every drawn person is given from. */
export const HAIR = {
  black: '#231b1f',
  darkBrown: '#4a2c22',
  brown: '#7b4b2a',
  auburn: '#9e4224',
  blonde: '#d8b061',
  grey: '#9d9a98',
  white: '#e6e2dc',
} as const;

/** A number as the pictures write it: at most one decimal, so files stay small and stable. */
export const n = (v: number): string => String(Math.round(v * 10) / 10);

/** Mixes two `#rrggbb` colours; `t` of the second. */
export function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  let out = '#';
  for (let i = 0; i < 3; i += 1) {
    const v = Math.round(channel(a, i) * (1 - t) + channel(b, i) * t);
    out += v.toString(16).padStart(2, '0');
  }
  return out;
}

/** The side of a colour turned from the light. */
export const shade = (c: string): string => mix(c, SHADOW, 0.28);
/** The side of a colour facing the light. */
export const light = (c: string): string => mix(c, '#ffffff', 0.3);

/** The outline attribute every outlined shape carries (width, joins and caps are set on the picture). */
export const stroke = `stroke="${INK}"`;
/** An open path in ink (or `colour`). */
export const line = (d: string, colour = INK): string => `<path d="${d}" fill="none" stroke="${colour}"/>`;
/** A filled path, outlined in ink unless `outlined` is false. */
export const fill = (d: string, colour: string, outlined = true): string =>
  `<path d="${d}" fill="${colour}"${outlined ? ` ${stroke}` : ''}/>`;

/**
 * The opening tag of a picture `width` × `height` units: the line weight, joins and caps set once,
 * scaled so a picture drawn at `width` keeps the 64-unit face's weight (`LINE` at 64 units).
 */
export function pictureOpen(width: number, height: number, lineScale = 1): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" stroke-width="${n(LINE * lineScale)}" stroke-linejoin="round" stroke-linecap="round">`;
}

/**
 * A band (an arm, a headset's strap): a thick stroke of `colour`, `width` wide, outlined in ink of the
 * one line weight on both sides, so it reads like the filled shapes round it.
 */
export const band = (d: string, colour: string, width: number): string =>
  `<path d="${d}" fill="none" stroke="${INK}" stroke-width="${n(width + 2 * LINE)}"/><path d="${d}" fill="none" stroke="${colour}" stroke-width="${n(width)}"/>`;
