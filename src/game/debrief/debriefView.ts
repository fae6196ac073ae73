/**
 * The debrief as text a trainee reads, built from a scorecard: the grade, each dimension with its
 * evidence in words, the tips, and the transcript with the analysed spans marked. It only projects the
 * scorecard (the rubric already decided everything) through the interface's translations, so the
 * debrief, the print view and a manager's drill-down all read the same.
 */
import type { TFunction } from 'i18next';
import { DIMENSIONS, type Dimension, type Scorecard } from '../../core/runtime';
import { inLanguage } from '../attempt/deskView';

/** A piece of evidence as the trainee reads it. */
export interface EvidenceLine {
  readonly text: string;
  readonly points: number;
  /** The transcript entry it points at, to jump to in the transcript. */
  readonly seq: number | null;
}

/** One dimension of the debrief. */
export interface DebriefDimension {
  readonly dimension: Dimension;
  readonly name: string;
  readonly score: number | null;
  readonly evidence: readonly EvidenceLine[];
}

/** A stretch of a reply: plain, or marked as earning or costing points (with why). */
export interface Segment {
  readonly text: string;
  readonly mark: 'credit' | 'cost' | null;
  readonly why: string | null;
}

/** One line of the annotated transcript. */
export interface TranscriptLine {
  readonly seq: number;
  readonly at: number;
  readonly contact: string;
  readonly from: 'customer' | 'trainee';
  readonly segments: readonly Segment[];
}

/** A critical error as the trainee reads it: what happened, with which customer, and where. */
export interface CriticalLine {
  readonly text: string;
  readonly contact: string;
  readonly seq: number | null;
}

/** The whole debrief. */
export interface DebriefView {
  readonly grade: string;
  readonly overall: number | null;
  /** The score before critical errors capped it; null when nothing was capped. */
  readonly uncapped: number | null;
  /** Every critical error, in the order of the log; each caps the grade. */
  readonly critical: readonly CriticalLine[];
  readonly dimensions: readonly DebriefDimension[];
  /** Each tip, with the contact it is about (for a shift, the debrief names the customer). */
  readonly tips: readonly { readonly text: string; readonly contact: string }[];
  readonly transcript: readonly TranscriptLine[];
}

/** How game times and facts are shown: a clock reading, and a fact's label for a contact's case. */
export interface DebriefFormat {
  readonly clock: (gameMs: number) => string;
  readonly fact: (contact: string, factId: string) => string;
}

type Params = Readonly<Record<string, string | number>>;

/** Tone features weighing at least this much (log-odds) are marked on the words in the transcript. */
const TONE_MARK_WEIGHT = 0.1;
/** Tone features of the whole reply or of a phrase family, which are not marked as words. */
const WHOLE_REPLY_FEATURE = /^(?:s:length|s:no-capitals|f:)/;

function wordsFor(
  t: TFunction,
  params: Params,
  format: DebriefFormat,
  contact: string,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.family === 'string') out.family = t(`scorecard.families.${params.family}`);
  if (typeof params.ending === 'string') out.ending = t(`scorecard.endings.${params.ending}`);
  if (typeof params.what === 'string') out.what = t(`scorecard.promiseKinds.${params.what}`);
  if (typeof params.due === 'number') out.due = format.clock(params.due);
  if (typeof params.fact === 'string') out.fact = format.fact(contact, params.fact);
  if (typeof params.kind === 'string') {
    out.kind = t([`scorecard.nonsense.${params.kind}`, `desk.offerKinds.${params.kind}`], {
      defaultValue: params.kind,
    });
  }
  return out;
}

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly points: number;
  readonly why: string;
}

function segmentsOf(text: string, marks: readonly Mark[]): Segment[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue; // overlapping marks: the first one wins
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: null, why: null });
    out.push({ text: text.slice(m.start, m.end), mark: m.points >= 0 ? 'credit' : 'cost', why: m.why });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null, why: null });
  return out;
}

