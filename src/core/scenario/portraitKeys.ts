/**
 * The portraits drawn for personas (`look: { portrait }`), one set of six expressions each in
 * `assets/portraits/`, made by `npm run art:portraits`. The checker warns about any other key, and the
 * game shows the drawn default for it. Kept in the core so the checker can read it without the game.
 */
export const PORTRAIT_KEYS = [
  'accessibility-consultant',
  'baker',
  'chemistry-teacher',
  'climber',
  'developer',
  'electrician',
  'finance-director',
  'hairdresser',
  'hardware-owner',
  'nursing-student',
  'pharmacist',
  'physiotherapist',
  'potter',
  'retired-engineer',
  'retired-surveyor',
  'sound-engineer',
  'violist',
] as const;

/** The portrait shown for a persona with no `look` or a key with no artwork. */
export const DEFAULT_PORTRAIT = 'default';

/** True when `key` has artwork (the default counts: a trainer may ask for it by name). */
export function isPortraitKey(key: string): boolean {
  return key === DEFAULT_PORTRAIT || (PORTRAIT_KEYS as readonly string[]).includes(key);
}
