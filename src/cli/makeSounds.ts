/**
 * `npm run sound:make`: synthesises every sound cue of the desk in code (tones with harmonics and
 * envelopes, filtered noise for clicks, footsteps and room tone), lays them end to end in one mono
 * PCM WAV, and has Debian's ffmpeg encode it into the audio sprite the game ships:
 * `assets/sound/sprite.webm` (Opus), `assets/sound/sprite.mp3` (the fallback) and
 * `assets/sound/sprite.json` (cue → [start ms, length ms]). The outputs are committed, so neither CI
 * nor a player needs ffmpeg; run this again only when a cue changes. Deterministic: the noise comes
 * from a seeded generator, so the same script makes the same WAV.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOUND_CUES, type SoundCue } from '../game/keys';

export const SOUND_DIR = join('assets', 'sound');
const RATE = 24_000;
/** Silence before the first cue and between cues, so an encoder's padding never bleeds into a neighbour. */
const GAP_MS = 300;

/** A seeded generator (mulberry32): the same noise on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A cue being drawn: a buffer of samples and the instruments that add into it. */
class Track {
  readonly data: Float32Array;
  private readonly rand: () => number;

  constructor(ms: number, seed: number) {
    this.data = new Float32Array(Math.round((RATE * ms) / 1000));
    this.rand = random(seed);
  }

  /**
   * A struck or sung note: partials as [ratio, level], a short attack and an exponential decay (a bell
   * or marimba rings on; a pad holds), with a touch of vibrato so a held note is not a test tone.
   */
  note(
    at: number,
    freq: number,
    ms: number,
    o: {
      level?: number;
      partials?: readonly (readonly [number, number])[];
      attack?: number;
      decay?: number;
      vibrato?: number;
      glide?: number;
    } = {},
  ): this {
    const partials = o.partials ?? [
      [1, 1],
      [2, 0.35],
      [3, 0.12],
    ];
    const level = o.level ?? 0.3;
    const attack = Math.max(1, ((o.attack ?? 6) * RATE) / 1000);
    const decay = ((o.decay ?? ms / 3) * RATE) / 1000;
    const start = Math.round((at * RATE) / 1000);
    const length = Math.round((ms * RATE) / 1000);
    const release = Math.min(length / 4, RATE * 0.04);
    let phase = 0;
    for (let i = 0; i < length && start + i < this.data.length; i += 1) {
      const t = i / RATE;
      const f =
        freq * (1 + (o.glide ?? 0) * (i / length)) * (1 + (o.vibrato ?? 0) * Math.sin(2 * Math.PI * 5.5 * t));
      phase += (2 * Math.PI * f) / RATE;
      let value = 0;
      for (const [ratio, amp] of partials) {
        // Upper partials die away faster, as they do on a real struck bar.
        value += amp * Math.sin(phase * ratio) * Math.exp(-i / (decay / ratio));
      }
      const env = Math.min(1, i / attack, (length - i) / release);
      this.data[start + i] = (this.data[start + i] ?? 0) + value * level * env;
    }
    return this;
  }

  /**
   * Noise through a resonant band-pass (a state-variable filter) whose centre may sweep: clicks,
   * breaths of air, a door, a paper swoosh, room tone.
   */
  noise(
    at: number,
    ms: number,
    o: {
      level?: number;
      from: number;
      to?: number;
      q?: number;
      attack?: number;
      decay?: number;
      hold?: boolean;
    },
  ): this {
    const start = Math.round((at * RATE) / 1000);
    const length = Math.round((ms * RATE) / 1000);
    const attack = Math.max(1, ((o.attack ?? 2) * RATE) / 1000);
    const decay = ((o.decay ?? ms / 4) * RATE) / 1000;
    const damping = 1 / (o.q ?? 1.5);
    let low = 0;
    let band = 0;
    for (let i = 0; i < length && start + i < this.data.length; i += 1) {
      const centre = o.from + ((o.to ?? o.from) - o.from) * (i / length);
      const f = 2 * Math.sin((Math.PI * Math.min(centre, RATE / 6)) / RATE);
      const input = this.rand() * 2 - 1;
      low += f * band;
      const high = input - low - damping * band;
      band += f * high;
      const env = o.hold
        ? Math.min(1, i / attack, (length - i) / attack)
        : Math.min(1, i / attack) * Math.exp(-i / decay);
      this.data[start + i] = (this.data[start + i] ?? 0) + band * (o.level ?? 0.3) * env;
    }
    return this;
  }

