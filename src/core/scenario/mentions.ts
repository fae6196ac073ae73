/**
 * Topic words, the `mentions:` event: what makes a word usable, how the compiler folds it, and how the
 * engine finds it in a reply. A word matches whole words only, ignoring case and accents; a word ending
 * in `*` matches any word that starts with it (`reset*`: reset, resets, resetting); the words of a
 * phrase may be separated by any spaces (`reset link`).
 */
import { foldText } from './foldText';

/** The fewest letters before a `*`: shorter stems match too many unrelated words. */
export const MIN_STEM = 3;

/** Why a topic word as written cannot be used, or null when it can. */
export function mentionProblem(word: string): string | null {
  const trimmed = word.trim();
  if (trimmed === '') return 'is empty';
  const star = trimmed.indexOf('*');
  if (star !== -1 && star !== trimmed.length - 1) return 'has a `*` before its end; `*` may only end a word';
  const stem = star === -1 ? trimmed : trimmed.slice(0, -1).trim();
  if (!/[\p{L}\p{N}]/u.test(stem)) return 'has no letters or digits';
  if (star !== -1 && [...stem.replace(/[^\p{L}\p{N}]/gu, '')].length < MIN_STEM) {
    return `has fewer than ${MIN_STEM} letters before its \`*\`, so it would match too many words`;
  }
  return null;
}

/** A topic word as the engine matches it: folded, its spaces collapsed to one. */
export function foldMention(word: string): string {
  return foldText(word.trim()).replace(/\s+/g, ' ');
}

const WORD = '[\\p{L}\\p{N}]';
const patterns = new Map<string, RegExp>();

/** The pattern that finds any of these folded topic words, as whole words, in a folded reply. */
export function mentionPattern(words: readonly string[]): RegExp {
  const key = words.join('\n');
  let pattern = patterns.get(key);
  if (!pattern) {
    const alternatives = words.map((word) => {
      const stem = word.endsWith('*');
      const body = (stem ? word.slice(0, -1) : word)
        .split(' ')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('\\s+');
      return stem ? `${body}${WORD}*` : body;
    });
    pattern = new RegExp(`(?<!${WORD})(?:${alternatives.join('|')})(?!${WORD})`, 'u');
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Whether a reply in `language`, already folded, mentions one of the topic words for that language. */
export function mentionsIn(
  words: Readonly<Record<string, readonly string[]>>,
  folded: string,
  language: string,
): boolean {
  const list = words[language];
  return list !== undefined && list.length > 0 && mentionPattern(list).test(folded);
}
