/**
 * Draws every persona portrait as SVG, composed from parts (face shape, skin tone, hair, dress, age
 * cues such as grey hair, lines or glasses), in six expressions, into `assets/portraits/`:
 * `npm run art:portraits [folder]`. One palette, one line weight (1.5 units on a 64-unit face) and
 * one light, from the top left, for the whole cast. Pure string building: the same cast always gives
 * byte-identical files, so the committed files are checked by running it again.
 */
import { resolve } from 'node:path';
import { DEFAULT_PORTRAIT, PORTRAIT_KEYS } from '../core/scenario/portraitKeys';
import { EXPRESSIONS, type Expression } from '../game/portraits';
import { fill, HAIR, INK, LINE, light, line, mix, n, SKIN, shade, stroke } from './artStyle';
import { writePictures, wroteLine } from './writePictures';

/** The outline colour and the one stroke width every picture uses. */

type HairStyle =
  | 'short'
  | 'sidePart'
  | 'swept'
  | 'buzz'
  | 'balding'
  | 'bob'
  | 'long'
  | 'bun'
  | 'ponytail'
  | 'afro'
  | 'curlyShort';
type Dress =
  | 'tee'
  | 'shirt'
  | 'blazer'
  | 'labcoat'
  | 'apron'
  | 'hivis'
  | 'scrubs'
  | 'hoodie'
  | 'turtleneck'
  | 'flannel'
  | 'fleece'
  | 'cardigan';

interface Look {
  readonly face: 'oval' | 'round' | 'long' | 'square';
  readonly skin: keyof typeof SKIN;
  readonly hair: HairStyle;
  readonly hairColour: keyof typeof HAIR;
  readonly dress: Dress;
  readonly dressColour: string;
  readonly background: string;
  readonly glasses?: 'round' | 'square';
  readonly beard?: 'full' | 'stubble' | 'moustache';
  readonly lines?: boolean;
  readonly extra?: 'headphones' | 'lanyard' | 'earrings' | 'stud';
}

