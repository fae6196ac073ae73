/**
 * Reading a handoff note: which facts of the case it carries. A fact counts as carried when at least
 * half of the significant words of its value, in any of the scenario's languages, appear in the note
 * (numbers always count as significant), so "charged twice, €84.90 each, order 5521" carries the
 * order number however the trainee phrases the rest.
 */

import { foldText } from '../scenario/foldText';
import type { Fact } from '../scenario/types';

const STOP_WORDS = new Set(
  'the and for with from that this your you are was were has have had not but los las del por con para una uno que sus les este esta'.split(
    ' ',
  ),
);

function significantWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => (w.length >= 3 || /\d/.test(w)) && !STOP_WORDS.has(w));
}

/** Whether a handoff note carries one fact. */
export function noteCarries(note: string, fact: Fact): boolean {
  const words = new Set(significantWords(note));
  return Object.values(fact.value).some((value) => {
    const wanted = significantWords(value);
    if (wanted.length === 0) return false;
    const found = wanted.filter((w) => words.has(w)).length;
    return found * 2 >= wanted.length;
  });
}

/** The ids of the facts a note carries, in the order the case lists them. */
export function readNote(note: string, facts: readonly Fact[]): string[] {
  if (note.trim() === '') return [];
  return facts.filter((fact) => noteCarries(note, fact)).map((fact) => fact.id);
}