  /** A soft low thump: a falling sine, for footsteps, a handset set down, a drum. */
  thump(at: number, freq: number, level = 0.5, ms = 120): this {
    return this.note(at, freq, ms, { level, partials: [[1, 1]], attack: 2, decay: ms / 4, glide: -0.4 });
  }

  /** Shapes the loudest moment to `peak`, so no cue is louder than another by accident. */
  normalise(peak: number): Float32Array {
    let max = 0;
    for (const v of this.data) max = Math.max(max, Math.abs(v));
    if (max > 0)
      for (let i = 0; i < this.data.length; i += 1) this.data[i] = ((this.data[i] ?? 0) / max) * peak;
    return this.data;
  }
}

const MARIMBA = [
  [1, 1],
  [3.93, 0.25],
  [9.2, 0.05],
] as const;
const BELL = [
  [1, 1],
  [2.76, 0.4],
  [5.4, 0.2],
  [8.9, 0.06],
] as const;
const PAD = [
  [1, 1],
  [2, 0.3],
  [3, 0.15],
  [4, 0.06],
] as const;

/** Each cue, drawn. Pitches in Hz; times in ms from the cue's start. */
const CUES: Readonly<Record<SoundCue, () => Float32Array>> = {
  // A desk phone's electronic trill: two bursts of a warbling pair of tones through a small speaker.
  ring: () => {
    const t = new Track(1500, 1);
    for (const burst of [0, 700]) {
      for (let k = 0; k < 16; k += 1) {
        const f = k % 2 === 0 ? 1020 : 1290;
        t.note(burst + k * 25, f, 30, { level: 0.25, partials: PAD, attack: 2, decay: 200 });
      }
      t.noise(burst, 420, { from: 2400, q: 3, level: 0.03, hold: true, attack: 10 });
    }
    return t.normalise(0.7);
  },
  // The handset lifted: a plastic click, a soft knock and a breath of open line.
  pickup: () => {
    const t = new Track(500, 2);
    t.noise(0, 40, { from: 3500, q: 4, level: 0.9, decay: 6 });
    t.thump(15, 180, 0.5, 90);
    t.noise(60, 400, { from: 900, q: 0.8, level: 0.05, attack: 40, decay: 200 });
    return t.normalise(0.6);
  },
  // A chat message: two soft marimba notes, up a fifth.
  chat: () => {
    const t = new Track(450, 3);
    t.note(0, 1318.5, 300, { level: 0.5, partials: MARIMBA, decay: 90 });
    t.note(90, 1975.5, 350, { level: 0.45, partials: MARIMBA, decay: 110 });
    return t.normalise(0.55);
  },
  // An email: a paper swoosh into a falling three-note bell.
  email: () => {
    const t = new Track(900, 4);
    t.noise(0, 260, { from: 600, to: 3200, q: 1.2, level: 0.3, attack: 80, decay: 120 });
    t.note(180, 1568, 600, { level: 0.35, partials: BELL, decay: 220 });
    t.note(300, 1318.5, 600, { level: 0.35, partials: BELL, decay: 220 });
    t.note(420, 1046.5, 480, { level: 0.4, partials: BELL, decay: 240 });
    return t.normalise(0.55);
  },
  // A social mention: a bright pop and a quick rising chirp.
  social: () => {
    const t = new Track(600, 5);
    t.noise(0, 30, { from: 1800, q: 2, level: 0.8, decay: 8 });
    t.note(20, 880, 160, { level: 0.35, partials: PAD, glide: 0.5, decay: 80 });
    t.note(140, 1760, 380, { level: 0.3, partials: MARIMBA, decay: 120 });
    t.note(220, 2217, 360, { level: 0.25, partials: MARIMBA, decay: 120 });
    return t.normalise(0.5);
  },
  // A customer's mood dropping: a muted falling minor third, low and soft.
  moodDrop: () => {
    const t = new Track(800, 6);
    t.note(0, 392, 400, { level: 0.4, partials: PAD, attack: 30, decay: 260, vibrato: 0.004 });
    t.note(260, 329.6, 520, {
      level: 0.4,
      partials: PAD,
      attack: 30,
      decay: 300,
      glide: -0.03,
      vibrato: 0.004,
    });
    return t.normalise(0.45);
  },
  // A mood lifting: a warm rising major third.
  moodLift: () => {
    const t = new Track(800, 7);
    t.note(0, 523.3, 400, { level: 0.4, partials: PAD, attack: 25, decay: 260, vibrato: 0.004 });
    t.note(220, 659.3, 560, { level: 0.4, partials: PAD, attack: 25, decay: 320, vibrato: 0.004 });
    return t.normalise(0.45);
  },
  // A promise coming due: a clock's tick-tock, then a single soft bell.
  promiseDue: () => {
    const t = new Track(1100, 8);
    for (let k = 0; k < 4; k += 1)
      t.noise(k * 160, 30, { from: k % 2 ? 2600 : 3400, q: 6, level: 0.8, decay: 5 });
    t.note(640, 987.8, 450, { level: 0.4, partials: BELL, decay: 200 });
    return t.normalise(0.55);
  },
  // A promise broken: a low, buzzing falling tritone.
  promiseBroken: () => {
    const t = new Track(1000, 9);
    const buzz = [
      [1, 1],
      [2, 0.5],
      [3, 0.33],
      [4, 0.25],
      [5, 0.2],
    ] as const;
    t.note(0, 311.1, 420, { level: 0.3, partials: buzz, attack: 10, decay: 300 });
    t.note(300, 220, 680, { level: 0.3, partials: buzz, attack: 10, decay: 380, glide: -0.04 });
    return t.normalise(0.5);
  },
  // An escalation sent: a rising whoosh carrying two notes up and away.
  escalation: () => {
    const t = new Track(900, 10);
    t.noise(0, 500, { from: 400, to: 4000, q: 1.5, level: 0.25, attack: 200, decay: 260 });
    t.note(250, 587.3, 300, { level: 0.35, partials: MARIMBA, decay: 120 });
    t.note(400, 880, 450, { level: 0.35, partials: MARIMBA, decay: 160 });
    return t.normalise(0.5);
  },
  // A tier's answer: three bell notes that settle home.
  tierAnswer: () => {
    const t = new Track(1000, 11);
    t.note(0, 783.99, 500, { level: 0.35, partials: BELL, decay: 200 });
    t.note(150, 987.8, 500, { level: 0.35, partials: BELL, decay: 200 });
    t.note(300, 1174.7, 650, { level: 0.4, partials: BELL, decay: 280 });
    return t.normalise(0.5);
  },
  // A customer walking out: three footsteps away and a door pulled shut.
  walkout: () => {
    const t = new Track(1400, 12);
    for (let k = 0; k < 3; k += 1) {
      t.thump(k * 260, 110, 0.5 - k * 0.1, 110);
      t.noise(k * 260, 60, { from: 1200, q: 1, level: 0.25 - k * 0.05, decay: 15 });
    }
    t.noise(900, 80, { from: 2000, q: 2, level: 0.5, decay: 20 });
    t.thump(920, 70, 0.9, 300);
    t.noise(920, 400, { from: 300, q: 0.7, level: 0.3, decay: 120 });
    return t.normalise(0.6);
  },
  // A case resolved: a marimba arpeggio up to the octave.
  resolved: () => {
    const t = new Track(1200, 13);
    [523.3, 659.3, 784, 1046.5].forEach((f, k) => {
      t.note(k * 110, f, 800 - k * 60, { level: 0.35, partials: MARIMBA, decay: 200 + k * 40 });
    });
    t.note(330, 2093, 700, { level: 0.06, partials: BELL, decay: 300 });
    return t.normalise(0.55);
  },
  // The grade revealed: a soft drum roll swelling into a held chord.
  grade: () => {
    const t = new Track(2000, 14);
    for (let k = 0; k < 14; k += 1) {
      t.noise(k * 50, 45, { from: 900, q: 1, level: 0.08 + k * 0.02, decay: 12 });
    }
    t.thump(700, 90, 0.6, 260);
    for (const f of [523.3, 659.3, 784, 1046.5]) {
      t.note(700, f, 1250, { level: 0.18, partials: PAD, attack: 40, decay: 700, vibrato: 0.003 });
    }
    t.note(700, 2093, 900, { level: 0.08, partials: BELL, decay: 350 });
    return t.normalise(0.55);
  },
  // The office: a low air-conditioning hush, a faint mains hum and a distant keyboard now and then.
  // The end fades into the start, so the loop has no seam.
  ambience: () => {
    const ms = 6500;
    const t = new Track(ms, 15);
    t.noise(0, ms, { from: 220, q: 0.6, level: 0.5, hold: true, attack: 1 });
    t.noise(0, ms, { from: 1200, q: 0.5, level: 0.06, hold: true, attack: 1 });
    t.note(0, 100, ms, { level: 0.02, partials: PAD, attack: 1, decay: 1e9 });
    const typing = random(99);
    for (const burst of [900, 3300, 4800]) {
      const keys = 5 + Math.floor(typing() * 6);
      for (let k = 0; k < keys; k += 1) {
        t.noise(burst + k * (90 + typing() * 80), 20, {
          from: 2500 + typing() * 1500,
          q: 4,
          level: 0.12,
          decay: 4,
        });
      }
    }
    const data = t.data;
    const fade = Math.round(RATE * 0.5);
    for (let i = 0; i < fade; i += 1) {
      const w = i / fade;
      const tail = data.length - fade + i;
      data[i] = (data[i] ?? 0) * w + (data[tail] ?? 0) * (1 - w);
    }
    const looped = data.slice(0, data.length - fade);
    let max = 0;
    for (const v of looped) max = Math.max(max, Math.abs(v));
    for (let i = 0; i < looped.length; i += 1) looped[i] = ((looped[i] ?? 0) / max) * 0.22;
    return looped;
  },
};

