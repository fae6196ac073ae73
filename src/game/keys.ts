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

/** The sound cues of the desk; each has a caption (`sounds.<cue>` in the locales). */
export const SOUND_CUES = ['message', 'ring', 'promiseDue', 'promiseBroken', 'handoff'] as const;
export type SoundCue = (typeof SOUND_CUES)[number];
