/**
 * Draws the office's pictures as SVG into `assets/office/`: `npm run art:office [folder]`. The
 * colleagues at their desks (each in two poses, typing and talking), the customers who wait in the
 * queue as small standing figures, the speech bubble a waiting customer's channel shows in, the
 * trainee's monitor and desk, a plant, and the city outside the window (with its lit windows on a
 * layer of their own, shown as the evening comes). The window, the sky, the light on the wall and the
 * wall clock follow the game clock, so the office scene draws those itself.
 *
 * Drawn with the portraits' style (`artStyle.ts`): one ink, one line weight, the light from the top
 * left (each lit shape is its shade with a lit copy nudged up and left, clipped to it). Pure string
 * building: the same code always writes byte-identical files, so the committed files are checked by
 * drawing them again.
 */
import { resolve } from 'node:path';
import {
  band,
  fill,
  HAIR,
  INK,
  light,
  line,
  mix,
  n,
  PALETTE,
  pictureOpen,
  SKIN,
  shade,
  stroke,
} from './artStyle';
import { writePictures, wroteLine } from './writePictures';

/** One picture of the office: its file stem, size in units (about a pixel each when shown) and body. */
interface Picture {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly body: string;
}

/**
 * A shape lit from the top left: filled in shade, with a lit copy nudged up and left and clipped to
 * it, then outlined. `id` must be unique in the sheet the pictures are packed into.
 */
function lit(id: string, d: string, colour: string, nudge = 2): string {
  return (
    `<clipPath id="${id}"><path id="${id}-s" d="${d}"/></clipPath>` +
    `<use href="#${id}-s" fill="${shade(colour)}"/>` +
    `<g clip-path="url(#${id})"><use href="#${id}-s" fill="${colour}" transform="translate(${-nudge} ${-nudge})"/></g>` +
    `<use href="#${id}-s" fill="none" ${stroke}/>`
  );
}