/** The cast: one look per portrait key, varied in age, skin, hair and dress. */
export const CAST: Readonly<Record<string, Look>> = {
  'accessibility-consultant': {
    face: 'oval',
    skin: 'porcelain',
    hair: 'long',
    hairColour: 'blonde',
    dress: 'blazer',
    dressColour: '#c0492f',
    background: '#f3dcc9',
    glasses: 'square',
    extra: 'lanyard',
  },

  baker: {
    face: 'round',
    skin: 'fair',
    hair: 'bun',
    hairColour: 'brown',
    dress: 'apron',
    dressColour: '#c9783b',
    background: '#f5e3c4',
  },

  'chemistry-teacher': {
    face: 'long',
    skin: 'fair',
    hair: 'bob',
    hairColour: 'brown',
    dress: 'labcoat',
    dressColour: '#8a5a44',
    background: '#dfe7d8',
    glasses: 'round',
  },

  climber: {
    face: 'oval',
    skin: 'olive',
    hair: 'ponytail',
    hairColour: 'auburn',
    dress: 'fleece',
    dressColour: '#d1495b',
    background: '#d8e6ee',
  },
  developer: {
    face: 'square',
    skin: 'fair',
    hair: 'swept',
    hairColour: 'blonde',
    dress: 'hoodie',
    dressColour: '#1f8a9e',
    background: '#e1ddef',
    beard: 'stubble',
  },
  electrician: {
    face: 'square',
    skin: 'brown',
    hair: 'buzz',
    hairColour: 'black',
    dress: 'hivis',
    dressColour: '#3d4f66',
    background: '#efe6c8',
    beard: 'full',
  },
  'finance-director': {
    face: 'long',
    skin: 'fair',
    hair: 'sidePart',
    hairColour: 'darkBrown',
    dress: 'blazer',
    dressColour: '#6b4e9b',
    background: '#e4e0d6',
    lines: true,
    extra: 'earrings',
  },
  hairdresser: {
    face: 'oval',
    skin: 'deep',
    hair: 'afro',
    hairColour: 'black',
    dress: 'tee',
    dressColour: '#2f2a33',
    background: '#f2d9e4',
    extra: 'earrings',
  },

  'hardware-owner': {
    face: 'round',
    skin: 'porcelain',
    hair: 'short',
    hairColour: 'grey',
    dress: 'flannel',
    dressColour: '#a3452f',
    background: '#e6e0cf',
    beard: 'moustache',
    lines: true,
  },

  'nursing-student': {
    face: 'round',
    skin: 'brown',
    hair: 'bun',
    hairColour: 'black',
    dress: 'scrubs',
    dressColour: '#8a5cc2',
    background: '#dcebe6',
  },
  pharmacist: {
    face: 'oval',
    skin: 'olive',
    hair: 'sidePart',
    hairColour: 'black',
    dress: 'labcoat',
    dressColour: '#3d5a80',
    background: '#d9e5ef',
    glasses: 'square',
    beard: 'stubble',
  },

  physiotherapist: {
    face: 'oval',
    skin: 'golden',
    hair: 'bob',
    hairColour: 'darkBrown',
    dress: 'shirt',
    dressColour: '#4f7d6b',
    background: '#e3eedf',
    lines: true,
  },

  potter: {
    face: 'long',
    skin: 'porcelain',
    hair: 'long',
    hairColour: 'auburn',
    dress: 'apron',
    dressColour: '#2f7f6f',
    background: '#efdccd',
    extra: 'earrings',
  },

  'retired-engineer': {
    face: 'square',
    skin: 'golden',
    hair: 'balding',
    hairColour: 'white',
    dress: 'cardigan',
    dressColour: '#7a4b3a',
    background: '#e3e6ea',
    glasses: 'round',
    beard: 'full',
    lines: true,
  },

  'retired-surveyor': {
    face: 'round',
    skin: 'porcelain',
    hair: 'curlyShort',
    hairColour: 'white',
    dress: 'cardigan',
    dressColour: '#5b7a8c',
    background: '#f0e4d8',
    glasses: 'square',
    lines: true,
  },
  'sound-engineer': {
    face: 'oval',
    skin: 'fair',
    hair: 'curlyShort',
    hairColour: 'auburn',
    dress: 'tee',
    dressColour: '#2f8f8b',
    background: '#e9e2f1',
    beard: 'stubble',
    extra: 'headphones',
  },

  violist: {
    face: 'long',
    skin: 'deep',
    hair: 'curlyShort',
    hairColour: 'grey',
    dress: 'turtleneck',
    dressColour: '#2c3444',
    background: '#dde3f0',
    glasses: 'round',
    beard: 'stubble',
    lines: true,
  },

  [DEFAULT_PORTRAIT]: {
    face: 'oval',
    skin: 'golden',
    hair: 'short',
    hairColour: 'darkBrown',
    dress: 'shirt',
    dressColour: '#4a6fa5',
    background: '#e2e6ec',
  },
};

/** Every portrait key drawn: the shipped keys and the default. */
export const DRAWN_KEYS: readonly string[] = [...PORTRAIT_KEYS, DEFAULT_PORTRAIT];

/** The head outline: from the crown (y 13) to the chin, by face shape. */
function facePath(face: Look['face']): string {
  const [rx, bottom, jaw] =
    face === 'round'
      ? [12, 42.5, 6.5]
      : face === 'long'
        ? [10.5, 45, 4.5]
        : face === 'square'
          ? [11.5, 44, 7.5]
          : [11, 44, 5.5];
  const l = 32 - rx;
  const r = 32 + rx;
  return `M32 13C${n(r - 1)} 13 ${n(r)} 19 ${n(r)} 27C${n(r)} 35 ${n(32 + jaw + 2)} ${n(bottom - 1)} 32 ${n(bottom)}C${n(32 - jaw - 2)} ${n(bottom - 1)} ${n(l)} 35 ${n(l)} 27C${n(l)} 19 ${n(l + 1)} 13 32 13Z`;
}

const BODY = 'M7 64C8 53 17 48 32 48C47 48 56 53 57 64Z';