/** Mono 16-bit PCM WAV bytes of the samples. */
export function wavBytes(samples: Float32Array, rate = RATE): Buffer {
  const out = Buffer.alloc(44 + samples.length * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + samples.length * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(samples.length * 2, 40);
  samples.forEach((v, i) => {
    out.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32_767), 44 + i * 2);
  });
  return out;
}

/** Every cue laid end to end with a gap between, and where each sits (ms). */
export function layOutSprite(): { samples: Float32Array; map: Record<SoundCue, [number, number]> } {
  const drawn = SOUND_CUES.map((cue) => [cue, CUES[cue]()] as const);
  const gap = Math.round((RATE * GAP_MS) / 1000);
  const total = drawn.reduce((sum, [, d]) => sum + d.length + gap, gap);
  const samples = new Float32Array(total);
  const map = {} as Record<SoundCue, [number, number]>;
  let at = gap;
  for (const [cue, data] of drawn) {
    samples.set(data, at);
    map[cue] = [Math.round((at * 1000) / RATE), Math.floor((data.length * 1000) / RATE)];
    at += data.length + gap;
  }
  return { samples, map };
}

/** The sprite's map as the repository's formatter lays JSON out (one cue a line), so lint passes as written. */
export function spriteJson(durationMs: number, map: Record<SoundCue, [number, number]>): string {
  const cues = SOUND_CUES.map((cue) => `    ${JSON.stringify(cue)}: [${map[cue].join(', ')}]`).join(',\n');
  return `{\n  "durationMs": ${durationMs},\n  "cues": {\n${cues}\n  }\n}\n`;
}

