/** Scene and texture keys, in one place so a typo is a type error. */
export const SCENES = {
  boot: 'boot',
  preload: 'preload',
  menu: 'menu',
  desk: 'desk',
  debrief: 'debrief',
  /** Reads the trainer's draft from the studio and starts it in the desk (`index.html?play=studio`). */
  studio: 'studio-play',
} as const;

export const TEXTURES = {
  office: 'office',
  portraitRing: 'portrait-ring',
} as const;

/**
 * The sound cues of the desk and the debrief, in the order they sit in the audio sprite
 * (`assets/sound/sprite.json`, made by `npm run sound:make`). Each has a caption (`sounds.<cue>` in the
 * locales) naming the customer where there is one. `ambience` is the office's quiet loop.
 */
export const SOUND_CUES = [
  'ring',
  'pickup',
  'chat',
  'email',
  'social',
  'moodDrop',
  'moodLift',
  'promiseDue',
  'promiseBroken',
  'escalation',
  'tierAnswer',
  'walkout',
  'resolved',
  'grade',
  'ambience',
] as const;
export type SoundCue = (typeof SOUND_CUES)[number];
