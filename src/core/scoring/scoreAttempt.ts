/**
 * The rubric: one pure function from the scenarios and a transcript to the scores of an attempt. Each
 * contact is scored on the ten dimensions (empathy phrasing, keeping promises and choosing the right
 * tier first, then the seven service habits); every point carries its evidence (the transcript entry,
 * and for words the span), and each weak dimension yields a tip. A shift's score aggregates its
 * contacts. The debrief, the manager view and any report are projections of this result.
 */
import { analyseReply, type EffectReason, type FullReplyAnalysis } from '../analysis/analyseReply';
import type { Intent } from '../engine/intents';
import type { Transcript } from '../engine/session';
import { DIMENSIONS } from '../scenario/schema';
import type { Dimension, Scenario, ScoringRules } from '../scenario/types';
import { type ContactRecord, type IntentAt, readAttempt } from './readAttempt';
import {
  availabilityPoints,
  BASE,
  clampScore,
  ENDING_POINTS,
  escalationTimingPoints,
  FAMILY_DIMENSION,
  type Grade,
  gradeFor,
  listeningPoints,
  noteCarries,
  overallScore,
  PROMISE_POINTS,
  phrasePoints,
  silencePoints,
  TIER_POINTS,
  TIP_BELOW,
  tierDecision,
} from './scoringRules';

/** Every key a piece of evidence can carry, besides `phrase.<reason>` for words the analyser found. */
export const EVIDENCE_KEYS = [
  'empathy.noReplies',
  'empathy.noAcknowledgement',
  'promises.made',
  'promises.specific',
  'promises.vague',
  'promises.kept',
  'promises.keptTyped',
  'promises.keptByResolution',
  'promises.broken',
  'promises.brokenTyped',
  'promises.open',
  'promises.pastDeadline',
  'promises.beforeTierAnswers',
  'tier.resolvedYourself',
  'tier.notResolved',
  'tier.rightTier',
  'tier.neverEscalated',
  'tier.underEscalated',
  'tier.overEscalated',
  'tier.onTime',
  'tier.late',
  'tier.noteCarries',
  'tier.noteMissing',
  'tier.emptyNote',
  'availability.firstAnswer',
  'availability.neverAnswered',
  'attention.greeting',
  'attention.noGreeting',
  'attention.name',
  'attention.noName',
  'attention.noReplies',
  'listening.learnt',
  'listening.missed',
  'listening.askedAgain',
  'problem_solving.ending',
  'problem_solving.unfinished',
  'problem_solving.rightResolution',
  'problem_solving.otherResolution',
  'problem_solving.beyondAuthority',
  'problem_solving.reproduced',
  'problem_solving.notReproduced',
  'responsiveness.silence',
  'responsiveness.longHold',
  'professionalism.rudeTone',
  'follow_up.scheduled',
  'follow_up.missing',
] as const;

/** The reasons a phrase effect can have, as evidence keys (`phrase.negated`, …). */
export const PHRASE_KEYS = [
  'phrase.matched',
  'phrase.negated',
  'phrase.softened',
  'phrase.repeated',
  'phrase.beyond-authority',
  'phrase.capitals',
] as const satisfies readonly `phrase.${EffectReason}`[];

/** A key that explains a piece of evidence; the debrief holds a text for each. */
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number] | (typeof PHRASE_KEYS)[number];

/**
 * The keys a tip can carry: evidence that costs points or says what was missing, and a general tip per
 * dimension for a weak score with no single cause.
 */
export const TIP_KEYS: readonly string[] = [
  ...EVIDENCE_KEYS.filter(
    (k) =>
      ![
        'promises.made',
        'promises.specific',
        'promises.kept',
        'promises.keptTyped',
        'promises.keptByResolution',
        'tier.resolvedYourself',
        'tier.rightTier',
        'tier.onTime',
        'tier.noteCarries',
        'attention.greeting',
        'attention.name',
        'listening.learnt',
        'problem_solving.rightResolution',
        'problem_solving.reproduced',
        'follow_up.scheduled',
      ].includes(k),
  ),
  ...PHRASE_KEYS,
  ...DIMENSIONS.map((d) => `${d}.general`),
];

