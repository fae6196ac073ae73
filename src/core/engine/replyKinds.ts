/**
 * What a reply did, as the customer hears it: exactly one tone (warm, neutral, cold or rude, from the
 * analyser's reading), and whether it asked a question, made a promise, repeated an earlier reply, or
 * gave nothing new (a few words with no phrasing beyond a greeting, the name or thanks, no question, no
 * promise and no topic word of the case: "ok", "one moment"). Reactions and `replied:` transitions wait for these. Every judgement here
 * is from the recorded reading and the reply's words, so a replay finds the same kinds.
 */
import { foldText } from '../scenario/foldText';
import { mentionsIn } from '../scenario/mentions';
import { everyTransition } from '../scenario/transitionsOf';
import type { PhraseFamily, ReplyKind, Scenario } from '../scenario/types';
import type { ReplyAnalysis } from './analyser';

/**
 * A tone above this is warm. The customer hears the same bands the learned tone is calibrated and
 * measured on (warm above 0.15, cold below -0.15), so a reply people call warm is answered as warm.
 */
export const WARM_TONE = 0.15;
/** A tone below this is cold. */
export const COLD_TONE = -0.15;
/** A tone at or below this is rude. */
export const RUDE_TONE = -0.5;
/** Replies of at least this many words that share this much of their words with an earlier one repeat it. */
const REPEAT_WORDS = 4;
const REPEAT_OVERLAP = 0.8;
/** A reply longer than this probably says something, though no topic word shows what. */
const NOTHING_NEW_WORDS = 8;

/** Phrasing that is only politeness: it adds nothing to the conversation by itself. */
const POLITENESS: ReadonlySet<PhraseFamily> = new Set(['greeting', 'name', 'thank']);

/** The tone of a reply, as one of the four tone kinds. */
export function toneKind(tone: number): 'warm' | 'neutral' | 'cold' | 'rude' {
  if (tone > WARM_TONE) return 'warm';
  if (tone <= RUDE_TONE) return 'rude';
  if (tone < COLD_TONE) return 'cold';
  return 'neutral';
}

function words(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
}

/**
 * Whether a reply says again what an earlier one to the same customer said: the same words, or nearly
 * all of the same words in a reply long enough for that to mean something.
 */
export function repeats(text: string, previous: readonly string[]): boolean {
  const mine = words(text);
  if (mine.length === 0) return false;
  const set = new Set(mine);
  return previous.some((earlier) => {
    const theirs = words(earlier);
    if (theirs.join(' ') === mine.join(' ')) return true;
    if (mine.length < REPEAT_WORDS || theirs.length < REPEAT_WORDS) return false;
    const other = new Set(theirs);
    let shared = 0;
    for (const w of set) if (other.has(w)) shared += 1;
    return shared / new Set([...set, ...other]).size >= REPEAT_OVERLAP;
  });
}

const topics = new WeakMap<Scenario, Readonly<Record<string, readonly string[]>>>();
/** Every topic word a scenario's script listens for, per language. */
function topicWordsOf(scenario: Scenario): Readonly<Record<string, readonly string[]>> {
  let found = topics.get(scenario);
  if (!found) {
    const merged: Record<string, string[]> = {};
    for (const t of everyTransition(scenario)) {
      if (t.trigger?.kind !== 'mentions') continue;
      for (const [language, list] of Object.entries(t.trigger.words)) {
        merged[language] = [...new Set([...(merged[language] ?? []), ...list])];
      }
    }
    found = merged;
    topics.set(scenario, found);
  }
  return found;
}

/** The kinds of a reply, in a stable order: its tone first. */
export function replyKinds(
  scenario: Scenario,
  reply: {
    readonly text: string;
    readonly language: string;
    readonly analysis: ReplyAnalysis;
    readonly previous: readonly string[];
  },
): ReplyKind[] {
  const kinds: ReplyKind[] = [toneKind(reply.analysis.tone)];
  const question = /[?¿]/.test(reply.text);
  const promise = reply.analysis.promises.length > 0;
  if (question) kinds.push('question');
  if (promise) kinds.push('promise');
  const repeated = repeats(reply.text, reply.previous);
  if (repeated) kinds.push('repeated');
  const saysSomething =
    words(reply.text).length > NOTHING_NEW_WORDS ||
    question ||
    promise ||
    reply.analysis.families.some((f) => !POLITENESS.has(f)) ||
    mentionsIn(topicWordsOf(scenario), foldText(reply.text), reply.language);
  if (!repeated && !saysSomething) kinds.push('nothing-new');
  return kinds;
}
