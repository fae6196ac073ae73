import type { DurationFile } from './schema';

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Converts an authored duration to game milliseconds: a plain number means minutes; a string is
 * numbers with units (`90s`, `5m`, `1h30m`, `1.5h`, `1d`) or a clock reading (`1:30` is one minute
 * thirty, `1:02:00` one hour two). The schema has already checked the form.
 */
export function durationToMs(duration: DurationFile): number {
  if (typeof duration === 'number') return Math.round(duration * UNIT_MS.m);
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(duration);
  if (clock) {
    const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return c === null ? (a * 60 + b) * 1000 : (a * 3600 + b * 60 + c) * 1000;
  }
  let total = 0;
  let matched = '';
  for (const part of duration.matchAll(/(\d+(?:\.\d+)?)\s*([dhms])\s*/g)) {
    total += Number(part[1]) * UNIT_MS[part[2] as keyof typeof UNIT_MS];
    matched += part[0];
  }
  if (matched.length !== duration.length || matched.length === 0)
    throw new RangeError(`Not a duration: ${duration}`);
  return Math.round(total);
}
