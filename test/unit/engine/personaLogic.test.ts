/**
 * Golden tables for the persona's feeling formulas: a grid of inputs against a stored snapshot, with
 * the extremes asserted on their own so a change of formula is a visible, reviewed change.
 */
import { describe, expect, it } from 'vitest';
import {
  moodAfterPromise,
  moodAfterReply,
  moodAfterWait,
  patienceAfterWait,
  trustAfterPromise,
} from '../../../src/core/engine/personaLogic';

const traitsGrid = [0, 0.5, 1].flatMap((volatility) =>
  [0, 1].map((patience) => ({ patience, volatility, trust: 0.5 })),
);

describe('persona formulas (golden)', () => {
  it('mood after a reply', () => {
    const rows = [-1, -0.5, 0, 0.5, 1].flatMap((tone) =>
      [0, 1].flatMap((volatility) =>
        [0, 1].map(
          (trust) =>
            `tone ${tone} vol ${volatility} trust ${trust}: ${moodAfterReply(0, tone, { patience: 0.5, volatility, trust }, trust)}`,
        ),
      ),
    );
    expect(rows).toMatchSnapshot();
  });

  it('patience and mood while waiting', () => {
    const rows = traitsGrid.flatMap((traits) =>
      [0, 60_000, 600_000, 3_600_000].map((ms) => {
        const patience = patienceAfterWait(1, ms, traits);
        return `patience-trait ${traits.patience} vol ${traits.volatility} waited ${ms / 60_000}m: patience ${patience} mood ${moodAfterWait(0, 1 - patience, traits)}`;
      }),
    );
    expect(rows).toMatchSnapshot();
  });

  it('promises', () => {
    const rows = (['made', 'kept', 'broken'] as const).flatMap((event) =>
      [0, 1].map(
        (volatility) =>
          `${event} vol ${volatility}: trust ${trustAfterPromise(0.5, event)} mood ${moodAfterPromise(0, event, { patience: 0.5, volatility, trust: 0.5 })}`,
      ),
    );
    expect(rows).toMatchSnapshot();
  });
});

describe('persona formulas at the extremes', () => {
  const calm = { patience: 1, volatility: 0, trust: 1 };
  const fiery = { patience: 0, volatility: 1, trust: 0 };

  it('never leaves the mood range, however many rude or warm replies', () => {
    let low = 0;
    let high = 0;
    for (let i = 0; i < 50; i += 1) {
      low = moodAfterReply(low, -1, fiery, 0);
      high = moodAfterReply(high, 1, calm, 1);
    }
    expect(low).toBe(-1);
    expect(high).toBe(1);
  });

  it('a volatile persona swings four times as far as a steady one', () => {
    expect(moodAfterReply(0, -1, fiery, 0)).toBe(-0.4);
    expect(moodAfterReply(0, -1, calm, 1)).toBe(-0.1);
  });

  it('a distrustful persona takes warm words at half value but rudeness in full', () => {
    expect(moodAfterReply(0, 1, fiery, 0)).toBe(0.2);
    expect(moodAfterReply(0, -1, fiery, 0)).toBe(-0.4);
  });

  it('patience runs out in 4 game minutes for the least patient and 40 for the most', () => {
    expect(patienceAfterWait(1, 4 * 60_000, fiery)).toBe(0);
    expect(patienceAfterWait(1, 40 * 60_000, calm)).toBe(0);
    expect(patienceAfterWait(1, 20 * 60_000, calm)).toBe(0.5);
    expect(patienceAfterWait(0, 0, calm)).toBe(0);
  });

  it('a broken promise costs twice the trust a kept one earns, and trust stays in range', () => {
    expect(trustAfterPromise(0.5, 'kept')).toBe(0.65);
    expect(trustAfterPromise(0.5, 'broken')).toBe(0.2);
    expect(trustAfterPromise(0.1, 'broken')).toBe(0);
    expect(trustAfterPromise(0.95, 'kept')).toBe(1);
    expect(trustAfterPromise(0.5, 'made')).toBe(0.5);
  });
});
