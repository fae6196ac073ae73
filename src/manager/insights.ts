/**
 * What the manager's trainee and scenario views say, read from the imported scorecards alone: one
 * trainee's attempts in order with every dimension's score, and how each scenario goes across the
 * team (its grades, the dimensions and evidence that cost the most, the beats where customers walk
 * out, the critical errors). Nothing is judged again here; every figure is the rubric's own, summed.
 * Scorecards of an older format carry only a summary, so they count as attempts but add no detail.
 */
import { DIMENSIONS } from '../core/scenario/schema';
import type { Dimension } from '../core/scenario/types';
import { LEFT_ENDINGS } from '../core/scoring/contactFacts';
import type { Scorecard } from '../core/scoring/scorecard';
import { GRADES, type Grade } from '../core/scoring/scoringRules';
import { type Attempt, summaryOf, traineeKey } from './team';
import type { Trust } from './trust';

/** One attempt on a trainee's timeline. */
export interface AttemptPoint {
  readonly hash: string;
  readonly finishedAt: string | null;
  readonly mode: 'practice' | 'shift';
  readonly scenarios: readonly string[];
  readonly grade: Grade | null;
  readonly overall: number | null;
  /** Each dimension's score; null where the attempt did not score it (or is of an older format). */
  readonly dimensions: Readonly<Record<Dimension, number | null>>;
  readonly critical: number;
  readonly trust: Trust;
}

/** A trainee's attempts, oldest first (attempts with no date last, in the order they came). */
export function traineeTimeline(attempts: readonly Attempt[], key: string): AttemptPoint[] {
  const mine = attempts.filter((a) => traineeKey(a) === key);
  const when = (a: Attempt) => summaryOf(a).attempt.finishedAt ?? '\uffff';
  return [...mine]
    .sort((a, b) => when(a).localeCompare(when(b)))
    .map((a) => {
      const s = summaryOf(a);
      const card = a.read.current ? a.read.scorecard : null;
      return {
        hash: a.hash,
        finishedAt: s.attempt.finishedAt,
        mode: s.attempt.mode,
        scenarios: s.scenarios.map((x) => x.id),
        grade: s.score.grade,
        overall: s.score.overall,
        dimensions: Object.fromEntries(
          DIMENSIONS.map((d) => [d, card?.score.dimensions[d].score ?? null]),
        ) as AttemptPoint['dimensions'],
        critical: card?.score.critical.length ?? 0,
        trust: a.trust,
      };
    });
}

