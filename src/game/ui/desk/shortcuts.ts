/**
 * The desk's keyboard shortcuts: Alt+Shift and a letter, read from the key's position (`code`) so
 * they work on every keyboard layout and never fire while a person types a character. A trainee can
 * turn them all off (WCAG 2.1.4); the help dialog lists them.
 */

import type { Channel } from '../../../core/runtime';

/** What a shortcut does at the desk. */
export type ShortcutAction =
  | 'reply'
  | 'nextCustomer'
  | 'answer'
  | 'hold'
  | 'escalate'
  | 'pause'
  | 'queue'
  | 'help';

/** Every shortcut: the action and the letter pressed with Alt+Shift. */
export const SHORTCUTS: readonly { readonly action: ShortcutAction; readonly key: string }[] = [
  { action: 'reply', key: 'R' },
  { action: 'nextCustomer', key: 'N' },
  { action: 'answer', key: 'A' },
  { action: 'hold', key: 'H' },
  { action: 'escalate', key: 'E' },
  { action: 'pause', key: 'P' },
  { action: 'queue', key: 'Q' },
  { action: 'help', key: 'K' },
];

/** The part of a keyboard event a shortcut reads. */
export interface KeyPress {
  readonly code: string;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}

/** The shortcut a key press asks for, or null (also when shortcuts are turned off). */
export function shortcutFor(press: KeyPress, enabled: boolean): ShortcutAction | null {
  if (!enabled || !press.altKey || !press.shiftKey || press.ctrlKey || press.metaKey) return null;
  const letter = /^Key([A-Z])$/.exec(press.code)?.[1];
  return SHORTCUTS.find((s) => s.key === letter)?.action ?? null;
}

/** How a reply box sends: Enter in a live conversation, Ctrl+Enter in a letter or a note. */
export type SendKey = 'enter' | 'ctrl-enter';

/** How the reply box sends on each channel: Enter in a live conversation, Ctrl+Enter in an email. */
export function sendKeyOf(channel: Channel): SendKey {
  return channel === 'email' ? 'ctrl-enter' : 'enter';
}

/** Whether a key press in a reply box sends it: Enter alone, or Ctrl/Cmd+Enter, never mid-composition. */
export function sends(
  press: KeyPress & { readonly key: string; readonly isComposing?: boolean },
  how: SendKey,
): boolean {
  if (press.key !== 'Enter' || press.isComposing) return false;
  if (how === 'enter') return !press.shiftKey && !press.altKey && !press.ctrlKey && !press.metaKey;
  return press.ctrlKey || press.metaKey;
}
