/**
 * Draws the game's emblems as SVG into `assets/emblems/`: `npm run art:emblems [folder]`. The four
 * channel glyphs (`channel-<channel>.svg`), the support tiers' badges (`tier-<level>.svg`, calm to
 * crisis) and the four grades' medals (`grade-<Grade>.svg`). They share the portraits' style
 * (`./artStyle`): one ink outline, one line weight, light from the top left (each filled shape is
 * drawn in shade with its lit copy nudged up and left inside it). Each picture is drawn at about the
 * size it is shown, so the line reads as heavy as the portraits'. Grades differ in shape as well as
 * colour, so they are told apart without colour. Pure string building: byte-identical every run.
 */
import { resolve } from 'node:path';
import { CHANNELS, type Channel, GRADES, type Grade } from '../core/runtime';
import { fill, INK, light, line, mix, n, PALETTE, pictureOpen, shade, stroke } from './artStyle';
import { writePictures, wroteLine } from './writePictures';

/** The tier levels that have a badge: the default ladder's four. */
export const TIER_LEVELS = [1, 2, 3, 4] as const;

/**
 * A filled shape lit from the top left: drawn in shade, its lit copy clipped to it and nudged
 * `offset` units up and left, then outlined in ink. `id` must be unique within the picture.
 */
function lit(id: string, d: string, colour: string, offset: number): string {
  return (
    `<clipPath id="${id}"><path id="${id}-shape" d="${d}"/></clipPath>` +
    `<use href="#${id}-shape" fill="${shade(colour)}"/>` +
    `<g clip-path="url(#${id})"><use href="#${id}-shape" fill="${colour}" transform="translate(-${offset} -${offset})"/></g>` +
    `<use href="#${id}-shape" fill="none" ${stroke}/>`
  );
}

