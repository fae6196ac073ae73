/**
 * The desk's sound cues, played with howler, each with a caption: the caption shows on screen and is
 * announced, so a trainee who cannot hear (or has muted the game) misses nothing. The tones are
 * synthesised here as short WAV files, so the game needs no audio downloads.
 */
import { Howl } from 'howler';
import type { SoundCue } from './keys';

/** Notes (Hz) and length (ms) of each cue: a soft chime for a message, a double ring for a call. */
const TONES: Readonly<Record<SoundCue, { notes: readonly number[]; ms: number }>> = {
  message: { notes: [880, 1320], ms: 220 },
  ring: { notes: [660, 880, 660, 880], ms: 520 },
  promiseDue: { notes: [740, 740], ms: 300 },
  promiseBroken: { notes: [392, 311], ms: 420 },
  handoff: { notes: [523, 659, 784], ms: 360 },
};

/** A short WAV (mono, 16-bit, 22.05 kHz) of the notes in turn, with a gentle fade in and out. */
export function toneWav(notes: readonly number[], ms: number): string {
  const rate = 22_050;
  const samples = Math.floor((rate * ms) / 1000);
  const data = new DataView(new ArrayBuffer(44 + samples * 2));
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i += 1) data.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  data.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  data.setUint32(16, 16, true);
  data.setUint16(20, 1, true);
  data.setUint16(22, 1, true);
  data.setUint32(24, rate, true);
  data.setUint32(28, rate * 2, true);
  data.setUint16(32, 2, true);
  data.setUint16(34, 16, true);
  text(36, 'data');
  data.setUint32(40, samples * 2, true);
  const per = Math.max(1, Math.floor(samples / notes.length));
  for (let i = 0; i < samples; i += 1) {
    const note = notes[Math.min(notes.length - 1, Math.floor(i / per))] ?? 440;
    const within = i % per;
    const envelope = Math.min(1, within / 200, (per - within) / 400);
    const value = Math.sin((2 * Math.PI * note * i) / rate) * 0.35 * envelope;
    data.setInt16(44 + i * 2, Math.round(value * 32_767), true);
  }
  let binary = '';
  const bytes = new Uint8Array(data.buffer);
  for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i] ?? 0);
  return `data:audio/wav;base64,${btoa(binary)}`;
}

/** Plays cues and shows their captions. */
export class SoundBoard {
  private readonly sounds = new Map<SoundCue, Howl>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly captions: HTMLElement,
    private readonly caption: (cue: SoundCue) => string,
  ) {}

  private loading: Promise<void> | null = null;
  private loaded = 0;
  private readonly watchers = new Set<(done: number) => void>();

  /**
   * Starts creating every cue's sound (once; later calls return the same promise). The game starts
   * this before Phaser boots, so the sounds load while the page does.
   */
  load(cues: readonly SoundCue[]): Promise<void> {
    this.loading ??= Promise.all(
      cues.map(
        (cue) =>
          new Promise<void>((resolve) => {
            const tone = TONES[cue];
            const finish = () => {
              this.loaded += 1;
              for (const watcher of this.watchers) watcher(this.loaded);
              resolve();
            };
            const sound = new Howl({
              src: [toneWav(tone.notes, tone.ms)],
              format: ['wav'],
              onload: finish,
              onloaderror: finish,
            });
            this.sounds.set(cue, sound);
          }),
      ),
    ).then(() => undefined);
    return this.loading;
  }

  /** Hears how many sounds are ready, now and as each finishes (for the loading bar). */
  watch(progress: (done: number) => void): () => void {
    this.watchers.add(progress);
    progress(this.loaded);
    return () => this.watchers.delete(progress);
  }

  /** Sets the volume (0–1) and mute for every cue. */
  configure(volume: number, muted: boolean): void {
    for (const sound of this.sounds.values()) {
      sound.volume(volume);
      sound.mute(muted);
    }
  }

  /** Plays a cue and shows its caption for a few seconds. */
  play(cue: SoundCue): void {
    this.sounds.get(cue)?.play();
    this.captions.textContent = this.caption(cue);
    this.captions.hidden = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.captions.hidden = true;
    }, 4000);
  }
}