/** Where in one attempt something happened, to open its debrief there. */
export interface Example {
  readonly hash: string;
  readonly contact: string;
  readonly seq: number | null;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A piece of evidence, summed over every time the scenario was played. */
export interface CostlyEvidence {
  readonly dimension: Dimension;
  readonly key: string;
  /** Points lost in all, as a positive number. */
  readonly lost: number;
  /** How many plays of the scenario it cost points in. */
  readonly plays: number;
  /** The play where it cost the most. */
  readonly example: Example;
}

/** How one scenario goes across the team. */
export interface ScenarioStats {
  readonly id: string;
  /** Every time a customer of this scenario was served (a shift counts each of its customers). */
  readonly plays: number;
  readonly trainees: number;
  /** Each contact's own grade, as the rubric gave it. */
  readonly grades: Readonly<Record<Grade, number>>;
  readonly walkOuts: number;
  /** Each dimension's mean score over the plays that scored it, lowest first. */
  readonly dimensions: readonly {
    readonly dimension: Dimension;
    readonly mean: number;
    readonly plays: number;
  }[];
  /** The evidence that cost the most points, most first. */
  readonly costly: readonly CostlyEvidence[];
  /** The beats customers walked out in, most first. */
  readonly walkOutBeats: readonly { readonly beat: string; readonly count: number }[];
  /** The critical errors made, most first. */
  readonly critical: readonly { readonly key: string; readonly count: number; readonly example: Example }[];
}

/** The beat each contact the customer left was in when they left: the last beat it moved to. */
function walkOutBeats(card: Scorecard): Map<string, string> {
  const beatOf = new Map<string, string>();
  const out = new Map<string, string>();
  for (const entry of card.log) {
    if (entry.kind !== 'event') continue;
    const event = entry.event;
    if (event.type === 'persona.moved') beatOf.set(event.contact, event.to);
    if (event.type === 'persona.ended' && LEFT_ENDINGS.has(event.ending))
      out.set(event.contact, beatOf.get(event.contact) ?? '');
  }
  return out;
}

const byCount = <T extends { readonly count: number }>(a: T, b: T) => b.count - a.count;

/** Every scenario played in the attempts, most played first. */
export function scenarioStats(attempts: readonly Attempt[]): ScenarioStats[] {
  interface Tally {
    plays: number;
    trainees: Set<string>;
    grades: Record<Grade, number>;
    walkOuts: number;
    scores: Map<Dimension, number[]>;
    costly: Map<
      string,
      { dimension: Dimension; key: string; lost: number; plays: number; worst: number; example: Example }
    >;
    beats: Map<string, number>;
    critical: Map<string, { count: number; example: Example }>;
  }
  const tallies = new Map<string, Tally>();
  const tallyOf = (id: string): Tally => {
    let tally = tallies.get(id);
    if (!tally) {
      tally = {
        plays: 0,
        trainees: new Set(),
        grades: Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>,
        walkOuts: 0,
        scores: new Map(),
        costly: new Map(),
        beats: new Map(),
        critical: new Map(),
      };
      tallies.set(id, tally);
    }
    return tally;
  };
  for (const attempt of attempts) {
    if (!attempt.read.current) {
      for (const s of summaryOf(attempt).scenarios) {
        const tally = tallyOf(s.id);
        tally.plays += 1;
        tally.trainees.add(traineeKey(attempt));
      }
      continue;
    }
    const card = attempt.read.scorecard;
    const beats = walkOutBeats(card);
    for (const contact of card.score.contacts) {
      const tally = tallyOf(contact.scenario);
      tally.plays += 1;
      tally.trainees.add(traineeKey(attempt));
      if (contact.grade) tally.grades[contact.grade] += 1;
      if (contact.ending !== null && LEFT_ENDINGS.has(contact.ending)) {
        tally.walkOuts += 1;
        const beat = beats.get(contact.contact) ?? '';
        tally.beats.set(beat, (tally.beats.get(beat) ?? 0) + 1);
      }
      for (const dimension of DIMENSIONS) {
        const scored = contact.dimensions[dimension];
        if (scored.score !== null)
          tally.scores.set(dimension, [...(tally.scores.get(dimension) ?? []), scored.score]);
        // One line per evidence key and play: a key that costs twice in one play counts as one play.
        const lostHere = new Map<string, { lost: number; seq: number | null; params: Example['params'] }>();
        for (const e of scored.evidence) {
          if (e.points >= 0) continue;
          const was = lostHere.get(e.key);
          lostHere.set(e.key, {
            lost: (was?.lost ?? 0) - e.points,
            seq: was?.seq ?? e.seq,
            params: was?.params ?? e.params,
          });
        }
        for (const [key, here] of lostHere) {
          const id = `${dimension} ${key}`;
          const was = tally.costly.get(id);
          const example = {
            hash: attempt.hash,
            contact: contact.contact,
            seq: here.seq,
            params: here.params,
          };
          tally.costly.set(id, {
            dimension,
            key,
            lost: (was?.lost ?? 0) + here.lost,
            plays: (was?.plays ?? 0) + 1,
            worst: Math.max(was?.worst ?? 0, here.lost),
            example: was && was.worst >= here.lost ? was.example : example,
          });
        }
      }
      for (const e of contact.critical) {
        const was = tally.critical.get(e.key);
        tally.critical.set(e.key, {
          count: (was?.count ?? 0) + 1,
          example: was?.example ?? {
            hash: attempt.hash,
            contact: contact.contact,
            seq: e.seq,
            params: e.params,
          },
        });
      }
    }
  }
  return [...tallies.entries()]
    .map(([id, t]) => ({
      id,
      plays: t.plays,
      trainees: t.trainees.size,
      grades: t.grades,
      walkOuts: t.walkOuts,
      dimensions: [...t.scores.entries()]
        .map(([dimension, scores]) => ({
          dimension,
          mean: Math.round(scores.reduce((sum, s) => sum + s, 0) / scores.length),
          plays: scores.length,
        }))
        .sort((a, b) => a.mean - b.mean || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension)),
      costly: [...t.costly.values()]
        .map(({ worst: _, ...c }) => c)
        .sort((a, b) => b.lost - a.lost || a.key.localeCompare(b.key)),
      walkOutBeats: [...t.beats.entries()].map(([beat, count]) => ({ beat, count })).sort(byCount),
      critical: [...t.critical.entries()].map(([key, c]) => ({ key, ...c })).sort(byCount),
    }))
    .sort((a, b) => b.plays - a.plays || a.id.localeCompare(b.id));
}