/** Hair drawn behind the head and shoulders. */
function hairBack(look: Look, colour: string): string {
  switch (look.hair) {
    case 'long':
      return fill(
        'M19 26C17 12 26 8 33 8C42 8 47 14 45 27C46 38 47 48 49 55L15 55C17 47 18 38 19 26Z',
        colour,
      );
    case 'bob':
      return fill(
        'M19 27C17 13 25 9 32 9C40 9 47 13 45 27C46 34 46 39 44 42L20 42C18 39 18 34 19 27Z',
        colour,
      );
    case 'afro':
      return fill(
        'M15 30C11 24 13 15 19 12C21 6 28 4 33 6C38 4 45 7 47 12C53 15 54 24 50 30C52 36 48 41 43 39L21 39C16 41 12 36 15 30Z',
        colour,
      );
    case 'ponytail':
      return fill('M42 17C49 18 51 27 48 36C47 40 44 42 42 41C45 34 45 25 42 17Z', colour);
    case 'bun':
      return `<circle cx="32" cy="9.5" r="5.5" fill="${colour}" ${stroke}/>`;
    default:
      return '';
  }
}

/** Hair drawn over the head. */
function hairFront(look: Look, colour: string): string {
  const hi = light(colour);
  const sheen = (d: string) => line(d, hi);
  switch (look.hair) {
    case 'short':
      return (
        fill(
          'M20.5 28C19 16 25 11 32.5 11C40 11 45 16 43.5 28C42.5 23 40 19.5 36 19C31 21 25 20.5 22 22.5C21 24.5 20.8 26 20.5 28Z',
          colour,
        ) + sheen('M25 15.5C27 14 29.5 13.5 31.5 13.5')
      );
    case 'sidePart':
      return (
        fill(
          'M20.5 29C19 16 25 10.5 32 10.5C40 10.5 45.5 16 43.5 29C43 24 41.5 20.5 39 18.5C35 21.5 28 21 26 18.5C24 21 22 24 20.5 29Z',
          colour,
        ) + sheen('M24 16C26 13.5 29 12.5 32 12.5')
      );
    case 'swept':
      return (
        fill(
          'M20.5 27C18 15 25 9 33 9.5C40 9 46 13 44.5 19C45 23 44 25 43.5 27C42 22 40 20 36 19.5C30 21 26 19 24 17C22.5 20 21 23 20.5 27Z',
          colour,
        ) + sheen('M26 13C29 11 33 11 36 12')
      );
    case 'buzz':
      return fill(
        'M21 26C20 16 25 12.5 32 12.5C39 12.5 44 16 43 26C42 21 38 18.5 32 18.5C26 18.5 22 21 21 26Z',
        colour,
      );
    case 'balding':
      return (
        fill('M20.5 31C19.5 26 20 22 22 20C22.5 24 23 27 24 29C22.5 29.5 21.5 30 20.5 31Z', colour) +
        fill('M43.5 31C44.5 26 44 22 42 20C41.5 24 41 27 40 29C41.5 29.5 42.5 30 43.5 31Z', colour)
      );
    case 'bob':
      return (
        fill(
          'M20 30C19 17 25 11 32 11C39 11 45 17 44 30C43 24 41 20 37 18.5C33 21 26 22 22 21C21 24 20.5 27 20 30Z',
          colour,
        ) + sheen('M25 15C27.5 13 30 12.5 33 12.5')
      );
    case 'long':
      return (
        fill(
          'M20 31C19 17 25 10.5 32 10.5C39 10.5 45 17 44 31C43 25 40 20 34 18C31 21 26 23 22 23.5C21 26 20.5 28 20 31Z',
          colour,
        ) + sheen('M36 13.5C38.5 14.5 40.5 16 41.5 18')
      );
    case 'bun':
      return (
        fill(
          'M20.8 27C20 17 25 12 32 12C39 12 44 17 43.2 27C42 21 38 18 32 18C26 18 22 21 20.8 27Z',
          colour,
        ) + sheen('M29 7.5C30.5 6.3 32.5 6 34 6.5')
      );
    case 'ponytail':
      return (
        fill(
          'M20.5 28C19.5 16 25 11.5 32 11.5C39 11.5 44.5 16 43.5 28C42 22 39 19 32 19C27 19 23 21 20.5 28Z',
          colour,
        ) + sheen('M25 15.5C27 13.8 29.5 13.2 32 13.2')
      );
    case 'afro':
      return fill(
        'M19 27C18 19 20 14 25 12.5C28 11 31 11 33 11.5C37 11 41 12 43 15C45 18 46 22 45 27C43 22 40 19.5 36 19C33 20.5 28 20.5 25 19.5C22 21 20 23.5 19 27Z',
        colour,
      );
    case 'curlyShort':
      return fill(
        'M20.5 27C18 24 19 19 21.5 17.5C21.5 14 24.5 11.5 28 12C30 10 34 10 36 12C39.5 11.5 42.5 14 42.5 17.5C45 19 46 24 43.5 27C42.5 23 40.5 21 38 20.5C35 22 29 22 26 20.5C23.5 21 21.5 23 20.5 27Z',
        colour,
      );
  }
}

