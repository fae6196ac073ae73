/**
 * Seeded randomness for the engine: mulberry32, a small, fast PRNG whose whole state is one 32-bit
 * number, so it lives in machine context, saves as JSON and replays exactly.
 */

/** Returns a number in [0, 1) and the state to use next time. */
export function nextRandom(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Turns any seed (a number or text) into a PRNG state. */
export function seedState(seed: number | string): number {
  if (typeof seed === 'number') return seed | 0;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i += 1) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h | 0;
}
