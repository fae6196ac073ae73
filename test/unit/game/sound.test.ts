/**
 * The sound, without a browser: the committed sprite holds every cue inside the real length of both
 * encoded files (read from the files themselves) and matches what `npm run sound:make` lays out; every
 * cue has its own caption in English and Spanish naming the customer; and the cue each desk event makes,
 * from hand-made events and from a real attempt's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layOutSprite, SOUND_DIR } from '../../../src/cli/makeSounds';
import type { ShiftEmitted } from '../../../src/core/engine/shiftSteps';
import { Attempt } from '../../../src/game/attempt/Attempt';
import { SOUND_CUES } from '../../../src/game/keys';
import en from '../../../src/game/locales/en.json';
import es from '../../../src/game/locales/es.json';
import {
  type CueMemory,
  cueOfEvent,
  cuesOfEvents,
  EMPTY_CUE_MEMORY,
  moodBand,
  openingCues,
  PROMISE_WARNING_MS,
  promisesComingDue,
  SPRITE,
} from '../../../src/game/sound';
import { escalateAndEnd, memoryWorld, practiceSettings } from '../../support/memoryAttempt';

/** The WebM's duration in ms, from its Segment Info (Duration 0x4489 in TimecodeScale units, 1 ms by default). */
function webmDurationMs(bytes: Buffer): number {
  let scale = 1_000_000;
  const scaleAt = bytes.indexOf(Buffer.from([0x2a, 0xd7, 0xb1]));
  if (scaleAt >= 0) {
    const size = (bytes[scaleAt + 3] ?? 0) & 0x0f;
    scale = bytes.readUIntBE(scaleAt + 4, size);
  }
  const at = bytes.indexOf(Buffer.from([0x44, 0x89]));
  if (at < 0) throw new Error('no Duration in the WebM');
  const size = bytes[at + 2];
  const units = size === 0x88 ? bytes.readDoubleBE(at + 3) : bytes.readFloatBE(at + 3);
  return (units * scale) / 1_000_000;
}

/** The MP3's duration in ms, counting its Layer III frames (the Xing/Info frame holds no audio). */
function mp3DurationMs(bytes: Buffer): number {
  let at = 0;
  if (bytes.toString('latin1', 0, 3) === 'ID3') {
    const size = [6, 7, 8, 9].reduce((n, i) => (n << 7) | ((bytes[i] ?? 0) & 0x7f), 0);
    at = 10 + size;
  }
  const rates: Record<number, readonly number[]> = {
    3: [44100, 48000, 32000],
    2: [22050, 24000, 16000],
    0: [11025, 12000, 8000],
  };
  const kbps1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
  const kbps2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  let samples = 0;
  let rate = 0;
  let frames = 0;
  while (at + 4 <= bytes.length) {
    const header = bytes.readUInt32BE(at);
    if (header >>> 21 !== 0x7ff) throw new Error(`lost frame sync at byte ${at}`);
    const version = (header >>> 19) & 3;
    const rateOf = rates[version];
    if (!rateOf || ((header >>> 17) & 3) !== 1) throw new Error('not MPEG Layer III');
    const mpeg1 = version === 3;
    rate = rateOf[(header >>> 10) & 3] ?? 0;
    const kbps = (mpeg1 ? kbps1 : kbps2)[(header >>> 12) & 15] ?? 0;
    const padding = (header >>> 9) & 1;
    const length = Math.floor(((mpeg1 ? 144 : 72) * kbps * 1000) / rate) + padding;
    const perFrame = mpeg1 ? 1152 : 576;
    const tag = bytes.toString('latin1', at + 4, at + 40);
    if (!(frames === 0 && (tag.includes('Xing') || tag.includes('Info')))) samples += perFrame;
    frames += 1;
    at += length;
  }
  return (samples * 1000) / rate;
}

const sprite = JSON.parse(readFileSync(join(SOUND_DIR, 'sprite.json'), 'utf8')) as {
  durationMs: number;
  cues: Record<string, [number, number]>;
};

