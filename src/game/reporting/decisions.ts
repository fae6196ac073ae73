/**
 * The decisions a trainee made in an attempt, read from its scorecard: each reply, each promise (made
 * in the promise tracker or found in the words of a reply), each escalation and each resolution, with
 * what the trainee did, when, and what the scorecard's evidence made of it. A learning system gets one
 * interaction per decision; the shape knows no standard, so SCORM and later xAPI map the same list.
 * Nothing here judges again: the result of a decision is the sum of the points its evidence carries.
 */
import { gameDate } from '../../core/analysis/gameClock';
import type { Evidence, LogEntry, Scorecard } from '../../core/runtime';

/** What kind of decision it was. */
export type DecisionKind = 'reply' | 'promise' | 'escalation' | 'resolution';

/** How the scorecard judged a decision: its evidence summed above zero, below zero, or to nothing. */
export type DecisionResult = 'correct' | 'wrong' | 'neutral';

/** One decision of the trainee, as a learning system is told of it. */
export interface Decision {
  /**
   * Stable across reports of the same attempt and safe as an identifier in every standard (letters,
   * digits and hyphens): the contact, the kind and the log entry, e.g. `c1-reply-12`.
   */
  readonly id: string;
  readonly kind: DecisionKind;
  /** The contact it was made with (`c1`, `c2`, …). */
  readonly contact: string;
  /** The id of that contact's scenario. */
  readonly scenario: string;
  /** Game time in milliseconds since the shift began. */
  readonly at: number;
  /** What the trainee did, in full: the reply's words, the promise and its due time, the tier and note. */
  readonly response: string;
  /** The language the trainee replied in, for a reply; null for the other kinds. */
  readonly language: string | null;
  readonly result: DecisionResult;
  /** The keys of the evidence that judged it, the most points (either way) first, each once. */
  readonly evidenceKeys: readonly string[];
  /** The points its evidence carries, summed (to one decimal). */
  readonly points: number;
}

type InputEntry = Extract<LogEntry, { kind: 'input' }>;
type EventEntry = Extract<LogEntry, { kind: 'event' }>;
type TraineeIntent = Extract<InputEntry['input'], { type: 'trainee.intent' }>['intent'];

type Span = { readonly start: number; readonly end: number };

interface Draft {
  readonly decision: Omit<Decision, 'result' | 'evidenceKeys' | 'points'>;
  readonly evidence: Evidence[];
}

const KIND_OF_INTENT: Partial<Record<TraineeIntent['type'], DecisionKind>> = {
  reply: 'reply',
  promise: 'promise',
  escalate: 'escalation',
  // Offering a refund, a replacement, a payment… is how a trainee resolves a case within their
  // authority; closing it as resolved is the other way.
  offer: 'resolution',
  resolve: 'resolution',
};

/** Game time as the desk's clock shows it (`HH:MM`, the shift beginning at 09:00). */
function clock(gameMs: number): string {
  return gameDate(gameMs).toISOString().slice(11, 16);
}

function dueText(dueAt: number | null): string {
  return dueAt === null ? 'with no time given' : `due ${clock(dueAt)}`;
}

function responseOf(intent: TraineeIntent): string {
  switch (intent.type) {
    case 'reply':
      return intent.text;
    case 'promise':
      return `${intent.what} promise ${dueText(intent.dueAt)}${intent.text ? `: ${intent.text}` : ''}`;
    case 'escalate':
      return `escalated to tier ${intent.tier}: ${intent.note.trim() || '(no handoff note)'}`;
    case 'offer':
      return `offered ${intent.kind}${intent.amount === null ? '' : ` ${intent.amount}`}`;
    case 'resolve':
      return 'resolved the case';
    default:
      return intent.type;
  }
}

function promiseKey(contact: string, promise: string): string {
  return `${contact}/${promise}`;
}

function sumPoints(evidence: readonly Evidence[]): number {
  return Math.round(evidence.reduce((sum, e) => sum + e.points, 0) * 10) / 10;
}

function keysByWeight(evidence: readonly Evidence[]): string[] {
  const ordered = evidence
    .map((e, i) => ({ key: e.key, weight: Math.abs(e.points), i }))
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  return [...new Set(ordered.map((e) => e.key))];
}

/**
 * The trainee's decisions in a scorecard, in the order they were made, each judged by the evidence
 * that points at it: evidence on a reply's or action's log entry, on an event that entry caused (the
 * handoff an escalation sent, the ending a resolution brought), or, for a promise, on its being made,
 * kept, broken or withdrawn. Evidence no decision caused (a customer who walked out while waiting, a
 * greeting never said) judges the contact, not a decision, and is left out. Intents the engine refused
 * changed nothing and are not decisions.
 */