/** Builds the debrief of a scorecard in the interface's language. */
export function debriefView(
  scorecard: Scorecard,
  t: TFunction,
  language: string,
  format: DebriefFormat,
): DebriefView {
  const contactOf = (seq: number | null): string => {
    const entry = seq === null ? undefined : scorecard.log[seq];
    if (entry?.kind === 'input' && entry.input.type === 'trainee.intent') return entry.input.intent.contact;
    if (entry?.kind === 'event' && 'contact' in entry.event) return entry.event.contact;
    return 'c1';
  };
  const explain = (key: string, params: Params, seq: number | null) =>
    t(`scorecard.evidence.${key}`, wordsFor(t, params, format, contactOf(seq)));

  const dimensions = DIMENSIONS.map((dimension) => ({
    dimension,
    name: t(`scorecard.dimensions.${dimension}`),
    score: scorecard.score.dimensions[dimension].score,
    evidence: scorecard.score.contacts.flatMap((c) =>
      c.dimensions[dimension].evidence.map((e) => ({
        text: explain(e.key, e.params, e.seq),
        points: e.points,
        seq: e.seq,
      })),
    ),
  }));

  const marks = new Map<number, Mark[]>();
  for (const contact of scorecard.score.contacts) {
    for (const dimension of DIMENSIONS) {
      for (const e of contact.dimensions[dimension].evidence) {
        if (e.seq === null || !e.span) continue;
        marks.set(e.seq, [
          ...(marks.get(e.seq) ?? []),
          { ...e.span, points: e.points, why: explain(e.key, e.params, e.seq) },
        ]);
      }
    }
  }

  // The words the learned tone weighed most, where no evidence already marks them: what read as warm
  // or as curt. Features of the whole reply (its length) and the families (already evidence) are left
  // out.
  let replySeq: number | null = null;
  for (const entry of scorecard.log) {
    if (entry.kind === 'input') {
      replySeq =
        entry.input.type === 'trainee.intent' && entry.input.intent.type === 'reply' ? entry.seq : null;
      continue;
    }
    if (entry.event.type !== 'reply.analysed' || replySeq === null) continue;
    const existing = marks.get(replySeq) ?? [];
    const tone = entry.event.toneSpans.filter(
      (s) =>
        Math.abs(s.weight) >= TONE_MARK_WEIGHT &&
        !WHOLE_REPLY_FEATURE.test(s.key) &&
        !existing.some((m) => m.start < s.end && s.start < m.end),
    );
    marks.set(replySeq, [
      ...existing,
      ...tone.map((s) => ({
        start: s.start,
        end: s.end,
        points: s.weight,
        why: t(s.weight > 0 ? 'debrief.readWarm' : 'debrief.readCurt', {
          weight: Math.abs(s.weight).toFixed(2),
        }),
      })),
    ]);
  }

  const critical = scorecard.score.critical.map((e) => {
    const text = t(`scorecard.critical.${e.key}`, wordsFor(t, e.params, format, e.contact));
    if (e.seq !== null && e.span) {
      marks.set(e.seq, [...(marks.get(e.seq) ?? []), { ...e.span, points: -1, why: text }]);
    }
    return { text, contact: e.contact, seq: e.seq };
  });

  const transcript = scorecard.log.flatMap((entry): TranscriptLine[] => {
    if (entry.kind === 'input') {
      if (entry.input.type !== 'trainee.intent' || entry.input.intent.type !== 'reply') return [];
      const { contact, text } = entry.input.intent;
      const normalised = text.normalize('NFC');
      const segments = segmentsOf(normalised, marks.get(entry.seq) ?? []);
      return [{ seq: entry.seq, at: entry.at, contact, from: 'trainee', segments }];
    }
    if (entry.event.type !== 'persona.said') return [];
    const text = inLanguage(entry.event.line, language);
    return [
      {
        seq: entry.seq,
        at: entry.at,
        contact: entry.event.contact,
        from: 'customer',
        segments: [{ text, mark: null, why: null }],
      },
    ];
  });

  return {
    grade: scorecard.score.grade ? t(`scorecard.grades.${scorecard.score.grade}`) : '',
    overall: scorecard.score.overall,
    uncapped: scorecard.score.uncapped !== scorecard.score.overall ? scorecard.score.uncapped : null,
    critical,
    dimensions,
    tips: scorecard.score.tips.map((tip) => ({
      text: t(`scorecard.tips.${tip.key}`, wordsFor(t, tip.params, format, contactOf(tip.seq))),
      contact: contactOf(tip.seq),
    })),
    transcript,
  };
}
