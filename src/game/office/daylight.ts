/**
 * The light through the office window at an hour of the game's day: the sky's colours from top to
 * horizon, how dark the city is, how many of its windows are lit, where the sun (or the moon) stands
 * and how much sunlight falls on the wall. Pure and smooth: the scene asks for the light of the game
 * clock, and a shift's hour moves it a little at a time.
 */

/** The game's day starts its clock at 09:00 (as `clockText` shows it). */
const CLOCK_STARTS_AT_MINUTE = 9 * 60;

/** The light at one minute of the day, as the scene draws it. */
export interface Daylight {
  /** The part of the day, for tests and for reading the scene's state. */
  readonly phase: 'night' | 'dawn' | 'morning' | 'midday' | 'afternoon' | 'evening' | 'dusk';
  /** The sky at the top of the window and at the horizon (`0xrrggbb`). */
  readonly skyTop: number;
  readonly skyBottom: number;
  /** How much the city is veiled in the dark, 0 (day) to 1. */
  readonly dark: number;
  /** How much of the city's windows are lit, 0 to 1. */
  readonly lights: number;
  /** The sun's (by day) or moon's (by night) place across and up the window, each 0 to 1. */
  readonly sun: { readonly x: number; readonly y: number; readonly moon: boolean };
  /** The strength of the patch of sunlight on the wall, 0 to 1. */
  readonly wallLight: number;
}

interface Key {
  readonly at: number;
  readonly phase: Daylight['phase'];
  readonly top: number;
  readonly bottom: number;
  readonly dark: number;
  readonly lights: number;
}

/** The sky at chosen minutes of the day; between two, it is mixed. */
const KEYS: readonly Key[] = [
  { at: 0, phase: 'night', top: 0x101b36, bottom: 0x2b375c, dark: 0.62, lights: 1 },
  { at: 5 * 60 + 20, phase: 'night', top: 0x1c2a52, bottom: 0x3d4a78, dark: 0.55, lights: 0.9 },
  { at: 6 * 60 + 30, phase: 'dawn', top: 0x6f84b8, bottom: 0xf2b48c, dark: 0.22, lights: 0.5 },
  { at: 8 * 60, phase: 'morning', top: 0x8ec0ea, bottom: 0xdcecf7, dark: 0, lights: 0 },
  { at: 12 * 60, phase: 'midday', top: 0x6aaee6, bottom: 0xcde6f7, dark: 0, lights: 0 },
  { at: 16 * 60, phase: 'afternoon', top: 0x7cb0de, bottom: 0xf0dcb4, dark: 0.04, lights: 0 },
  { at: 18 * 60 + 30, phase: 'evening', top: 0x4c5e97, bottom: 0xf09a6a, dark: 0.24, lights: 0.45 },
  { at: 20 * 60, phase: 'dusk', top: 0x23315b, bottom: 0x5b4b79, dark: 0.5, lights: 0.9 },
  { at: 22 * 60, phase: 'night', top: 0x101b36, bottom: 0x2b375c, dark: 0.62, lights: 1 },
  { at: 24 * 60, phase: 'night', top: 0x101b36, bottom: 0x2b375c, dark: 0.62, lights: 1 },
];

/** Sunrise and sunset, in minutes of the day. */
const SUNRISE = 6 * 60;
const SUNSET = 20 * 60;

/** Mixes two `0xrrggbb` colours; `t` of the second. */
export function mixColour(a: number, b: number, t: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) {
    const ca = (a >> shift) & 0xff;
    const cb = (b >> shift) & 0xff;
    out |= Math.round(ca + (cb - ca) * t) << shift;
  }
  return out;
}

/** The minute of the day (0 to 1440) a game time falls on. */
export function minuteOfDay(gameMs: number): number {
  const minutes = CLOCK_STARTS_AT_MINUTE + gameMs / 60_000;
  return ((minutes % 1440) + 1440) % 1440;
}

/** The light at game time `gameMs` (milliseconds since the game clock's 09:00 start). */
export function daylightAt(gameMs: number): Daylight {
  const minute = minuteOfDay(gameMs);
  const i = Math.max(
    0,
    KEYS.findIndex((k, j) => j + 1 < KEYS.length && minute >= k.at && minute < (KEYS[j + 1] as Key).at),
  );
  const from = KEYS[i] as Key;
  const to = KEYS[i + 1] ?? from;
  const t = to.at > from.at ? (minute - from.at) / (to.at - from.at) : 0;
  const day = minute >= SUNRISE && minute <= SUNSET;
  // Across the window from left to right; highest at mid-day (or mid-night for the moon).
  const arc = day
    ? (minute - SUNRISE) / (SUNSET - SUNRISE)
    : (((minute - SUNSET + 1440) % 1440) / (1440 - (SUNSET - SUNRISE))) % 1;
  const height = Math.sin(Math.PI * arc);
  return {
    phase: t < 0.5 ? from.phase : to.phase,
    skyTop: mixColour(from.top, to.top, t),
    skyBottom: mixColour(from.bottom, to.bottom, t),
    dark: from.dark + (to.dark - from.dark) * t,
    lights: from.lights + (to.lights - from.lights) * t,
    sun: { x: arc, y: height, moon: !day },
    wallLight: day ? Math.max(0, height) * (1 - (from.dark + (to.dark - from.dark) * t)) : 0,
  };
}
