/**
 * The debrief as text a trainee reads, built from a scorecard: how each contact ended and every
 * critical error, at the top in plain words; the grade with a legend of the four grades; tips ranked by
 * what they cost, and lighter notes to polish; what good handling of each case looked like, from the
 * scenario itself; each dimension with its evidence in words; and the transcript with the analysed
 * spans marked and the trainee's actions in place. It only projects the scorecard and its log (the
 * rubric already decided everything) through the interface's translations, so the debrief, the print
 * view and a manager's drill-down all read the same.
 */
import { DIMENSIONS, type Dimension, type Scorecard } from '../../core/runtime';
import { inLanguage } from '../text';
import { type ActionLine, type ActionStatus, actionLines } from './debriefActions';
import { type DebriefContext, type PlayedContact, playedContacts, wordsFor } from './debriefContext';
import {
  type CriticalLine,
  criticalLines,
  type ExpectedCase,
  expectedCases,
  type Legend,
  legendOf,
  type OutcomeLine,
  outcomeLines,
} from './debriefOutcomes';
import { type DebriefTips, debriefTips, type TipLine } from './debriefTips';

export type { ActionStatus, CriticalLine, DebriefContext, ExpectedCase, Legend, OutcomeLine };

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

/** One line of the annotated transcript: what someone said, or what someone did. */
export interface TranscriptLine {
  readonly seq: number;
  readonly at: number;
  readonly contact: string;
  /** Who the line is from: the customer, the trainee's words, the trainee's action, a tier, or an event. */
  readonly from: 'customer' | 'trainee' | ActionLine['from'];
  /** Whose line it is, as shown ("Dana Whitfield", "You", "Level 4: crisis team"). */
  readonly who: string;
  readonly segments: readonly Segment[];
  /** Words that came with an action, quoted: a handoff note, a tier's answer. */
  readonly quote: string | null;
  readonly status: ActionStatus | null;
  readonly statusText: string | null;
  /** What the rubric said about this entry as a whole (not about marked words): points and why. */
  readonly notes: readonly NoteLine[];
}

/** Evidence about a transcript entry as a whole, or a critical error made there (worth no points). */
export interface NoteLine {
  readonly text: string;
  readonly points: number;
  readonly critical: boolean;
}

/** Evidence worth less than this is left out of the transcript's notes (it stays in "How you did"). */
const NOTE_MIN_POINTS = 1;

/** One tip as the debrief shows it: the advice, the customers it is about, and what it cost. */
export type TipView = Pick<TipLine, 'text' | 'names' | 'critical' | 'cost'>;

/** A note on a dimension: to polish, or held where it is by the case itself. */
export interface NoteView {
  readonly names: readonly string[];
  readonly dimension: string;
  /** The score, or the range of scores when several customers share the note ("70–84"). */
  readonly score: string;
  readonly text: string;
}

/** The whole debrief. */
export interface DebriefView {
  readonly grade: string;
  readonly overall: number | null;
  /** The score before critical errors capped it; null when nothing was capped. */
  readonly uncapped: number | null;
  /** How each contact ended, with its critical errors, first thing in the debrief. */
  readonly outcomes: readonly OutcomeLine[];
  /** Every critical error, in the order of the log; each caps the grade. */
  readonly critical: readonly CriticalLine[];
  readonly legend: Legend;
  readonly dimensions: readonly DebriefDimension[];
  /** The tips, most costly first; critical errors before everything. */
  readonly tips: readonly TipView[];
  /** Dimensions that scored well, short of Exceptional: lighter notes. */
  readonly polish: readonly NoteView[];
  /** Dimensions the case itself held below Exceptional. */
  readonly limits: readonly NoteView[];
  /** Only when every dimension is Exceptional and nothing went wrong. */
  readonly nothingToImprove: boolean;
  /** What good handling of each case looked like. */
  readonly expected: readonly ExpectedCase[];
  /** Every customer's name, by contact. */
  readonly names: Readonly<Record<string, string>>;
  readonly transcript: readonly TranscriptLine[];
}

type Params = Readonly<Record<string, string | number>>;