export function decisionsOf(scorecard: Scorecard): Decision[] {
  const scenarioOf = new Map<string, string>();
  const causeOf = new Map<number, number>();
  const entryAt = new Map<number, LogEntry>();
  const refused = new Set<number>();
  let lastInput: InputEntry | null = null;
  for (const entry of scorecard.log) {
    entryAt.set(entry.seq, entry);
    if (entry.kind === 'input') {
      lastInput = entry;
      continue;
    }
    // The engine answers each input with the events it causes, before it takes the next input.
    if (lastInput) causeOf.set(entry.seq, lastInput.seq);
    if (entry.event.type === 'contact.arrived') scenarioOf.set(entry.event.contact, entry.event.scenario);
    if (entry.event.type === 'intent.refused' && lastInput) refused.add(lastInput.seq);
  }

  const drafts: Draft[] = [];
  const bySeq = new Map<number, Draft>();
  const byPromise = new Map<string, Draft>();
  /** The promises found in each reply's words, by the reply's log entry, with where the words are. */
  const inWords = new Map<number, { readonly span: Span; readonly draft: Draft }[]>();
  const add = (seq: number, decision: Draft['decision']): Draft => {
    const draft: Draft = { decision, evidence: [] };
    drafts.push(draft);
    bySeq.set(seq, draft);
    return draft;
  };

  for (const entry of scorecard.log) {
    if (entry.kind === 'input') {
      if (entry.input.type !== 'trainee.intent' || refused.has(entry.seq)) continue;
      const intent = entry.input.intent;
      const kind = KIND_OF_INTENT[intent.type];
      if (!kind) continue;
      add(entry.seq, {
        id: `${intent.contact}-${kind}-${entry.seq}`,
        kind,
        contact: intent.contact,
        scenario: scenarioOf.get(intent.contact) ?? '',
        at: intent.at,
        response: responseOf(intent),
        language: intent.type === 'reply' ? intent.language : null,
      });
      continue;
    }
    if (entry.event.type !== 'promise.made') continue;
    const made = entry.event;
    const cause = causeOf.get(entry.seq);
    const causing = cause === undefined ? undefined : bySeq.get(cause);
    if (causing?.decision.kind === 'promise') {
      // Made in the promise tracker: the promise decision is the intent itself.
      byPromise.set(promiseKey(made.contact, made.promise), causing);
      continue;
    }
    // Found in the words of a reply: a promise of its own, beside the reply it was said in.
    const source = cause === undefined ? undefined : entryAt.get(cause);
    const said =
      source?.kind === 'input' &&
      source.input.type === 'trainee.intent' &&
      source.input.intent.type === 'reply'
        ? source.input.intent.text
        : '';
    const words = made.span ? said.slice(made.span.start, made.span.end).trim() : '';
    const draft = add(entry.seq, {
      id: `${made.contact}-promise-${entry.seq}`,
      kind: 'promise',
      contact: made.contact,
      scenario: scenarioOf.get(made.contact) ?? '',
      at: made.at,
      response: `${made.what} promise ${dueText(made.dueAt)}${words ? `: ${words}` : ''}`,
      language: null,
    });
    byPromise.set(promiseKey(made.contact, made.promise), draft);
    if (cause !== undefined && made.span)
      inWords.set(cause, [...(inWords.get(cause) ?? []), { span: made.span, draft }]);
  }

  const owner = (e: Evidence & { readonly seq: number }): Draft | undefined => {
    const { seq, span } = e;
    // The terms of a promise made in words (vague, specific, still open…) are marked on its reply, at
    // the promise's words: they judge the promise, not the rest of the reply.
    if (span && e.key.startsWith('promises.')) {
      const promised = inWords.get(seq)?.find((p) => p.span.start < span.end && span.start < p.span.end);
      if (promised) return promised.draft;
    }
    const entry = entryAt.get(seq);
    if (entry?.kind === 'event' && 'promise' in entry.event && entry.event.type.startsWith('promise.')) {
      const event = entry.event as Extract<EventEntry['event'], { promise: string }>;
      return byPromise.get(promiseKey(event.contact, event.promise));
    }
    const direct = bySeq.get(seq);
    if (direct) return direct;
    const cause = causeOf.get(seq);
    return cause === undefined ? undefined : bySeq.get(cause);
  };

  for (const contact of scorecard.score.contacts) {
    const evidence = [...Object.values(contact.dimensions).flatMap((d) => d.evidence), ...contact.critical];
    for (const e of evidence) {
      if (e.seq === null) continue;
      const draft = owner({ ...e, seq: e.seq });
      if (draft && draft.decision.contact === contact.contact) draft.evidence.push(e);
    }
  }

  return drafts.map(({ decision, evidence }) => {
    const points = sumPoints(evidence);
    const result: DecisionResult = points > 0 ? 'correct' : points < 0 ? 'wrong' : 'neutral';
    return { ...decision, result, evidenceKeys: keysByWeight(evidence), points };
  });
}