/** A lit circle. */
function litCircle(id: string, cx: number, cy: number, r: number, colour: string): string {
  const d = `M${n(cx - r)} ${n(cy)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
  return lit(id, d, colour, Math.max(1, r * 0.3));
}

// ---------------------------------------------------------------------------------------------------
// Colleagues: a person behind a partition, at a monitor we see the back of, wearing a headset.

type ShortHair = 'crop' | 'long' | 'bun' | 'curly' | 'bald';

interface Colleague {
  readonly skin: keyof typeof SKIN;
  readonly hair: ShortHair;
  readonly hairColour: keyof typeof HAIR;
  readonly shirt: string;
  /** Which side of the person the monitor stands: the person looks towards it. */
  readonly monitor: 'left' | 'right';
}

/** The colleagues in the background, varied like the customers. */
export const COLLEAGUES: readonly Colleague[] = [
  { skin: 'brown', hair: 'curly', hairColour: 'black', shirt: '#5b7fa6', monitor: 'right' },
  { skin: 'fair', hair: 'bun', hairColour: 'auburn', shirt: '#7a5c99', monitor: 'left' },
  { skin: 'olive', hair: 'crop', hairColour: 'darkBrown', shirt: '#3f7f6a', monitor: 'right' },
  { skin: 'deep', hair: 'bald', hairColour: 'grey', shirt: '#b0693f', monitor: 'left' },
];

/** The hair behind a head centred at (cx, cy), radius r. */
function hairBehind(style: ShortHair, cx: number, cy: number, r: number, colour: string): string {
  if (style === 'long')
    return fill(
      `M${n(cx - r - 1)} ${n(cy)}C${n(cx - r - 2)} ${n(cy + r * 1.6)} ${n(cx - r)} ${n(cy + r * 1.9)} ${n(cx - r + 2)} ${n(cy + r * 2)}H${n(cx + r - 2)}C${n(cx + r)} ${n(cy + r * 1.9)} ${n(cx + r + 2)} ${n(cy + r * 1.6)} ${n(cx + r + 1)} ${n(cy)}Z`,
      colour,
    );
  if (style === 'bun')
    return `<circle cx="${n(cx)}" cy="${n(cy - r - 2.5)}" r="${n(r * 0.45)}" fill="${colour}" ${stroke}/>`;
  if (style === 'curly')
    return fill(
      `M${n(cx - r - 2)} ${n(cy + 1)}C${n(cx - r - 5)} ${n(cy - r)} ${n(cx - r / 2)} ${n(cy - r - 5)} ${n(cx)} ${n(cy - r - 3)}C${n(cx + r / 2)} ${n(cy - r - 5)} ${n(cx + r + 5)} ${n(cy - r)} ${n(cx + r + 2)} ${n(cy + 1)}Z`,
      colour,
    );
  return '';
}

/** The hair over the top of a head centred at (cx, cy), radius r. */
function hairOver(style: ShortHair, cx: number, cy: number, r: number, colour: string): string {
  if (style === 'bald') return '';
  const fringe =
    style === 'curly'
      ? `M${n(cx - r - 0.5)} ${n(cy - 1)}C${n(cx - r)} ${n(cy - r - 2)} ${n(cx + r)} ${n(cy - r - 2)} ${n(cx + r + 0.5)} ${n(cy - 1)}C${n(cx + r / 2)} ${n(cy - r / 2)} ${n(cx - r / 2)} ${n(cy - r / 2)} ${n(cx - r - 0.5)} ${n(cy - 1)}Z`
      : `M${n(cx - r - 0.5)} ${n(cy + 1)}C${n(cx - r - 1)} ${n(cy - r - 1.5)} ${n(cx + r + 1)} ${n(cy - r - 1.5)} ${n(cx + r + 0.5)} ${n(cy + 1)}C${n(cx + r * 0.6)} ${n(cy - r * 0.45)} ${n(cx - r * 0.2)} ${n(cy - r * 0.55)} ${n(cx - r - 0.5)} ${n(cy + 1)}Z`;
  return fill(fringe, colour);
}

/** A colleague at their desk, typing (eyes on the screen) or talking (facing out, mouth open). */
function colleague(index: number, pose: 'typing' | 'talking'): Picture {
  const c = COLLEAGUES[index] as Colleague;
  const id = `colleague-${index}-${pose}`;
  const skin = SKIN[c.skin];
  const hair = HAIR[c.hairColour];
  const faceRight = c.monitor === 'right';
  // The person sits left of the monitor when it stands on the right, and the other way round.
  const px = faceRight ? 34 : 62;
  const mx = faceRight ? 58 : 8;
  const look = pose === 'typing' ? (faceRight ? 2.2 : -2.2) : 0;
  const parts: string[] = [];
  // The monitor's back, on its stand.
  parts.push(
    lit(
      `${id}-mon`,
      `M${mx} 28h30a2 2 0 0 1 2 2v22a2 2 0 0 1-2 2h-30a2 2 0 0 1-2-2v-22a2 2 0 0 1 2-2Z`,
      '#4a5361',
    ),
  );
  parts.push(fill(`M${mx + 13} 54h6v6h-6Z`, '#3a414c'));
  // The person: shoulders, neck, head.
  parts.push(hairBehind(c.hair, px, 30, 10, hair));
  parts.push(
    lit(
      `${id}-body`,
      `M${px - 19} 80V62C${px - 19} 51 ${px - 11} 46 ${px} 46C${px + 11} 46 ${px + 19} 51 ${px + 19} 62V80Z`,
      c.shirt,
    ),
  );
  parts.push(fill(`M${px - 4} 38h8v9c-2 2-6 2-8 0Z`, shade(skin)));
  parts.push(litCircle(`${id}-head`, px, 30, 10, skin));
  parts.push(hairOver(c.hair, px, 30, 10, hair));
  // Eyes and mouth: towards the screen when typing, out at the room when talking.
  parts.push(`<circle cx="${n(px - 3.6 + look)}" cy="30.5" r="1.2" fill="${INK}"/>`);
  parts.push(`<circle cx="${n(px + 3.6 + look)}" cy="30.5" r="1.2" fill="${INK}"/>`);
  parts.push(
    pose === 'talking'
      ? `<ellipse cx="${px}" cy="35.6" rx="2.2" ry="1.6" fill="#6b2430" ${stroke}/>`
      : line(`M${n(px - 2 + look)} 35.2Q${n(px + look)} 36.4 ${n(px + 2 + look)} 35.2`),
  );
  // The headset: a band over the head, a cup on the near ear, a microphone to the mouth.
  const ear = faceRight ? px - 10 : px + 10;
  parts.push(band(`M${px - 10.5} 29A10.5 10.5 0 0 1 ${px + 10.5} 29`, '#3a414c', 1.2));
  parts.push(`<rect x="${ear - 2.2}" y="27" width="4.4" height="6.5" rx="2" fill="#3a414c" ${stroke}/>`);
  parts.push(line(`M${ear} 33Q${ear} 38 ${faceRight ? px - 3 : px + 3} 37.5`, '#3a414c'));
  // A hand on the keyboard while typing, raised while talking.
  const hand = faceRight ? px + 14 : px - 14;
  parts.push(
    pose === 'typing'
      ? litCircle(`${id}-hand`, hand, 57, 3.2, skin)
      : litCircle(`${id}-hand`, faceRight ? px - 15 : px + 15, 50, 3.2, skin),
  );
  // The partition in front: a fabric panel with a lit top rail.
  parts.push(lit(`${id}-wall`, 'M0 58h96v22h-96Z', '#b9c3cc', 1.5));
  parts.push(fill('M0 56.5h96v3h-96Z', mix(PALETTE.wood, '#ffffff', 0.15)));
  parts.push(line('M8 66h80M8 72h80', mix('#b9c3cc', INK, 0.15)));
  return { name: id, width: 96, height: 80, body: parts.join('') };
}

// ---------------------------------------------------------------------------------------------------
// Customers waiting: small standing figures.

interface Walker {
  readonly skin: keyof typeof SKIN;
  readonly hair: ShortHair;
  readonly hairColour: keyof typeof HAIR;
  readonly coat: string;
  readonly legs: string;
  readonly carry: 'bag' | 'phone' | 'folder' | 'none';
}

/** The figures a waiting customer is drawn as (which one is chosen from the contact's id). */
export const WALKERS: readonly Walker[] = [
  { skin: 'golden', hair: 'long', hairColour: 'darkBrown', coat: '#c0504d', legs: '#3b4a66', carry: 'bag' },
  { skin: 'deep', hair: 'crop', hairColour: 'black', coat: '#4f7d6b', legs: '#2f3440', carry: 'phone' },
  { skin: 'porcelain', hair: 'bun', hairColour: 'blonde', coat: '#6c7fb8', legs: '#4b4038', carry: 'folder' },
  { skin: 'olive', hair: 'curly', hairColour: 'black', coat: '#d69a3a', legs: '#394456', carry: 'none' },
  { skin: 'fair', hair: 'bald', hairColour: 'grey', coat: '#7b6a58', legs: '#2c3444', carry: 'bag' },
  { skin: 'brown', hair: 'long', hairColour: 'auburn', coat: '#8a5cc2', legs: '#33302e', carry: 'phone' },
];

function walker(index: number): Picture {
  const w = WALKERS[index] as Walker;
  const id = `customer-${index}`;
  const skin = SKIN[w.skin];
  const parts: string[] = [];
  parts.push(`<ellipse cx="16" cy="69.5" rx="10" ry="2" fill="${INK}" opacity=".16"/>`);
  // Legs and shoes.
  parts.push(lit(`${id}-legl`, 'M10.5 44h5v23h-5Z', w.legs, 1));
  parts.push(lit(`${id}-legr`, 'M16.5 44h5v23h-5Z', w.legs, 1));
  parts.push(fill('M9 66.5h7v3h-7.5Z', '#2b2a2e'));
  parts.push(fill('M16.5 66.5h7v3h-7Z', '#2b2a2e'));
  parts.push(hairBehind(w.hair, 16, 10.5, 6.5, HAIR[w.hairColour]));
  // The coat, then the arms at the sides.
  parts.push(lit(`${id}-coat`, 'M8 47V27C8 21 11.5 18.5 16 18.5C20.5 18.5 24 21 24 27V47Z', w.coat, 1.5));
  parts.push(line('M16 22V46', shade(w.coat)));
  const armLeft = w.carry === 'phone' ? 'M8.5 24C5 28 5.5 31 9 24.5' : 'M8.5 24C6 30 5.5 36 6.5 42';
  parts.push(band(armLeft, w.coat, 2.4));
  parts.push(band('M23.5 24C26 30 26.5 36 25.5 42', w.coat, 2.4));
  parts.push(`<circle cx="25.4" cy="43.2" r="1.9" fill="${skin}" ${stroke}/>`);
  if (w.carry !== 'phone') parts.push(`<circle cx="6.6" cy="43.2" r="1.9" fill="${skin}" ${stroke}/>`);
  // What they carry.
  if (w.carry === 'bag')
    parts.push(lit(`${id}-bag`, 'M22 42h8v9h-8Z', '#6d4c3d', 1), line('M23.5 42Q26 37 28.5 42'));
  if (w.carry === 'folder') parts.push(lit(`${id}-folder`, 'M2 33h7v11h-7Z', '#e8d9a8', 1));
  if (w.carry === 'phone') parts.push(`<rect x="9.6" y="9" width="2.6" height="5" rx=".8" fill="#2b2a2e"/>`);
  // Neck and head.
  parts.push(fill('M14 16h4v3.5h-4Z', shade(skin), false));
  parts.push(litCircle(`${id}-head`, 16, 10.5, 6.5, skin));
  parts.push(hairOver(w.hair, 16, 10.5, 6.5, HAIR[w.hairColour]));
  parts.push(
    `<circle cx="14" cy="11" r=".8" fill="${INK}"/><circle cx="18.4" cy="11" r=".8" fill="${INK}"/>`,
  );
  if (w.carry === 'phone') parts.push(`<circle cx="10.7" cy="11.6" r="1.7" fill="${skin}" ${stroke}/>`);
  return { name: id, width: 32, height: 72, body: parts.join('') };
}

// ---------------------------------------------------------------------------------------------------
// The trainee's things, the plant and the city.

/** The bubble a waiting customer's channel shows in (the channel's emblem is drawn inside it). */
function bubble(): Picture {
  return {
    name: 'bubble',
    width: 28,
    height: 26,
    body: fill(
      'M5 2h18a3.5 3.5 0 0 1 3.5 3.5v11a3.5 3.5 0 0 1-3.5 3.5h-6l-3 4.5-3-4.5h-6A3.5 3.5 0 0 1 1.5 16.5v-11A3.5 3.5 0 0 1 5 2Z',
      '#ffffff',
    ),
  };
}

/** The trainee's monitor: a dark frame round a screen the customer's face is shown on. */
function monitor(): Picture {
  const parts = [
    fill('M30 62h20l3 6h-26Z', '#3a414c'),
    fill('M36 52h8v11h-8Z', '#4a5361'),
    lit(
      'monitor-frame',
      'M5 3h70a3 3 0 0 1 3 3v44a3 3 0 0 1-3 3h-70a3 3 0 0 1-3-3v-44a3 3 0 0 1 3-3Z',
      '#3d4552',
      1.5,
    ),
    `<rect x="7" y="7.5" width="66" height="41" rx="1.5" fill="${mix(PALETTE.sky, '#ffffff', 0.55)}"/>`,
    `<path d="M7 7.5h30l-18 41h-12Z" fill="#ffffff" opacity=".35"/>`,
  ];
  return { name: 'monitor', width: 80, height: 70, body: parts.join('') };
}

/** The front of the trainee's desk: its top, a keyboard, a mug, a notepad and a headset. */
function traineeDesk(): Picture {
  const wood = PALETTE.wood;
  const parts = [
    lit('desk-top', 'M0 8h240v32h-240Z', wood, 2),
    fill('M0 6h240v5h-240Z', light(wood)),
    // Keyboard.
    lit('desk-keys', 'M84 13h72l4 12h-80Z', '#d9dde2', 1.2),
    line('M88 17h64M87 21h66', '#9aa3ad'),
    // Notepad and pen.
    lit('desk-pad', 'M26 14h30l-2 16h-30Z', '#fbf4dc', 1.2),
    line('M29 19h22M28.5 23h20M28 27h16', '#c5b98f'),
    line('M58 13L50 29', '#1f3a5f'),
    // Mug, with its steam.
    lit('desk-mug', 'M180 8h14v16a3 3 0 0 1-3 3h-8a3 3 0 0 1-3-3Z', '#c0504d', 1.2),
    `<path d="M194 12a4 4 0 0 1 0 8" fill="none" ${stroke}/>`,
    line('M184 4q-2-3 0-6M189 4q2-3 0-6', '#a8b0ba'),
    // The headset, set down.
    band('M206 26a12 10 0 0 1 24 0', '#3a414c', 1.2),
    `<rect x="203" y="22" width="6" height="8" rx="2.5" fill="#3a414c" ${stroke}/>`,
    `<rect x="227" y="22" width="6" height="8" rx="2.5" fill="#3a414c" ${stroke}/>`,
  ];
  return { name: 'trainee-desk', width: 240, height: 40, body: parts.join('') };
}

/** A potted plant for the corner. */
function plant(): Picture {
  const leaf = '#3f8f5a';
  const parts = [
    fill('M20 58C8 50 4 36 8 26C14 34 18 44 20 58Z', shade(leaf)),
    fill('M20 58C32 50 37 38 33 27C27 35 22 45 20 58Z', leaf),
    fill('M20 58C14 42 14 22 20 8C26 22 26 42 20 58Z', light(leaf)),
    line('M20 58V14', shade(leaf)),
    lit('plant-pot', 'M9 56h22l-3 16h-16Z', '#c77b4a', 1.5),
    fill('M8 54h24v4h-24Z', light('#c77b4a')),
  ];
  return { name: 'plant', width: 40, height: 74, body: parts.join('') };
}

/** Where each tower of the city stands: x, width, height (of a 100-unit-high picture). */
const TOWERS = [
  [0, 18, 46],
  [16, 22, 70],
  [36, 16, 54],
  [50, 26, 88],
  [74, 18, 62],
  [90, 24, 76],
  [112, 16, 50],
  [126, 22, 82],
  [146, 20, 58],
  [164, 26, 72],
  [188, 12, 44],
] as const;

/**
 * The city through the window, drawn in pale greys so the scene can tint it with the hour's light;
 * its windows are a separate picture, lit as the evening comes.
 */
function skyline(): Picture {
  const parts: string[] = [];
  TOWERS.forEach(([x, w, h], i) => {
    const tone = ['#e6e9ee', '#d4d9e0', '#c6ccd5'][i % 3] as string;
    const y = 100 - h;
    parts.push(`<path d="M${x} ${y}h${w}v${h}h-${w}Z" fill="${tone}"/>`);
    // The lit face on the left, the shade on the right.
    parts.push(
      `<path d="M${n(x + w * 0.65)} ${y}h${n(w * 0.35)}v${h}h-${n(w * 0.35)}Z" fill="${mix(tone, '#8892a0', 0.25)}"/>`,
    );
    parts.push(`<path d="M${x} ${y}h${w}v${h}h-${w}Z" fill="none" stroke="${mix(tone, INK, 0.35)}"/>`);
  });
  return { name: 'skyline', width: 200, height: 100, body: parts.join('') };
}

/** The city's lit windows, a grid on each tower. */
function skylineLights(): Picture {
  const parts: string[] = [];
  TOWERS.forEach(([x, w, h], i) => {
    for (let row = 100 - h + 5; row < 96; row += 7) {
      for (let col = x + 3; col + 3 <= x + w - 2; col += 5) {
        // About two windows in three are lit, the same ones every time.
        if ((row * 7 + col * 3 + i) % 3 === 0) continue;
        parts.push(`<rect x="${col}" y="${row}" width="2.6" height="3.4" fill="#ffd98a"/>`);
      }
    }
  });
  return { name: 'skyline-lights', width: 200, height: 100, body: parts.join('') };
}

/** Every picture of the office, in the order they are written. */
export function officePictures(): Picture[] {
  return [
    ...COLLEAGUES.flatMap((_, i) => [colleague(i, 'typing'), colleague(i, 'talking')]),
    ...WALKERS.map((_, i) => walker(i)),
    bubble(),
    monitor(),
    traineeDesk(),
    plant(),
    skyline(),
    skylineLights(),
  ];
}

/** One picture as a file's text. */
export function officeSvg(picture: Picture): string {
  return `${pictureOpen(picture.width, picture.height)}${picture.body}</svg>\n`;
}

/** Writes every office picture into `dir`; returns the files written and their total size in bytes. */
export function drawOffice(dir: string): Promise<{ files: string[]; bytes: number }> {
  return writePictures(
    dir,
    officePictures().map((picture) => [`${picture.name}.svg`, officeSvg(picture)] as const),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'assets/office');
  console.log(wroteLine('office pictures', dir, await drawOffice(dir)));
}