/** Tone features weighing at least this much (log-odds) are marked on the words in the transcript. */
const TONE_MARK_WEIGHT = 0.1;
/** Tone features of the whole reply or of a phrase family, which are not marked as words. */
const WHOLE_REPLY_FEATURE = /^(?:s:length|s:no-capitals|f:)/;

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
export function debriefView(scorecard: Scorecard, ctx: DebriefContext): DebriefView {
  const { t, language } = ctx;
  const played = playedContacts(scorecard, ctx.scenarios);
  const byContact = new Map<string, PlayedContact>(played.map((p) => [p.contact, p]));
  const shift = scorecard.attempt.mode === 'shift';
  const contactOf = (seq: number | null): string => {
    const entry = seq === null ? undefined : scorecard.log[seq];
    if (entry?.kind === 'input' && entry.input.type === 'trainee.intent') return entry.input.intent.contact;
    if (entry?.kind === 'event' && 'contact' in entry.event) return entry.event.contact;
    return 'c1';
  };
  const explain = (key: string, params: Params, seq: number | null) =>
    t(`scorecard.evidence.${key}`, wordsFor(ctx, params, byContact.get(contactOf(seq))));

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

  // Evidence about an entry as a whole (an escalation, an offer, a reply with no greeting) is noted
  // under its line; evidence about words is marked on them.
  const notes = new Map<number, NoteLine[]>();
  const addNote = (seq: number, line: NoteLine) => notes.set(seq, [...(notes.get(seq) ?? []), line]);
  for (const d of dimensions) {
    for (const contact of scorecard.score.contacts) {
      for (const e of contact.dimensions[d.dimension].evidence) {
        if (e.seq !== null && !e.span && Math.abs(e.points) >= NOTE_MIN_POINTS) {
          addNote(e.seq, { text: explain(e.key, e.params, e.seq), points: e.points, critical: false });
        }
      }
    }
  }
  const critical = criticalLines(played, ctx);
  for (const c of critical) {
    const e = scorecard.score.critical.find((x) => x.contact === c.contact && x.seq === c.seq);
    if (c.seq !== null && !e?.span) addNote(c.seq, { text: c.text, points: 0, critical: true });
  }
  for (const e of scorecard.score.critical) {
    if (e.seq === null || !e.span) continue;
    const why = t(`scorecard.critical.${e.key}`, wordsFor(ctx, e.params, byContact.get(e.contact)));
    marks.set(e.seq, [...(marks.get(e.seq) ?? []), { ...e.span, points: -1, why }]);
  }

  const nameOf = (contact: string) => byContact.get(contact)?.name ?? contact;
  const you = (contact: string) => (shift ? t('debrief.youTo', { name: nameOf(contact) }) : t('desk.you'));
  const actions = new Map(actionLines(scorecard.log, played, ctx, shift).map((a) => [a.seq, a]));
  const transcript = scorecard.log.flatMap((entry): TranscriptLine[] => {
    const action = actions.get(entry.seq);
    if (action) {
      const { text, ...rest } = action;
      return [{ ...rest, segments: [{ text, mark: null, why: null }], notes: notes.get(entry.seq) ?? [] }];
    }
    const plain = { quote: null, status: null, statusText: null, notes: notes.get(entry.seq) ?? [] };
    if (entry.kind === 'input') {
      if (entry.input.type !== 'trainee.intent' || entry.input.intent.type !== 'reply') return [];
      const { contact, text } = entry.input.intent;
      const normalised = text.normalize('NFC');
      const segments = segmentsOf(normalised, marks.get(entry.seq) ?? []);
      return [
        { seq: entry.seq, at: entry.at, contact, from: 'trainee', who: you(contact), segments, ...plain },
      ];
    }
    if (entry.event.type !== 'persona.said') return [];
    const text = inLanguage(entry.event.line, language);
    return [
      {
        seq: entry.seq,
        at: entry.at,
        contact: entry.event.contact,
        from: 'customer',
        who: nameOf(entry.event.contact),
        segments: [{ text, mark: null, why: null }],
        ...plain,
      },
    ];
  });

  const advice: DebriefTips = debriefTips(played, scorecard.score.dimensions, ctx);
  const dimensionName = (d: string) => t(`scorecard.dimensions.${d}`);
  const note = (n: DebriefTips['polish'][number]): NoteView => {
    const low = Math.min(...n.scores);
    const high = Math.max(...n.scores);
    return {
      names: n.names,
      dimension: dimensionName(n.dimension),
      score: low === high ? String(low) : `${low}–${high}`,
      text: n.text,
    };
  };
  return {
    grade: scorecard.score.grade ? t(`scorecard.grades.${scorecard.score.grade}`) : '',
    overall: scorecard.score.overall,
    uncapped: scorecard.score.uncapped !== scorecard.score.overall ? scorecard.score.uncapped : null,
    outcomes: outcomeLines(played, critical, ctx),
    critical,
    legend: legendOf(played[0]?.scenario, scorecard.score.grade, ctx),
    dimensions,
    tips: advice.tips.map(({ text, names, critical: isCritical, cost }) => ({
      text,
      names,
      critical: isCritical,
      cost,
    })),
    polish: advice.polish.map(note),
    limits: advice.limits.map(note),
    nothingToImprove: advice.nothingToImprove,
    expected: expectedCases(played, ctx),
    names: Object.fromEntries(played.map((p) => [p.contact, p.name])),
    transcript,
  };
}