/** A soft disc of light on the upper left of a round shape, as on the portraits' backgrounds. */
const glint = (cx: number, cy: number, r: number): string =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="#fff" opacity=".35"/>`;

const close = '</svg>\n';

// Channels: 24-unit glyphs, shown at 20 px beside the channel's name.

const CHANNEL_LIGHT = 1.2;

const CHANNEL_ART: Record<Channel, () => string> = {
  chat: () =>
    lit(
      'chat',
      'M4 4H20A1.5 1.5 0 0 1 21.5 5.5V15A1.5 1.5 0 0 1 20 16.5H11.5L6.5 21V16.5H4A1.5 1.5 0 0 1 2.5 15V5.5A1.5 1.5 0 0 1 4 4Z',
      PALETTE.sky,
      CHANNEL_LIGHT,
    ) + [7.5, 12, 16.5].map((x) => `<circle cx="${x}" cy="10.3" r="1.4" fill="${INK}"/>`).join(''),
  email: () =>
    lit(
      'email',
      'M3.5 5H20.5A1 1 0 0 1 21.5 6V18A1 1 0 0 1 20.5 19H3.5A1 1 0 0 1 2.5 18V6A1 1 0 0 1 3.5 5Z',
      PALETTE.envelope,
      CHANNEL_LIGHT,
    ) +
    line('M3 6L12 13L21 6') +
    `<circle cx="12" cy="13" r="2" fill="${PALETTE.cost}" ${stroke}/>`,
  phone: () =>
    lit(
      'phone',
      'M6.5 2.5H9.5L11 7.5L8.8 9.2A11 11 0 0 0 14.8 15.2L16.5 13L21.5 14.5V17.5A2.5 2.5 0 0 1 19 20A17 17 0 0 1 4 5A2.5 2.5 0 0 1 6.5 2.5Z',
      PALETTE.credit,
      CHANNEL_LIGHT,
    ) +
    line('M14.5 2.8A6.5 6.5 0 0 1 21 9.3') +
    line('M14.5 6.3A3 3 0 0 1 17.5 9.3'),
  social: () =>
    lit('social-handle', 'M6 14.5L7.5 20.5H10.5L9.5 15.5Z', PALETTE.violet, CHANNEL_LIGHT / 2) +
    lit('social', 'M2.5 9V15H6.5L14.5 19.5V4.5L6.5 9Z', PALETTE.violet, CHANNEL_LIGHT) +
    line('M17.5 9.3A3.5 3.5 0 0 1 17.5 14.7') +
    line('M20 6.5A7.5 7.5 0 0 1 20 17.5'),
};

/** The glyph of a channel: 24 units square, filled, outlined, lit. */
export function channelSvg(channel: Channel): string {
  return `${pictureOpen(24, 24)}${CHANNEL_ART[channel]()}${close}`;
}

// Tiers: a shield in the tier's colour, calm (Level 1) to crisis (Level 4), holding a paper roundel
// with the level drawn as strokes (no font: the badge looks the same in every browser).

const TIER_COLOUR: Record<(typeof TIER_LEVELS)[number], string> = {
  1: PALETTE.calm,
  2: PALETTE.gold,
  3: PALETTE.urgent,
  4: PALETTE.crisis,
};

const NUMERAL: Record<(typeof TIER_LEVELS)[number], string> = {
  1: 'M10.3 8.6L12.4 7.3V14.7',
  2: 'M9.8 9.3C9.9 6.9 14.3 6.8 14.3 9.3C14.3 11.2 10.3 12.4 9.8 14.7H14.5',
  3: 'M9.9 7.6H14.1L11.7 10.3C13.5 10.1 14.6 11.1 14.5 12.5C14.4 14.9 11 15.4 9.7 13.8',
  4: 'M13.4 14.9V7.3L9.3 12.4H15',
};

/** The badge of a support tier's level (1 to 4): 24 units square. */
export function tierSvg(level: (typeof TIER_LEVELS)[number]): string {
  const colour = TIER_COLOUR[level];
  const shield = 'M12 1.8L20.5 4.6V11C20.5 16.4 17 20.2 12 22.3C7 20.2 3.5 16.4 3.5 11V4.6Z';
  return (
    pictureOpen(24, 24) +
    lit(`tier-${level}`, shield, colour, 1.1) +
    `<circle cx="12" cy="11" r="5.8" fill="${PALETTE.paper}" ${stroke}/>` +
    `<path d="${NUMERAL[level]}" fill="none" stroke="${INK}" stroke-width="1.9"/>` +
    close
  );
}

// Grades: 64-unit medals, each its own shape: a plain disc with a down chevron (Unsatisfactory), a
// ribboned roundel with a check (Expected), a star (Desired), a gold medal in a laurel (Exceptional).

const GRADE_LIGHT = 2.4;

/** The points of a star of `points` arms around (cx, cy). */
function starPath(cx: number, cy: number, outer: number, inner: number, points = 5): string {
  const parts: string[] = [];
  for (let i = 0; i < points * 2; i += 1) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / points;
    parts.push(`${i === 0 ? 'M' : 'L'}${n(cx + r * Math.cos(a))} ${n(cy + r * Math.sin(a))}`);
  }
  return `${parts.join('')}Z`;
}

/** Two ribbon tails hanging below a medal. */
function ribbons(colour: string): string {
  return (
    lit('ribbon-left', 'M22 40L15 60L21.5 56.5L25.5 61L31 44Z', colour, 1.2) +
    lit('ribbon-right', 'M42 40L49 60L42.5 56.5L38.5 61L33 44Z', colour, 1.2)
  );
}

/** The leaves of a laurel branch on one side (`side` −1 left, 1 right). */
function laurel(side: -1 | 1): string {
  const leaves: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    // From the bottom of the medal round to its upper side, each leaf along the branch.
    const a = Math.PI / 2 + side * (0.5 + i * 0.42);
    const x = 32 + 25.5 * Math.cos(a);
    const y = 31 + 25.5 * Math.sin(a);
    const turn = (a * 180) / Math.PI + side * 90;
    // The leaves facing the light (upper left) are lit.
    const colour = side > 0 ? light(PALETTE.credit) : PALETTE.credit;
    leaves.push(
      `<ellipse cx="${n(x)}" cy="${n(y)}" rx="6.5" ry="3.4" transform="rotate(${n(turn)} ${n(x)} ${n(y)})" fill="${colour}" ${stroke}/>`,
    );
  }
  return leaves.join('');
}

const GRADE_ART: Record<Grade, () => string> = {
  Unsatisfactory: () => {
    const colour = mix(PALETTE.cost, PALETTE.paper, 0.15);
    return (
      lit('disc', 'M32 6A26 26 0 1 1 31.9 6Z', colour, GRADE_LIGHT) +
      glint(25, 22, 12) +
      // A down arrow, not a bare chevron: at 20 px a chevron reads as the Expected check.
      fill('M28 14H36V31H44L32 47L20 31H28Z', PALETTE.paper)
    );
  },
  Expected: () => {
    const colour = mix(PALETTE.brand, PALETTE.sky, 0.45);
    return (
      ribbons(PALETTE.brand) +
      lit('roundel', 'M32 6A21 21 0 1 1 31.9 6Z', colour, GRADE_LIGHT) +
      `<circle cx="32" cy="27" r="16" fill="none" stroke="${light(colour)}"/>` +
      glint(26, 20, 10) +
      fill('M20 27L28 35L43 20L47 24.5L28 43.5L16 31.5Z', PALETTE.paper)
    );
  },
  Desired: () => {
    const colour = mix(PALETTE.credit, '#ffffff', 0.2);
    return (
      lit('star', starPath(32, 35, 29, 13), colour, GRADE_LIGHT) +
      `<path d="${starPath(30.5, 33.5, 15, 6.7)}" fill="${light(colour)}" opacity=".8"/>`
    );
  },
  Exceptional: () => {
    const colour = PALETTE.gold;
    return (
      laurel(-1) +
      laurel(1) +
      lit('medal', 'M32 9A22 22 0 1 1 31.9 9Z', colour, GRADE_LIGHT) +
      `<circle cx="32" cy="31" r="16" fill="none" stroke="${shade(colour)}"/>` +
      glint(25, 23, 10) +
      fill(starPath(32, 31.5, 13, 5.6), light(light(colour)))
    );
  },
};

/** The medal of a grade: 64 units square. */
export function gradeSvg(grade: Grade): string {
  return `${pictureOpen(64, 64)}${GRADE_ART[grade]()}${close}`;
}

/** Every emblem, by file name. */
export function emblems(): Record<string, string> {
  return Object.fromEntries([
    ...CHANNELS.map((c) => [`channel-${c}.svg`, channelSvg(c)]),
    ...TIER_LEVELS.map((level) => [`tier-${level}.svg`, tierSvg(level)]),
    ...GRADES.map((g) => [`grade-${g}.svg`, gradeSvg(g)]),
  ]);
}

/** Writes every emblem into `dir`; returns the files written and their total size in bytes. */
export function drawEmblems(dir: string): Promise<{ files: string[]; bytes: number }> {
  return writePictures(dir, Object.entries(emblems()));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'assets/emblems');
  console.log(wroteLine('emblems', dir, await drawEmblems(dir)));
}