/** The clothes, collar and what they carry, over the shoulders. */
function dress(look: Look, skin: string): string {
  const c = look.dressColour;
  const body = (colour: string) => fill(BODY, colour);
  const neck = `<path d="M27.5 38H36.5V49C34 51 30 51 27.5 49Z" fill="${skin}" ${stroke}/>`;
  const vNeck = (colour: string, depth = 55) => fill(`M26.5 48.5L32 ${depth}L37.5 48.5`, colour);
  let out = '';
  switch (look.dress) {
    case 'tee':
      out = body(c) + neck + line('M27 48.6C29 51.5 35 51.5 37 48.6');
      break;
    case 'shirt':
      out =
        body(c) +
        neck +
        fill('M26 48L32 53L29 56L24.5 50Z', light(c)) +
        fill('M38 48L32 53L35 56L39.5 50Z', light(c));
      break;
    case 'blazer':
      out =
        body(c) +
        fill('M25.5 48.5L32 60L38.5 48.5C36 50 28 50 25.5 48.5Z', '#f4efe6') +
        neck +
        fill('M25 48.5L30 58L27 64L20 52Z', shade(c)) +
        fill('M39 48.5L34 58L37 64L44 52Z', shade(c));
      break;
    case 'labcoat':
      out =
        body('#f7f5f0') +
        fill('M26 48.5L32 58L38 48.5C36 50 28 50 26 48.5Z', c) +
        neck +
        fill('M25.5 48.5L30.5 58L28 64L21 52Z', '#e3e0da') +
        fill('M38.5 48.5L33.5 58L36 64L43 52Z', '#e3e0da') +
        fill('M44 57H49V60H44Z', '#e3e0da');
      break;
    case 'apron':
      out =
        body(light(c)) +
        neck +
        line('M27 48.6C29 51.5 35 51.5 37 48.6') +
        fill('M24 56H40V64H24Z', '#f4efe6') +
        line('M24.5 56L21 49.5') +
        line('M39.5 56L43 49.5');
      break;
    case 'hivis':
      out =
        body(c) +
        neck +
        line('M27 48.6C29 51.5 35 51.5 37 48.6') +
        fill('M13 54C16 51 20 49.5 24.5 49L29 64H14Z', '#e9c22a') +
        fill('M51 54C48 51 44 49.5 39.5 49L35 64H50Z', '#e9c22a') +
        line('M14.5 59.5L27.5 58.5', '#f4efe6') +
        line('M49.5 59.5L36.5 58.5', '#f4efe6');
      break;
    case 'scrubs':
      out = body(c) + neck + vNeck(shade(c), 56);
      break;
    case 'hoodie':
      out =
        body(c) +
        neck +
        fill(
          'M23 50C24 46 27 46.5 28 48.5C30 51 34 51 36 48.5C37 46.5 40 46 41 50C38 55 26 55 23 50Z',
          shade(c),
        ) +
        line('M29.5 53V59', '#f4efe6') +
        line('M34.5 53V59', '#f4efe6');
      break;
    case 'turtleneck':
      out = body(c) + neck + fill('M27 45.5H37V50.5C34 52 30 52 27 50.5Z', light(c));
      break;
    case 'flannel':
      out =
        body(c) +
        line('M17 64V54', shade(c)) +
        line('M47 64V54', shade(c)) +
        line('M10 59H54', shade(c)) +
        neck +
        fill('M26 48L32 53L29 56L24.5 50Z', shade(c)) +
        fill('M38 48L32 53L35 56L39.5 50Z', shade(c));
      break;
    case 'fleece':
      out =
        body(c) +
        neck +
        fill('M26 46.5L32 50.5L38 46.5L39 51L32 55L25 51Z', shade(c)) +
        line('M32 55V64', light(c));
      break;
    case 'cardigan':
      out =
        body(c) +
        neck +
        fill('M27 48.5L32 52L37 48.5L35 64H29Z', '#efe8dc') +
        line('M32 54.5V64') +
        `<circle cx="29.7" cy="58" r=".9" fill="${INK}"/><circle cx="29.5" cy="62" r=".9" fill="${INK}"/>`;
      break;
  }
  if (look.extra === 'lanyard')
    out += line('M27 49L31 60M37 49L33 60', '#3d6fa8') + fill('M29.5 59.5H34.5V64H29.5Z', '#f4efe6');
  if (look.extra === 'headphones')
    out += `${line('M22.5 47C22 42 27 40.5 32 40.5C37 40.5 42 42 41.5 47')}${fill('M20.5 46.5C20.5 44.5 23.5 44 25 45.5L25.5 50.5C24 52 21 51.5 20.5 49.5Z', '#3a3f4b')}${fill('M43.5 46.5C43.5 44.5 40.5 44 39 45.5L38.5 50.5C40 52 43 51.5 43.5 49.5Z', '#3a3f4b')}`;
  return out;
}