/** Bumped whenever a change to the rubric could give a recorded transcript a different score. */
export const RUBRIC_VERSION = '1.0.0';

/**
 * One reason for points: how many (signed), a key that explains it (`promises.broken`,
 * `phrase.negated`, …) with the values its explanation needs, the transcript entry it comes from, and,
 * for words, their span in that reply.
 */
export interface Evidence {
  readonly points: number;
  readonly key: EvidenceKey;
  readonly seq: number | null;
  readonly span: { readonly start: number; readonly end: number } | null;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A dimension's score (0–100, or null where it does not apply), its weight and its evidence. */
export interface DimensionScore {
  readonly score: number | null;
  readonly weight: number;
  readonly evidence: readonly Evidence[];
}

/** A concrete next step for a weak dimension, pointing at the moment it is about. */
export interface Tip {
  readonly dimension: Dimension;
  readonly key: string;
  readonly seq: number | null;
  readonly params: Readonly<Record<string, string | number>>;
}

/** One contact's scores. */
export interface ContactScore {
  readonly contact: string;
  readonly scenario: string;
  readonly ending: string | null;
  readonly dimensions: Readonly<Record<Dimension, DimensionScore>>;
  readonly overall: number | null;
  readonly grade: Grade | null;
  readonly tips: readonly Tip[];
}

/** An attempt's scores: each contact's, and the shift's (each dimension the mean of its contacts'). */
export interface AttemptScore {
  readonly contacts: readonly ContactScore[];
  readonly dimensions: Readonly<
    Record<Dimension, { readonly score: number | null; readonly weight: number }>
  >;
  readonly overall: number | null;
  readonly grade: Grade | null;
  readonly tips: readonly Tip[];
}

/** Evidence that is worth no points but says what was missing: it can still be a dimension's tip. */
const MISSED = new Set<string>([
  'attention.noGreeting',
  'attention.noName',
  'listening.missed',
  'promises.open',
  'tier.noteMissing',
  'tier.notResolved',
]);

const MAX_TIPS = 5;

type Reply = IntentAt<Extract<Intent, { type: 'reply' }>> & { readonly analysis: FullReplyAnalysis };

class Card {
  private readonly evidence = new Map<Dimension, Evidence[]>();
  private readonly skipped = new Set<Dimension>();

  add(
    dimension: Dimension,
    points: number,
    key: EvidenceKey,
    seq: number | null,
    extra: Partial<Evidence> = {},
  ): void {
    const list = this.evidence.get(dimension) ?? [];
    list.push({ points, key, seq, span: extra.span ?? null, params: extra.params ?? {} });
    this.evidence.set(dimension, list);
  }

  skip(dimension: Dimension): void {
    this.skipped.add(dimension);
  }