describe('the audio sprite', () => {
  const webm = webmDurationMs(readFileSync(join(SOUND_DIR, 'sprite.webm')));
  const mp3 = mp3DurationMs(readFileSync(join(SOUND_DIR, 'sprite.mp3')));

  it('holds every cue, in order and apart, inside both encoded files', () => {
    expect(Math.abs(webm - sprite.durationMs)).toBeLessThan(100);
    expect(Math.abs(mp3 - sprite.durationMs)).toBeLessThan(150);
    expect(Object.keys(sprite.cues)).toEqual([...SOUND_CUES]);
    let end = 0;
    for (const cue of SOUND_CUES) {
      const [start, length] = SPRITE[cue];
      expect(start, cue).toBeGreaterThanOrEqual(end + 200);
      expect(length, cue).toBeGreaterThan(200);
      end = start + length;
      expect(end, cue).toBeLessThanOrEqual(Math.min(webm, mp3));
    }
  });

  it('is what the generator lays out today, so the committed files are not stale', () => {
    expect(layOutSprite().map).toEqual(sprite.cues);
  });

  it('stays small', () => {
    expect(readFileSync(join(SOUND_DIR, 'sprite.webm')).length).toBeLessThan(100 * 1024);
    expect(readFileSync(join(SOUND_DIR, 'sprite.mp3')).length).toBeLessThan(150 * 1024);
  });
});