interface Features {
  /** Brow ends relative to the resting line: inner and outer offsets (negative is up). */
  readonly brow: readonly [inner: number, outer: number];
  readonly eyes: 'open' | 'wide' | 'lidded' | 'narrow' | 'closed' | 'happy';
  readonly mouth: string;
  readonly mouthFill?: string;
  readonly teeth?: string;
  readonly blush?: boolean;
  readonly flush?: boolean;
  readonly sweat?: boolean;
}

const MOUTH_DARK = '#6b2430';

/** The six expressions: brows, eyes and mouth that read apart at 64 px. */
const FEATURES: Readonly<Record<Expression, Features>> = {
  calm: { brow: [0, 0], eyes: 'open', mouth: 'M28.5 38.2Q32 40 35.5 38.2' },
  worried: {
    brow: [-2.6, 1.2],
    eyes: 'wide',
    mouth: 'M28.5 39.8Q30.3 38.2 32 39.3T35.5 38.9',
    sweat: true,
  },
  annoyed: { brow: [1.6, -0.4], eyes: 'lidded', mouth: 'M28.5 39.2L35.5 38.1' },
  angry: {
    brow: [3.2, -1.6],
    eyes: 'narrow',
    mouth: 'M28 40.5C28 37.6 36 37.6 36 40.5Z',
    mouthFill: MOUTH_DARK,
    teeth: 'M29.2 38.9H34.8',
    flush: true,
  },
  relieved: { brow: [-1.4, 0.4], eyes: 'closed', mouth: 'M28 37.8Q32 41 36 37.8', blush: true },
  delighted: {
    brow: [-2.2, -1.6],
    eyes: 'happy',
    mouth: 'M27.5 37.2C27.5 43.5 36.5 43.5 36.5 37.2Z',
    mouthFill: MOUTH_DARK,
    teeth: 'M28.6 38.3H35.4',
    blush: true,
  },
};

function eyes(kind: Features['eyes'], skin: string): string {
  const at = [27, 37];
  return at
    .map((x) => {
      const y = 28.5;
      switch (kind) {
        case 'open':
          return `<ellipse cx="${x}" cy="${y}" rx="1.7" ry="2.1" fill="${INK}"/><circle cx="${n(x - 0.6)}" cy="${n(y - 0.8)}" r=".6" fill="#fff"/>`;
        case 'wide':
          return `<ellipse cx="${x}" cy="${y}" rx="2.6" ry="2.9" fill="#fff" ${stroke}/><circle cx="${x}" cy="${n(y + 0.3)}" r="1.3" fill="${INK}"/>`;
        case 'lidded':
          return `<ellipse cx="${x}" cy="${y}" rx="1.8" ry="2.1" fill="${INK}"/><path d="M${n(x - 2.6)} ${n(y - 2.4)}H${n(x + 2.6)}V${n(y - 0.2)}H${n(x - 2.6)}Z" fill="${skin}"/>${line(`M${n(x - 2.4)} ${n(y - 0.2)}H${n(x + 2.4)}`)}`;
        case 'narrow': {
          const tilt = x < 32 ? 0.9 : -0.9;
          return `<ellipse cx="${x}" cy="${n(y + 0.4)}" rx="1.7" ry="1.2" fill="${INK}"/>${line(`M${n(x - 2.5)} ${n(y - 0.9 - tilt)}L${n(x + 2.5)} ${n(y - 0.9 + tilt)}`)}`;
        }
        case 'closed':
          return line(`M${n(x - 2.2)} ${n(y - 0.2)}Q${x} ${n(y + 1.8)} ${n(x + 2.2)} ${n(y - 0.2)}`);
        default:
          return line(`M${n(x - 2.3)} ${n(y + 0.8)}Q${x} ${n(y - 2.4)} ${n(x + 2.3)} ${n(y + 0.8)}`);
      }
    })
    .join('');
}