  result(rules: ScoringRules): Record<Dimension, DimensionScore> {
    return Object.fromEntries(
      DIMENSIONS.map((d) => {
        const evidence = this.evidence.get(d) ?? [];
        const score = this.skipped.has(d)
          ? null
          : clampScore(evidence.reduce((sum, e) => sum + e.points, BASE[d]));
        return [d, { score, weight: rules.weights[d], evidence }];
      }),
    ) as unknown as Record<Dimension, DimensionScore>;
  }
}

const isType =
  <T extends Intent['type']>(type: T) =>
  (i: IntentAt): i is IntentAt<Extract<Intent, { type: T }>> =>
    i.intent.type === type;

function minutes(ms: number): number {
  return Math.round(ms / 6_000) / 10;
}

function analyseReplies(record: ContactRecord, scenario: Scenario): Reply[] {
  const previous: string[] = [];
  const limits = scenario.tiers[scenario.traineeTier - 1]?.limits ?? null;
  return record.intents.filter(isType('reply')).map((reply) => {
    const analysis = analyseReply(reply.intent.text, {
      language: reply.intent.language,
      customerName: scenario.persona.name,
      previous: [...previous],
      now: reply.intent.at,
      limits,
    });
    previous.push(reply.intent.text);
    return { ...reply, analysis };
  });
}

function scorePhrases(card: Card, replies: readonly Reply[]): void {
  for (const reply of replies) {
    for (const effect of reply.analysis.effects) {
      const dimension = FAMILY_DIMENSION[effect.family];
      if (dimension === 'attention' || effect.weight === 0) continue;
      const factor = dimension === 'professionalism' ? 2 : 1;
      const [family, reason] = effect.key.split('.');
      card.add(
        dimension,
        phrasePoints(effect.weight) * factor,
        `phrase.${reason}` as EvidenceKey,
        reply.seq,
        {
          span: { start: effect.start, end: effect.end },
          params: {
            family: family ?? effect.family,
            words: reply.analysis.text.slice(effect.start, effect.end),
          },
        },
      );
    }
    if (reply.analysis.tone <= -0.6) {
      card.add('professionalism', -10, 'professionalism.rudeTone', reply.seq, {
        params: { tone: reply.analysis.tone },
      });
    }
  }
}

function scoreEmpathy(card: Card, replies: readonly Reply[], scenario: Scenario): void {
  if (replies.length === 0) {
    card.add('empathy', -BASE.empathy, 'empathy.noReplies', null);
    return;
  }
  const early = replies.slice(0, 2);
  const acknowledged = early.some((r) =>
    r.analysis.effects.some(
      (e) =>
        e.weight > 0 && (e.family === 'acknowledge' || e.family === 'validate' || e.family === 'apologise'),
    ),
  );
  if (scenario.persona.mood < -0.2 && !acknowledged) {
    card.add('empathy', -15, 'empathy.noAcknowledgement', replies[0]?.seq ?? null);
  }
}

function scoreAttention(card: Card, replies: readonly Reply[]): void {
  const first = replies[0];
  if (!first) {
    card.add('attention', -BASE.attention, 'attention.noReplies', null);
    return;
  }
  const greeting = first.analysis.effects.find((e) => e.family === 'greeting' && e.weight > 0);
  if (greeting) {
    card.add('attention', 30, 'attention.greeting', first.seq, {
      span: { start: greeting.start, end: greeting.end },
      params: { words: first.analysis.text.slice(greeting.start, greeting.end) },
    });
  } else card.add('attention', 0, 'attention.noGreeting', first.seq);
  const named = replies.find((r) => r.analysis.effects.some((e) => e.family === 'name'));
  const name = named?.analysis.effects.find((e) => e.family === 'name');
  if (named && name) {
    card.add('attention', 30, 'attention.name', named.seq, {
      span: { start: name.start, end: name.end },
      params: { words: named.analysis.text.slice(name.start, name.end) },
    });
  } else card.add('attention', 0, 'attention.noName', null);
}

const TEXT_PROMISE_MATCH_MS = 2 * 60_000;

function scorePromises(card: Card, record: ContactRecord, replies: readonly Reply[], endedAt: number): void {
  const formal = record.intents.filter(isType('promise'));
  const made = record.promises.filter((p) => p.event.type === 'promise.made');
  const overpromises = replies.some((r) => r.analysis.effects.some((e) => e.family === 'overpromise'));
  const typed = replies.flatMap((r) => r.analysis.promises.map((promise) => ({ reply: r, promise })));
  if (formal.length === 0 && typed.length === 0 && !overpromises) {
    card.skip('promises');
    return;
  }
  const handoffs = record.handoffs;
  const tooEarly = (at: number, dueAt: number) =>
    handoffs.some((h) => h.event.at <= at && h.event.answerAt > dueAt);

  formal.forEach((p, i) => {
    const event = made[i];
    const due = { due: p.intent.dueAt, what: p.intent.what };
    card.add('promises', PROMISE_POINTS.made, 'promises.made', p.seq, { params: due });
    if (tooEarly(p.intent.at, p.intent.dueAt)) {
      card.add('promises', PROMISE_POINTS.beforeTierAnswers, 'promises.beforeTierAnswers', p.seq, {
        params: due,
      });
    }
    const id = event?.event.promise;
    const outcome = record.promises.find(
      (o) => o.event.promise === id && (o.event.type === 'promise.kept' || o.event.type === 'promise.broken'),
    );
    if (outcome?.event.type === 'promise.kept') {
      card.add('promises', PROMISE_POINTS.kept, 'promises.kept', outcome.seq, { params: due });
    } else if (outcome?.event.type === 'promise.broken') {
      card.add('promises', PROMISE_POINTS.broken, 'promises.broken', outcome.seq, { params: due });
    } else card.add('promises', 0, 'promises.open', p.seq, { params: due });
  });

  const later = record.intents;
  for (const { reply, promise } of typed) {
    const at = reply.intent.at;
    const span = { start: promise.start, end: promise.end };
    const words = reply.analysis.text.slice(promise.start, promise.end);
    // A typed promise put on the tracker straight away is the same promise: the tracker scores it.
    if (formal.some((p) => Math.abs(p.intent.at - at) <= TEXT_PROMISE_MATCH_MS)) continue;
    if (promise.dueAt === null) {
      card.add('promises', PROMISE_POINTS.vague, 'promises.vague', reply.seq, { span, params: { words } });
      continue;
    }
    const params = { words, due: promise.dueAt };
    card.add('promises', PROMISE_POINTS.specific, 'promises.specific', reply.seq, { span, params });
    if (promise.dueAt <= at) {
      card.add('promises', PROMISE_POINTS.pastDeadline, 'promises.pastDeadline', reply.seq, { span, params });
      continue;
    }
    if (tooEarly(at, promise.dueAt)) {
      card.add('promises', PROMISE_POINTS.beforeTierAnswers, 'promises.beforeTierAnswers', reply.seq, {
        span,
        params,
      });
    }
    const heardAgain = later.find((i) => i.intent.at > at && i.intent.at <= (promise.dueAt ?? 0));
    const resolved =
      record.ended !== null &&
      record.ended.event.at <= promise.dueAt &&
      (record.ending === 'satisfied' || record.ending === 'neutral');
    if (heardAgain)
      card.add('promises', PROMISE_POINTS.kept, 'promises.keptTyped', heardAgain.seq, { params });
    else if (resolved)
      card.add('promises', PROMISE_POINTS.kept, 'promises.keptByResolution', record.ended?.seq ?? null, {
        params,
      });
    else if (endedAt > promise.dueAt)
      card.add('promises', PROMISE_POINTS.broken, 'promises.brokenTyped', reply.seq, { span, params });
    else card.add('promises', 0, 'promises.open', reply.seq, { span, params });
  }
}

function neededLevel(record: ContactRecord, scenario: Scenario): { level: number; knownAt: number } {
  let level = scenario.level;
  let knownAt = record.opened?.event.at ?? record.arrived.event.at;
  for (const raised of record.levelRaised) {
    if (raised.event.level > level) {
      level = raised.event.level;
      knownAt = raised.event.at;
    }
  }
  return { level, knownAt };
}

function scoreTier(card: Card, record: ContactRecord, scenario: Scenario): void {
  const { level, knownAt } = neededLevel(record, scenario);
  const escalations = record.intents.filter(isType('escalate'));
  const highest = escalations.reduce<IntentAt<Extract<Intent, { type: 'escalate' }>> | null>(
    (best, e) => (best === null || e.intent.tier > best.intent.tier ? e : best),
    null,
  );
  const resolvedWell = record.ending === 'satisfied' || record.ending === 'neutral';
  const decision = tierDecision(level, scenario.traineeTier, highest?.intent.tier ?? null, resolvedWell);
  card.add('tier', decision.points, decision.key, highest?.seq ?? record.ended?.seq ?? null, {
    params: { needed: level, chosen: highest?.intent.tier ?? scenario.traineeTier },
  });
  if (!highest || level <= scenario.traineeTier) return;
  const reaching = escalations.find((e) => e.intent.tier >= level);
  if (reaching) {
    const delay = Math.max(0, reaching.intent.at - knownAt);
    const points = escalationTimingPoints(delay, record.channel);
    card.add('tier', points, points > 0 ? 'tier.onTime' : 'tier.late', reaching.seq, {
      params: { minutes: minutes(delay) },
    });
  }
  const required = scenario.expected.handoff
    .map((id) => scenario.facts.find((f) => f.id === id))
    .filter((f) => f !== undefined);
  const note = highest.intent.note;
  if (required.length === 0) {
    if (note.trim() === '') card.add('tier', -5, 'tier.emptyNote', highest.seq);
    return;
  }
  const share = Math.round((TIER_POINTS.note / required.length) * 10) / 10;
  for (const fact of required) {
    if (noteCarries(note, fact))
      card.add('tier', share, 'tier.noteCarries', highest.seq, { params: { fact: fact.id } });
    else card.add('tier', 0, 'tier.noteMissing', highest.seq, { params: { fact: fact.id } });
  }
}

function scoreAvailability(card: Card, record: ContactRecord): void {
  const first = record.intents[0];
  if (!first) {
    card.add('availability', -BASE.availability, 'availability.neverAnswered', record.arrived.seq);
    return;
  }
  const wait = Math.max(0, first.intent.at - record.arrived.event.at);
  card.add('availability', availabilityPoints(wait, record.channel), 'availability.firstAnswer', first.seq, {
    params: { minutes: minutes(wait) },
  });
}

function scoreListening(card: Card, record: ContactRecord, scenario: Scenario): void {
  const learnable = scenario.facts.filter(
    (f) => f.reveal === 'ask' || f.reveal === 'lookup' || f.reveal === 'reproduce',
  );
  if (learnable.length === 0) {
    card.skip('listening');
    return;
  }
  const revealed = new Map(record.revealed.map((r) => [r.event.fact, r]));
  const learnt = learnable.filter((f) => revealed.has(f.id));
  learnt.forEach((fact, i) => {
    // Share the points out so the evidence sums to the total exactly.
    const points = listeningPoints(i + 1, learnable.length) - listeningPoints(i, learnable.length);
    card.add('listening', points, 'listening.learnt', revealed.get(fact.id)?.seq ?? null, {
      params: { fact: fact.id },
    });
  });
  for (const fact of learnable) {
    if (!revealed.has(fact.id))
      card.add('listening', 0, 'listening.missed', null, { params: { fact: fact.id } });
  }
  for (const ask of record.intents.filter(isType('ask'))) {
    const known = revealed.get(ask.intent.fact);
    if (known && known.seq < ask.seq) {
      card.add('listening', -5, 'listening.askedAgain', ask.seq, { params: { fact: ask.intent.fact } });
    }
  }
}

function scoreProblemSolving(card: Card, record: ContactRecord, scenario: Scenario): void {
  if (record.ending === null) card.add('problem_solving', -40, 'problem_solving.unfinished', null);
  else {
    card.add(
      'problem_solving',
      ENDING_POINTS[record.ending] ?? 0,
      'problem_solving.ending',
      record.ended?.seq ?? null,
      {
        params: { ending: record.ending },
      },
    );
  }
  let rewarded = false;
  for (const offer of record.intents.filter(isType('offer'))) {
    const { kind, amount } = offer.intent;
    const fits = scenario.expected.resolutions.some(
      (r) =>
        r.kind === kind &&
        (r.min === null || (amount ?? 0) >= r.min) &&
        (r.max === null || (amount ?? 0) <= r.max),
    );
    const params = { kind, amount: amount ?? 0 };
    if (fits && !rewarded) {
      card.add('problem_solving', 20, 'problem_solving.rightResolution', offer.seq, { params });
      rewarded = true;
    } else if (!fits)
      card.add('problem_solving', -5, 'problem_solving.otherResolution', offer.seq, { params });
  }
  for (const refused of record.refused) {
    if (refused.reason === 'beyond-authority') {
      card.add('problem_solving', -15, 'problem_solving.beyondAuthority', refused.seq);
    }
  }
  if (scenario.facts.some((f) => f.reveal === 'reproduce')) {
    const reproduced = record.intents.find(isType('reproduce'));
    if (reproduced) card.add('problem_solving', 10, 'problem_solving.reproduced', reproduced.seq);
    else card.add('problem_solving', -10, 'problem_solving.notReproduced', null);
  }
}

/** What the customer hears as an answer; looking things up or scheduling in the background is not. */
const ANSWERS: ReadonlySet<Intent['type']> = new Set([
  'reply',
  'ask',
  'offer',
  'promise',
  'fulfil',
  'escalate',
  'resolve',
  'end',
]);

/**
 * Whether the customer had been told what happens next at game time `at` (an open promise on the
 * tracker, or a handoff not yet answered): then they wait without expecting the trainee, as a persona
 * does, and the wait is no silence.
 */
function expectingAt(record: ContactRecord, at: number): boolean {
  const settled = (promise: string) =>
    record.promises.find((p) => p.event.promise === promise && p.event.type !== 'promise.made')?.event.at ??
    Number.POSITIVE_INFINITY;
  const promised = record.promises.some(
    (p) => p.event.type === 'promise.made' && p.event.at <= at && settled(p.event.promise) > at,
  );
  const handedOff = record.handoffs.some(
    (h) =>
      h.event.at <= at &&
      (record.answers.find((a) => a.event.at >= h.event.at && a.event.tier === h.event.tier)?.event.at ??
        Number.POSITIVE_INFINITY) > at,
  );
  return promised || handedOff;
}

function scoreResponsiveness(card: Card, record: ContactRecord, endedAt: number): void {
  let waitingSince: { at: number; seq: number } | null = null;
  const moments = [
    ...record.said.map((s) => ({ at: s.event.at, seq: s.seq, said: true })),
    ...record.intents
      .filter((i) => ANSWERS.has(i.intent.type))
      .map((i) => ({ at: i.intent.at, seq: i.seq, said: false })),
  ].sort((a, b) => a.seq - b.seq);
  const silence = (until: number, since: { at: number; seq: number }) => {
    const points = silencePoints(until - since.at, record.channel);
    if (points < 0) {
      card.add('responsiveness', points, 'responsiveness.silence', since.seq, {
        params: { minutes: minutes(until - since.at) },
      });
    }
  };
  for (const m of moments) {
    if (m.said) {
      if (!waitingSince && !expectingAt(record, m.at)) waitingSince = { at: m.at, seq: m.seq };
    } else {
      if (waitingSince) silence(m.at, waitingSince);
      waitingSince = null;
    }
  }
  if (waitingSince && record.ending !== 'satisfied' && record.ending !== 'neutral') {
    silence(record.ended?.event.at ?? endedAt, waitingSince);
  }
  let heldAt: IntentAt | null = null;
  for (const i of record.intents) {
    if (i.intent.type === 'hold') heldAt = i;
    if (i.intent.type === 'unhold' && heldAt) {
      const held = i.intent.at - heldAt.intent.at;
      if (held > 3 * 60_000)
        card.add('responsiveness', -10, 'responsiveness.longHold', heldAt.seq, {
          params: { minutes: minutes(held) },
        });
      heldAt = null;
    }
  }
}

function scoreFollowUp(card: Card, record: ContactRecord, scenario: Scenario): void {
  const followUps = record.intents.filter(isType('follow_up'));
  if (!scenario.expected.followUp && followUps.length === 0) {
    card.skip('follow_up');
    return;
  }
  const first = followUps[0];
  if (first)
    card.add('follow_up', 70, 'follow_up.scheduled', first.seq, { params: { due: first.intent.dueAt } });
  else card.add('follow_up', -30, 'follow_up.missing', null);
}

function tipsFor(dimensions: Readonly<Record<Dimension, DimensionScore>>): Tip[] {
  const tips: Tip[] = [];
  for (const dimension of DIMENSIONS) {
    const { score, evidence } = dimensions[dimension];
    if (score === null || score >= TIP_BELOW) continue;
    const worst = [...evidence]
      .filter((e) => e.points < 0 || MISSED.has(e.key))
      .sort((a, b) => a.points - b.points)[0];
    tips.push(
      worst
        ? { dimension, key: worst.key, seq: worst.seq, params: worst.params }
        : { dimension, key: `${dimension}.general`, seq: null, params: {} },
    );
  }
  return tips;
}

function scoreContact(record: ContactRecord, scenario: Scenario, endedAt: number): ContactScore {
  const card = new Card();
  if (record.intents.length === 0) {
    for (const d of DIMENSIONS) if (d !== 'availability') card.skip(d);
    scoreAvailability(card, record);
  } else {
    const replies = analyseReplies(record, scenario);
    scorePhrases(card, replies);
    scoreEmpathy(card, replies, scenario);
    scorePromises(card, record, replies, endedAt);
    scoreTier(card, record, scenario);
    scoreAvailability(card, record);
    scoreAttention(card, replies);
    scoreListening(card, record, scenario);
    scoreProblemSolving(card, record, scenario);
    scoreResponsiveness(card, record, endedAt);
    scoreFollowUp(card, record, scenario);
  }
  const dimensions = card.result(scenario.scoring);
  const overall = overallScore(
    Object.fromEntries(DIMENSIONS.map((d) => [d, dimensions[d].score])),
    scenario.scoring.weights,
  );
  return {
    contact: record.contact,
    scenario: scenario.id,
    ending: record.ending,
    dimensions,
    overall,
    grade: overall === null ? null : gradeFor(overall, scenario.scoring.grades),
    tips: tipsFor(dimensions),
  };
}

/**
 * Scores an attempt. Pure: the same scenarios and transcript always give the same scores. The
 * scenarios must include every one the transcript's shift names (compiled with the same pack).
 */
export function scoreAttempt(scenarios: readonly Scenario[], transcript: Transcript): AttemptScore {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const attempt = readAttempt(transcript);
  const contacts = attempt.contacts.map((record) => {
    const scenario = byId.get(record.scenario);
    if (!scenario) throw new RangeError(`Scenario ${record.scenario} is not loaded.`);
    return scoreContact(record, scenario, attempt.endedAt);
  });
  const rules = (byId.get(transcript.shift.arrivals[0]?.scenario ?? '') ?? scenarios[0])?.scoring;
  if (!rules) throw new RangeError('No scenario to take the scoring rules from.');
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const scores = contacts.map((c) => c.dimensions[d].score).filter((s): s is number => s !== null);
      const score =
        scores.length === 0
          ? null
          : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
      return [d, { score, weight: rules.weights[d] }];
    }),
  ) as Record<Dimension, { score: number | null; weight: number }>;
  const overall = overallScore(
    Object.fromEntries(DIMENSIONS.map((d) => [d, dimensions[d].score])),
    rules.weights,
  );
  const seen = new Set<string>();
  const tips = contacts
    .flatMap((c) => c.tips.map((t) => ({ tip: t, points: worstPoints(c, t) })))
    .sort((a, b) => a.points - b.points)
    .map((t) => t.tip)
    .filter((t) => {
      const fresh = !seen.has(t.key);
      seen.add(t.key);
      return fresh;
    })
    .slice(0, MAX_TIPS);
  return {
    contacts,
    dimensions,
    overall,
    grade: overall === null ? null : gradeFor(overall, rules.grades),
    tips,
  };
}

function worstPoints(contact: ContactScore, tip: Tip): number {
  return (
    contact.dimensions[tip.dimension].evidence.find((e) => e.key === tip.key && e.seq === tip.seq)?.points ??
    0
  );
}
