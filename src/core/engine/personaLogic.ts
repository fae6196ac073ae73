/**
 * How a persona's feelings move. Pure functions of what happened, used by the persona machine and
 * tested on their own. Mood runs from -1 (furious) to +1 (delighted); trust and patience from 0 to 1.
 */
import type { Channel, PromiseEvent, Traits } from '../scenario/types';
import { CHANNEL_RULES } from './channelRules';

/** One minute of game time, in milliseconds. */
export const MINUTE_MS = 60_000;

/** `value` limited to `min`..`max`, both included. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to 1e-6 so feelings stay exactly reproducible when saved as JSON and replayed. */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Mood after a reply of the given tone (-1 rude … +1 warm). Volatile personas swing further; a
 * persona who distrusts the company takes warm words at a discount but feels rudeness in full.
 */
export function moodAfterReply(mood: number, tone: number, traits: Traits, trust: number): number {
  const swing = 0.1 + 0.3 * traits.volatility;
  const belief = tone > 0 ? 0.5 + 0.5 * trust : 1;
  return tidy(clamp(mood + tone * swing * belief, -1, 1));
}

/**
 * Trust after a promise is kept, broken, made or withdrawn (a new promise costs nothing until it is
 * tested; taking one back after the customer heard it costs half of breaking it).
 */
export function trustAfterPromise(trust: number, event: PromiseEvent): number {
  const change = { kept: 0.15, broken: -0.3, made: 0, withdrawn: -0.15 }[event];
  return tidy(clamp(trust + change, 0, 1));
}

/** Mood after a promise event: a broken promise stings more than a kept one pleases. */
export function moodAfterPromise(mood: number, event: PromiseEvent, traits: Traits): number {
  const sting = 0.3 + 0.3 * traits.volatility;
  const change = { kept: 0.2, broken: -sting, made: 0, withdrawn: -sting / 2 }[event];
  return tidy(clamp(mood + change, -1, 1));
}

/**
 * Patience left after waiting `waitedMs` of game time with nobody answering. In a chat or on the
 * phone a persona with patience trait 1 lasts about 40 game minutes from full, one with 0 about 4;
 * social posts wait six times as long and emails thirty-six times.
 */
export function patienceAfterWait(
  patience: number,
  waitedMs: number,
  traits: Traits,
  channel: Channel = 'chat',
): number {
  return tidy(clamp(patience - waitedMs / fullPatienceMs(traits, channel), 0, 1));
}

/** Game milliseconds a persona with full patience waits on a channel before giving up. */
export function fullPatienceMs(traits: Traits, channel: Channel = 'chat'): number {
  return (4 + 36 * traits.patience) * MINUTE_MS * CHANNEL_RULES[channel].patience;
}

/** How long `patience` lasts from now while nobody answers (the inverse of {@link patienceAfterWait}). */
export function patienceLastsMs(patience: number, traits: Traits, channel: Channel = 'chat'): number {
  return Math.ceil(patience * fullPatienceMs(traits, channel));
}

/** Mood sours a little while waiting: a tenth of the patience lost, more for volatile personas. */
export function moodAfterWait(mood: number, patienceLost: number, traits: Traits): number {
  return tidy(clamp(mood - patienceLost * waitMoodRate(traits), -1, 1));
}

/** How much mood sours per unit of patience lost while waiting. */
export function waitMoodRate(traits: Traits): number {
  return 0.1 + 0.2 * traits.volatility;
}

/** Adds a scripted change and keeps the result in range. */
export function nudge(value: number, delta: number, min: number, max: number): number {
  return tidy(clamp(value + delta, min, max));
}

/** True once patience is used up (at or below 0): the point at which a persona walks out. */
export function isPatienceExhausted(patience: number): boolean {
  return patience <= 0;
}