function brows(brow: Features['brow'], colour: string): string {
  const [inner, outer] = brow;
  const y = 23.6;
  const one = (outerX: number, innerX: number) => {
    const oy = y + outer;
    const iy = y + inner;
    const mx = (outerX + innerX) / 2;
    const my = (oy + iy) / 2 - 0.8;
    return `<path d="M${n(outerX)} ${n(oy)}Q${n(mx)} ${n(my - 0.6)} ${n(innerX)} ${n(iy)}Q${n(mx)} ${n(my + 1.6)} ${n(outerX)} ${n(oy + 0.4)}Z" fill="${colour}" stroke="${colour}"/>`;
  };
  return one(24, 29.6) + one(40, 34.4);
}

/** One portrait: the persona `key`'s look with `expression`. */
export function portraitSvg(key: string, expression: Expression): string {
  const look = CAST[key] ?? (CAST[DEFAULT_PORTRAIT] as Look);
  const f = FEATURES[expression];
  const id = `${key}-${expression}`;
  const skin = SKIN[look.skin];
  const hair = HAIR[look.hairColour];
  const browColour =
    look.hairColour === 'white' || look.hairColour === 'grey' ? mix(hair, INK, 0.45) : mix(hair, INK, 0.2);
  const face = facePath(look.face);
  const parts: string[] = [];
  parts.push(`<circle cx="32" cy="32" r="31" fill="${look.background}"/>`);
  // Light from the top left: a soft disc of light on the background, shade on the lower right.
  parts.push(`<circle cx="26" cy="24" r="20" fill="#fff" opacity=".35"/>`);
  parts.push(hairBack(look, hair));
  parts.push(dress(look, skin));
  // Shade of the head on the neck.
  parts.push(`<path d="M28 40.5C30 44 34 44 36 40.5V44C34 46 30 46 28 44Z" fill="${shade(skin)}"/>`);
  // Ears, then the head: drawn in shade, with the lit part clipped to it and nudged to the top left.
  for (const x of [20.3, 43.7])
    parts.push(`<ellipse cx="${x}" cy="29.5" rx="2.4" ry="3.4" fill="${skin}" ${stroke}/>`);
  // The head's outline is written once and used for the clip, the shade, the light and the line.
  const head = `#${id}-head`;
  parts.push(`<clipPath id="${id}"><path id="${id}-head" d="${face}"/></clipPath>`);
  parts.push(`<use href="${head}" fill="${shade(skin)}"/>`);
  // The clip sits on a group, so it stays where the head is while the lit copy moves.
  parts.push(
    `<g clip-path="url(#${id})"><use href="${head}" fill="${skin}" transform="translate(-2.6 -2.2)"/></g>`,
  );
  if (f.flush) parts.push(`<use href="${head}" fill="#d2382c" opacity=".22"/>`);
  parts.push(`<use href="${head}" fill="none" ${stroke}/>`);
  if (look.beard === 'full')
    parts.push(
      fill(
        `M21.5 31C22 38 26 45 32 45C38 45 42 38 42.5 31C41 35 39 36.5 36.5 36C34 35 30 35 27.5 36C25 36.5 23 35 21.5 31Z`,
        hair,
      ),
    );
  if (look.beard === 'stubble')
    parts.push(
      `<path d="M22.5 33C23.5 40 27 44 32 44C37 44 40.5 40 41.5 33C39 37 36 37.5 32 37.5C28 37.5 25 37 22.5 33Z" fill="${INK}" opacity=".16"/>`,
    );
  if (f.blush)
    parts.push(
      `<ellipse cx="24.5" cy="34" rx="2.6" ry="1.5" fill="#e8766b" opacity=".45"/><ellipse cx="39.5" cy="34" rx="2.6" ry="1.5" fill="#e8766b" opacity=".45"/>`,
    );
  if (look.lines) {
    parts.push(line('M26.2 35.2Q25.4 37.4 26.6 39.2', shade(skin)));
    parts.push(line('M37.8 35.2Q38.6 37.4 37.4 39.2', shade(skin)));
  }
  parts.push(eyes(f.eyes, skin));
  parts.push(brows(f.brow, browColour));
  // The nose, its shadow falling to the lower right.
  parts.push(line('M32.6 29.5Q34 33 32.2 34', shade(skin)));
  if (look.beard === 'moustache' || look.beard === 'full')
    parts.push(
      fill(
        'M27.5 37C29 34.5 31 35 32 35.8C33 35 35 34.5 36.5 37C34.5 36.5 33 37 32 37.3C31 37 29.5 36.5 27.5 37Z',
        hair,
      ),
    );
  if (f.mouthFill) {
    parts.push(`<path d="${f.mouth}" fill="${f.mouthFill}" ${stroke}/>`);
    if (f.teeth) parts.push(`<path d="${f.teeth}" stroke="#fff"/>`);
  } else parts.push(line(f.mouth));
  if (look.glasses === 'round')
    parts.push(
      `<g fill="#fff" fill-opacity=".18" ${stroke}><circle cx="27" cy="28.5" r="3.9"/><circle cx="37" cy="28.5" r="3.9"/></g>${line('M30.9 28.3Q32 27.4 33.1 28.3')}`,
    );
  if (look.glasses === 'square')
    parts.push(
      `<g fill="#fff" fill-opacity=".18" ${stroke}><rect x="22.6" y="25.6" width="8.4" height="6" rx="1.6"/><rect x="33" y="25.6" width="8.4" height="6" rx="1.6"/></g>${line('M31 28H33')}`,
    );
  parts.push(hairFront(look, hair));
  if (look.extra === 'earrings')
    parts.push(
      `<circle cx="20.3" cy="34.5" r="1.3" fill="#e0b341" ${stroke}/><circle cx="43.7" cy="34.5" r="1.3" fill="#e0b341" ${stroke}/>`,
    );
  if (look.extra === 'stud') parts.push(`<circle cx="43.9" cy="32.3" r=".9" fill="#e0b341"/>`);
  if (f.sweat)
    parts.push(
      fill(
        'M41.5 17.5C40 20.5 39.5 21.6 39.5 22.4A2 2 0 0 0 43.5 22.4C43.5 21.6 43 20.5 41.5 17.5Z',
        '#a9d6ef',
      ),
    );
  // The figure is drawn on a 64-unit grid and shown a fifth larger, cut to the round frame, so the
  // face fills the picture and reads at 64 px.
  const [background, glow, ...figure] = parts;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" stroke-width="${LINE}" stroke-linejoin="round" stroke-linecap="round"><clipPath id="${id}-frame"><circle cx="32" cy="32" r="31"/></clipPath>${background}${glow}<g clip-path="url(#${id}-frame)"><g transform="matrix(1.2 0 0 1.2 -6.4 -4.6)">${figure.join('')}</g></g></svg>\n`;
}

/** The file name of one portrait. */
export function portraitFile(key: string, expression: Expression): string {
  return `${key}-${expression}.svg`;
}

/** Writes every portrait into `dir`; returns the files written and their total size in bytes. */
export function drawPortraits(dir: string): Promise<{ files: string[]; bytes: number }> {
  return writePictures(
    dir,
    DRAWN_KEYS.flatMap((key) =>
      EXPRESSIONS.map((expression) => [portraitFile(key, expression), portraitSvg(key, expression)] as const),
    ),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? 'assets/portraits');
  console.log(wroteLine('portraits', dir, await drawPortraits(dir)));
}
