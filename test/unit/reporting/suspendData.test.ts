/**
 * Resume data within SCORM 1.2's 4,096 characters: the longest shipped shift played to its end packs
 * and restores; a save forced past a small limit is cut to the longest run of inputs that fits and
 * still restores; resume data damaged on its way back is refused with a reason, never thrown.
 */
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { restoreSession, saveSession } from '../../../src/core/engine/saves';
import {
  fitSuspend,
  packSuspend,
  SUSPEND_MARKER,
  saveCutter,
  suspendFitter,
  unpackSuspend,
} from '../../../src/game/reporting/suspendData';
import { loadStarterPack } from '../../support/starterPack';
import { busiestPlay, playedToEnd } from './longestShift';

const SCORM12_LIMIT = 4096;
const { scenarios } = loadStarterPack();
const played = saveSession(playedToEnd());
const busiest = saveSession(busiestPlay());

function restores(save: string) {
  const restored = restoreSession(save, scenarios, lexiconAnalyser);
  if (!restored.ok) throw new Error(restored.problems[0]?.message);
  return restored.value.session;
}

describe('the longest shift within SCORM 1.2', () => {
  it.each([
    ['its playthrough, run to the end', played],
    ['a busy trainee, to the end', busiest],
  ])('packs %s whole within 4,096 characters, and restores', (_, save) => {
    const fitted = fitSuspend(save, SCORM12_LIMIT, saveCutter(scenarios, lexiconAnalyser));
    expect(fitted.outcome).toMatchObject({ kept: 'whole', cutAt: null });
    expect(fitted.data.length).toBe(fitted.outcome.chars);
    expect(fitted.data.length).toBeLessThanOrEqual(SCORM12_LIMIT);
    expect(fitted.data).toMatch(/^ED1:[A-Za-z0-9+/]+={0,2}$/);
    const unpacked = unpackSuspend(fitted.data);
    if (!unpacked.ok) throw new Error(unpacked.problems[0]?.message);
    expect(unpacked.value).toEqual({ save, cutAt: null });
    expect(restores(unpacked.value.save).isOver).toBe(true);
  });
});

describe('a save too large for the field', () => {
  const cut = saveCutter(scenarios, lexiconAnalyser);
  const whole = packSuspend(busiest, null);
  const inputs = (JSON.parse(busiest) as { inputs: unknown[] }).inputs.length;

  it('keeps the longest run of first inputs that fits, and says the game time it reaches', () => {
    const limit = Math.floor(whole.length * 0.8);
    const fitted = fitSuspend(busiest, limit, cut);
    expect(fitted.outcome.kept).toBe('cut');
    expect(fitted.outcome.chars).toBe(fitted.data.length);
    expect(fitted.data.length).toBeLessThanOrEqual(limit);
    const unpacked = unpackSuspend(fitted.data);
    if (!unpacked.ok) throw new Error(unpacked.problems[0]?.message);
    const session = restores(unpacked.value.save);
    expect(unpacked.value.cutAt).toBe(fitted.outcome.cutAt);
    expect(unpacked.value.cutAt).toBe(session.now);
    // The longest that fits: one more input would not.
    const kept = session.inputs.length;
    expect(kept).toBeLessThan(inputs);
    const longer = cut(busiest, kept + 1);
    expect(longer && packSuspend(longer.save, longer.at).length).toBeGreaterThan(limit);
  });

  it('keeps nothing, and says so, when not even the shift before any input fits', () => {
    expect(fitSuspend(busiest, 40, cut)).toEqual({
      data: '',
      outcome: { kept: 'nothing', chars: 0, cutAt: null },
      inputs: 0,
    });
    expect(fitSuspend(busiest, whole.length - 1, null).outcome.kept).toBe('nothing');
  });

  it('cuts each later save of the attempt the same way, without replaying it again', () => {
    let cuts = 0;
    const counted: typeof cut = (save, kept) => {
      cuts += 1;
      return cut(save, kept);
    };
    const fitted = suspendFitter(Math.floor(whole.length * 0.8), counted);
    const earlier = cut(busiest, inputs - 5)?.save ?? '';
    const first = fitted(earlier);
    expect(first.outcome.kept).toBe('cut');
    const replayed = cuts;
    expect(fitted(busiest)).toBe(first);
    expect(cuts).toBe(replayed);
    // Another attempt on the same shift is fitted afresh.
    expect(fitted(played)).not.toBe(first);
    expect(cuts).toBeGreaterThan(replayed);
  });

  it('cannot cut a save that does not restore', () => {
    expect(
      cut(busiest.replace(/"eventsHash":"[0-9a-f]{64}"/, `"eventsHash":"${'0'.repeat(64)}"`), 3),
    ).toBeNull();
  });
});

describe('damaged resume data', () => {
  const packed = packSuspend(played, null);
  const deflated = (text: string | Uint8Array) =>
    SUSPEND_MARKER +
    btoa(
      String.fromCharCode(...deflateSync(typeof text === 'string' ? new TextEncoder().encode(text) : text)),
    );

  it.each([
    ['nothing at all', '', 'empty'],
    ['another format', `ED9:${packed.slice(4)}`, 'unknown-format'],
    ['plain JSON', played, 'unknown-format'],
    ['characters base64 has not', `${SUSPEND_MARKER}not base64!`, 'not-base64'],
    ['base64 cut short', packed.slice(0, -3), 'not-base64'],
    ['base64 that is not deflate', `${SUSPEND_MARKER}${btoa('just some bytes!')}`, 'not-deflate'],
    ['deflate cut short', `${packed.slice(0, 4 + Math.floor((packed.length - 4) / 8) * 4)}`, 'not-deflate'],
    ['bytes that are not UTF-8', deflated(new Uint8Array([0x2d, 0x0a, 0xff, 0xfe])), 'not-text'],
    ['text that is not a save', deflated('-\nnot json'), 'damaged'],
    ['a save with no header', deflated(played), 'damaged'],
    ['a header that is not a time', deflated(`soon\n${played}`), 'damaged'],
  ])('refuses %s', (_, data, code) => {
    const unpacked = unpackSuspend(data);
    expect(unpacked.ok).toBe(false);
    expect(unpacked.problems[0]?.code).toBe(code);
    expect(unpacked.problems[0]?.message).toMatch(/resume data/);
  });

  it('refuses data that would unpack past the largest save, without unpacking it all', () => {
    const bomb = deflated(new Uint8Array(6 * 1024 * 1024).fill(0x20));
    expect(bomb.length).toBeLessThan(64_000);
    expect(unpackSuspend(bomb).problems[0]?.code).toBe('too-large');
  });

  it('never throws, whatever the learning system hands back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        expect(() => unpackSuspend(SUSPEND_MARKER + tail)).not.toThrow();
        expect(() => unpackSuspend(tail)).not.toThrow();
      }),
    );
  });
});
