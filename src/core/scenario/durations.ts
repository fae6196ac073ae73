import type { DurationFile } from './schema';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Converts an authored duration to game milliseconds: a plain number means minutes, a string is a
 * number with a unit (`90s`, `5m`, `1.5h`, `1d`). The schema has already checked the form.
 */
export function durationToMs(duration: DurationFile): number {
  if (typeof duration === 'number') return Math.round(duration * UNIT_MS.m);
  const match = /^(\d+(?:\.\d+)?)\s*([smhd])$/.exec(duration);
  if (!match) throw new RangeError(`Not a duration: ${duration}`);
  const unit = match[2] as keyof typeof UNIT_MS;
  return Math.round(Number(match[1]) * UNIT_MS[unit]);
}
