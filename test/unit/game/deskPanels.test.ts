/**
 * What the desk's panels read, without a browser: the keyboard shortcuts and how a reply box sends,
 * the queue's patience words and outcomes, an escalated tier's answer in the conversation (read once
 * per state of the transcript), where the attempt stands for ending it, and when the shift's clock
 * says it is ending.
 */
import { describe, expect, it } from 'vitest';
import { Attempt } from '../../../src/game/attempt/Attempt';
import { attemptEnd, conversation, patienceWord, queue } from '../../../src/game/attempt/deskView';
import { durationText } from '../../../src/game/services';
import { conversationNow } from '../../../src/game/ui/desk/deskContext';
import { sendKeyOf, sends, shortcutFor } from '../../../src/game/ui/desk/shortcuts';
import { shiftEndingAt } from '../../../src/game/ui/desk/topBar';
import { escalateAndEnd, memoryWorld, practiceSettings } from '../../support/memoryAttempt';

const press = (
  code: string,
  mods: Partial<Record<'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey', boolean>>,
) => ({
  code,
  altKey: false,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('answer Alt+Shift and a letter by its position, and nothing else', () => {
    expect(shortcutFor(press('KeyR', { altKey: true, shiftKey: true }), true)).toBe('reply');
    expect(shortcutFor(press('KeyK', { altKey: true, shiftKey: true }), true)).toBe('help');
    // Typing a capital, or Alt alone (menus on some systems), is not a shortcut.
    expect(shortcutFor(press('KeyR', { shiftKey: true }), true)).toBeNull();
    expect(shortcutFor(press('KeyR', { altKey: true }), true)).toBeNull();
    expect(shortcutFor(press('KeyR', { altKey: true, shiftKey: true, ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(press('KeyZ', { altKey: true, shiftKey: true }), true)).toBeNull();
  });

  it('are all silent once the trainee turns them off', () => {
    expect(shortcutFor(press('KeyR', { altKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('send a live conversation on Enter and a letter on Ctrl+Enter, never mid-composition', () => {
    const enter = (mods = {}) => ({ ...press('Enter', mods), key: 'Enter' });
    expect(sendKeyOf('chat')).toBe('enter');
    expect(sendKeyOf('phone')).toBe('enter');
    expect(sendKeyOf('social')).toBe('enter');
    expect(sendKeyOf('email')).toBe('ctrl-enter');
    expect(sends(enter(), 'enter')).toBe(true);
    expect(sends(enter({ shiftKey: true }), 'enter')).toBe(false);
    expect(sends({ ...enter(), isComposing: true }, 'enter')).toBe(false);
    expect(sends(enter(), 'ctrl-enter')).toBe(false);
    expect(sends(enter({ ctrlKey: true }), 'ctrl-enter')).toBe(true);
    expect(sends(enter({ metaKey: true }), 'ctrl-enter')).toBe(true);
  });
});

describe('the queue', () => {
  it('puts patience in words at its edges', () => {
    expect(patienceWord(1)).toBe('calm');
    expect(patienceWord(0.5)).toBe('calm');
    expect(patienceWord(0.49)).toBe('impatient');
    expect(patienceWord(0.2)).toBe('impatient');
    expect(patienceWord(0.19)).toBe('leaving');
    expect(patienceWord(0)).toBe('leaving');
  });
});

describe('an escalated case', () => {
  const world = memoryWorld();
  const settings = practiceSettings('invoices-for-the-accountant');

  it('shows the tier’s answer as a colleague’s line after the handoff, and the case waits on the tier', () => {
    const attempt = Attempt.start(world, settings, 3);
    escalateAndEnd(attempt);
    expect(queue(attempt.session, world.scenarios)[0]).toMatchObject({ status: 'ended', waitingOnTier: 2 });
    expect(conversation(attempt.session, 'c1', 'en').some((l) => l.from === 'colleague')).toBe(false);
    expect(attemptEnd(attempt.session)).toMatchObject({ allEnded: true, over: false });

    attempt.skip();
    const lines = conversation(attempt.session, 'c1', 'es');
    const answer = lines.find((l) => l.from === 'colleague');
    expect(answer).toMatchObject({ tier: 2 });
    // In the trainee's language, after everything said before it.
    expect(answer?.text).toMatch(/^Las copias de facturas son una consulta de nivel 1/);
    expect(lines.at(-1)?.seq).toBeGreaterThanOrEqual(answer?.seq ?? Number.POSITIVE_INFINITY);
    expect(queue(attempt.session, world.scenarios)[0]).toMatchObject({ waitingOnTier: null });
    expect(attemptEnd(attempt.session).over).toBe(true);
  });

  it('is read again for the desk only once the transcript has grown', () => {
    const attempt = Attempt.start(world, settings, 3);
    const before = conversationNow(attempt.session, 'c1', 'en');
    expect(conversationNow(attempt.session, 'c1', 'en')).toBe(before);
    expect(before).toEqual(conversation(attempt.session, 'c1', 'en'));
    escalateAndEnd(attempt);
    attempt.skip();
    const after = conversationNow(attempt.session, 'c1', 'en');
    expect(after).toEqual(conversation(attempt.session, 'c1', 'en'));
    expect(after.some((l) => l.from === 'colleague')).toBe(true);
    expect(conversationNow(attempt.session, 'c1', 'es')).toEqual(conversation(attempt.session, 'c1', 'es'));
  });
});

describe('the shift clock', () => {
  const hour = 3_600_000;

  it('says the shift is ending in its last tenth, until it is over; a shift without an end never is', () => {
    expect(shiftEndingAt(hour, 0, false)).toBeNull();
    expect(shiftEndingAt(hour, 54 * 60_000 - 1, false)).toBeNull();
    expect(shiftEndingAt(hour, 54 * 60_000, false)).toBe(hour);
    expect(shiftEndingAt(hour, hour - 1, false)).toBe(hour);
    expect(shiftEndingAt(hour, hour - 1, true)).toBeNull();
    expect(shiftEndingAt(null, 10 * hour, false)).toBeNull();
  });
});

describe('a span of game time in words', () => {
  it('is in seconds under a minute, minutes under ninety, then hours', () => {
    expect(durationText(0, 'en')).toBe('0 sec');
    expect(durationText(40_000, 'en')).toBe('40 sec');
    expect(durationText(45 * 60_000, 'en')).toBe('45 min');
    expect(durationText(3 * 3_600_000, 'es')).toBe('3 h');
  });
});