function ensureFfmpeg(): void {
  try {
    execFileSync('which', ['ffmpeg'], { stdio: 'ignore' });
  } catch {
    console.log('ffmpeg is missing: installing it with apt-get (needs root)');
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y ffmpeg'], { stdio: 'inherit' });
  }
}

function main(): void {
  ensureFfmpeg();
  mkdirSync(SOUND_DIR, { recursive: true });
  const { samples, map } = layOutSprite();
  const work = mkdtempSync(join(tmpdir(), 'escalation-sounds-'));
  try {
    const wav = join(work, 'sprite.wav');
    writeFileSync(wav, wavBytes(samples));
    const ffmpeg = (args: string[]) =>
      execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', wav, ...args]);
    // No metadata, so the same WAV encodes to the same files.
    const common = ['-ac', '1', '-map_metadata', '-1', '-fflags', '+bitexact'];
    ffmpeg([
      ...common,
      '-c:a',
      'libopus',
      '-b:a',
      '20k',
      '-application',
      'audio',
      join(SOUND_DIR, 'sprite.webm'),
    ]);
    ffmpeg([...common, '-c:a', 'libmp3lame', '-b:a', '32k', join(SOUND_DIR, 'sprite.mp3')]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const durationMs = Math.round((samples.length * 1000) / RATE);
  writeFileSync(join(SOUND_DIR, 'sprite.json'), spriteJson(durationMs, map));
  for (const file of ['sprite.webm', 'sprite.mp3', 'sprite.json']) {
    console.log(
      `wrote ${join(SOUND_DIR, file)} (${(statSync(join(SOUND_DIR, file)).size / 1024).toFixed(1)} KB)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error: unknown) {
    console.error(`sound:make failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