describe('captions', () => {
  it('give every cue its own words in English and Spanish, naming the customer where there is one', () => {
    for (const locale of [en, es]) {
      const words = locale.sounds as Record<string, string>;
      expect(Object.keys(words).sort()).toEqual([...SOUND_CUES].sort());
      expect(new Set(Object.values(words)).size).toBe(SOUND_CUES.length);
      for (const cue of SOUND_CUES) {
        const wanted = cue === 'grade' ? '{{grade}}' : cue === 'ambience' ? null : '{{name}}';
        if (wanted) expect(words[cue], cue).toContain(wanted);
        else expect(words[cue], cue).not.toMatch(/\{\{/);
      }
    }
    expect(en.sounds.ring.replace('{{name}}', 'Rubén Castaño')).toBe('Phone ringing: Rubén Castaño');
    expect(en.settings.ambienceVolume).toBeTruthy();
    expect(es.settings.ambienceVolume).not.toBe(en.settings.ambienceVolume);
  });
});

const arrived = (contact: string, channel: 'chat' | 'email' | 'phone' | 'social'): ShiftEmitted => ({
  type: 'contact.arrived',
  at: 0,
  contact,
  scenario: 's',
  channel,
});
const status = (
  contact: string,
  s: 'ringing' | 'open' | 'held' | 'ended',
  ending: string | null = null,
): ShiftEmitted => ({
  type: 'contact.status',
  at: 0,
  contact,
  status: s,
  ending,
});
const felt = (contact: string, mood: number): ShiftEmitted => ({
  type: 'persona.felt',
  at: 0,
  contact,
  mood,
  trust: 0.5,
  patience: 0.5,
});
const said = (contact: string): ShiftEmitted => ({
  type: 'persona.said',
  at: 0,
  contact,
  beat: 'b',
  line: { en: 'Hello' },
});

/** The cue names a sequence of events makes, from an empty memory. */
const cuesOf = (events: readonly ShiftEmitted[], memory: CueMemory = EMPTY_CUE_MEMORY) =>
  cuesOfEvents(events, memory).calls.map((c) => `${c.cue}:${c.contact}`);

describe('the cue a desk event makes', () => {
  it('is the channel’s own on arrival; a call is heard ringing and picked up, not on arrival', () => {
    expect(cuesOf([arrived('c1', 'chat')])).toEqual(['chat:c1']);
    expect(cuesOf([arrived('c1', 'email')])).toEqual(['email:c1']);
    expect(cuesOf([arrived('c1', 'social')])).toEqual(['social:c1']);
    expect(cuesOf([arrived('c1', 'phone')])).toEqual([]);
    expect(cuesOf([arrived('c1', 'phone'), status('c1', 'ringing'), status('c1', 'open')])).toEqual([
      'ring:c1',
      'pickup:c1',
    ]);
    // Taken off hold is not a pick-up.
    expect(cuesOf([arrived('c1', 'phone'), status('c1', 'held'), status('c1', 'open')])).toEqual([]);
  });

  it('pings a chat line once with its arrival, and each later line; a caller’s lines are speech', () => {
    const first = cuesOfEvents([arrived('c1', 'chat'), said('c1')], EMPTY_CUE_MEMORY);
    expect(first.calls.map((c) => c.cue)).toEqual(['chat']);
    expect(cuesOf([said('c1')], first.memory)).toEqual(['chat:c1']);
    const call = cuesOfEvents([arrived('c2', 'phone')], EMPTY_CUE_MEMORY).memory;
    expect(cuesOf([said('c2')], call)).toEqual([]);
  });

  it('sounds a mood only when it crosses a band, down or up, and not at the first reading', () => {
    expect([0.5, 0, -0.4, -0.9].map(moodBand)).toEqual([3, 2, 1, 0]);
    expect(cuesOf([felt('c1', 0.1)])).toEqual([]);
    expect(cuesOf([felt('c1', 0.1), felt('c1', 0.05)])).toEqual([]);
    expect(cuesOf([felt('c1', 0.1), felt('c1', -0.3)])).toEqual(['moodDrop:c1']);
    expect(cuesOf([felt('c1', -0.3), felt('c1', 0.3)])).toEqual(['moodLift:c1']);
  });

  it('tells a walk-out from a resolution, and an ending after a trainee ended it from both', () => {
    expect(cuesOf([status('c1', 'ended', 'abandoned')])).toEqual(['walkout:c1']);
    expect(cuesOf([status('c1', 'ended', 'satisfied')])).toEqual(['resolved:c1']);
    expect(cuesOf([status('c1', 'ended', 'neutral')])).toEqual(['resolved:c1']);
    expect(cuesOf([status('c1', 'ended', 'upset')])).toEqual([]);
    expect(cuesOf([status('c1', 'ended', 'ended-by-agent')])).toEqual([]);
  });

  it('marks a broken promise, an escalation sent and a tier’s answer', () => {
    const events: ShiftEmitted[] = [
      { type: 'promise.broken', at: 0, contact: 'c1', promise: 'p1', dueAt: 10, by: 'time' as never },
      { type: 'handoff.sent', at: 0, contact: 'c1', tier: 2, answerAt: 10, carries: [] },
      { type: 'handoff.answered', at: 0, contact: 'c1', tier: 2, does: 'returns', note: null },
    ];
    expect(cuesOf(events)).toEqual(['promiseBroken:c1', 'escalation:c1', 'tierAnswer:c1']);
    expect(cueOfEvent({ type: 'shift.over', at: 0 }, EMPTY_CUE_MEMORY).call).toBeNull();
  });

  it('warns of a promise once, a minute before it falls due, and never of one without a time', () => {
    const promises = [
      { id: 'p1', contact: 'c1', dueAt: 300_000, status: 'open' },
      { id: 'p2', contact: 'c2', dueAt: null, status: 'open' },
      { id: 'p3', contact: 'c3', dueAt: 100_000, status: 'kept' },
    ];
    expect(promisesComingDue(promises, 300_000 - PROMISE_WARNING_MS - 1, EMPTY_CUE_MEMORY).calls).toEqual([]);
    const warned = promisesComingDue(promises, 300_000 - PROMISE_WARNING_MS, EMPTY_CUE_MEMORY);
    expect(warned.calls).toEqual([{ cue: 'promiseDue', contact: 'c1' }]);
    expect(promisesComingDue(promises, 299_000, warned.memory).calls).toEqual([]);
  });
});

describe('the desk opening on an attempt', () => {
  const contact = (
    id: string,
    channel: 'chat' | 'phone',
    status: 'queued' | 'ringing' | 'open' | 'ended',
    arrivedAt: number,
  ) => ({
    id,
    scenario: 's',
    channel,
    status,
    arrivedAt,
    ending: status === 'ended' ? 'abandoned' : null,
    persona: { context: { mood: 0.3, trust: 0.5, patience: 0.5 } },
  });

  it('sounds a phone still ringing and a chat arriving now; what is past is only remembered', () => {
    const { calls, memory } = openingCues(
      [
        contact('c1', 'phone', 'ringing', 0),
        contact('c2', 'chat', 'open', 5_000),
        contact('c3', 'chat', 'ended', 0),
        contact('c4', 'chat', 'queued', 5_000),
      ],
      5_000,
    );
    expect(calls.map((c) => `${c.cue}:${c.contact}`)).toEqual(['ring:c1', 'chat:c2', 'chat:c4']);
    // Remembered: the call picked up later is heard; the mood's first reading is already known.
    expect(cuesOf([status('c1', 'open'), felt('c2', -0.4)], memory)).toEqual(['pickup:c1', 'moodDrop:c2']);
  });
});

describe('a real attempt’s events', () => {
  const world = memoryWorld();
  const settings = practiceSettings('invoices-for-the-accountant');

  it('sound the arrival, the escalation and the tier’s answer, each for the customer', () => {
    const attempt = Attempt.start(world, settings, 3);
    let cues = EMPTY_CUE_MEMORY;
    const heard: string[] = [];
    attempt.subscribe((events) => {
      const next = cuesOfEvents(events, cues);
      cues = next.memory;
      heard.push(...next.calls.map((c) => `${c.cue}:${c.contact}`));
    });
    escalateAndEnd(attempt);
    attempt.skip();
    expect(heard).toContain('escalation:c1');
    expect(heard).toContain('tierAnswer:c1');
    expect(heard.indexOf('escalation:c1')).toBeLessThan(heard.indexOf('tierAnswer:c1'));
  });
});
