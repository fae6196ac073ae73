/**
 * Choosing the right tier: resolving a case the trainee's tier can handle, or escalating to the tier
 * the case needs (twists included), in time, with a handoff note carrying the facts the next tier
 * needs, as the analyser read the note when it was sent: each fact carried earns, each missing costs,
 * and an empty note costs more.
 */

import { isCrisis, neededLevel } from '../contactFacts';
import { defineDimension, minutes } from '../evidence';
import { escalationTimingPoints, noteFactPoints, TIER_POINTS, tierDecision } from '../scoringRules';

export const tier = defineDimension({
  dimension: 'tier',
  keys: {
    'tier.resolvedYourself': 'credit',
    'tier.notResolved': 'missed',
    'tier.rightTier': 'credit',
    'tier.neverEscalated': 'cost',
    'tier.underEscalated': 'cost',
    'tier.overEscalated': 'cost',
    'tier.onTime': 'credit',
    'tier.late': 'cost',
    'tier.noteCarries': 'credit',
    'tier.noteMissing': 'cost',
    'tier.noteWritten': 'credit',
    'tier.emptyNote': 'cost',
  },
  judgesUnanswered: false,
  score({ record, scenario }, card) {
    const { level, knownAt } = neededLevel(record, scenario);
    const escalations = record.intents.flatMap((i) =>
      i.intent.type === 'escalate' ? [{ seq: i.seq, intent: i.intent }] : [],
    );
    const highest = escalations.reduce<(typeof escalations)[number] | null>(
      (best, e) => (best === null || e.intent.tier > best.intent.tier ? e : best),
      null,
    );
    const resolvedWell = record.ending === 'satisfied' || record.ending === 'neutral';
    const decision = tierDecision(
      level,
      scenario.traineeTier,
      highest?.intent.tier ?? null,
      resolvedWell,
      isCrisis(record, scenario),
    );
    card.add(decision.points, decision.key, highest?.seq ?? record.ended?.seq ?? null, {
      params: { needed: level, chosen: highest?.intent.tier ?? scenario.traineeTier },
    });
    if (!highest || level <= scenario.traineeTier) return;
    const reaching = escalations.find((e) => e.intent.tier >= level);
    if (reaching) {
      const delay = Math.max(0, reaching.intent.at - knownAt);
      const points = escalationTimingPoints(delay, record.channel);
      card.add(points, points > 0 ? 'tier.onTime' : 'tier.late', reaching.seq, {
        params: { minutes: minutes(delay) },
      });
    }
    const required = scenario.expected.handoff.filter((id) => scenario.facts.some((f) => f.id === id));
    if (highest.intent.note.trim() === '') {
      card.add(TIER_POINTS.emptyNote, 'tier.emptyNote', highest.seq);
      return;
    }
    if (required.length === 0) {
      card.add(TIER_POINTS.noteWritten, 'tier.noteWritten', highest.seq);
      return;
    }
    // The note's reading was recorded in the handoff the escalation sent, right after it in the log.
    const sent = record.handoffs.find((h) => h.seq > highest.seq);
    const carried = new Set(sent?.event.carries ?? []);
    for (const fact of required) {
      const has = carried.has(fact);
      card.add(
        noteFactPoints(has, required.length),
        has ? 'tier.noteCarries' : 'tier.noteMissing',
        highest.seq,
        {
          params: { fact },
        },
      );
    }
  },
});
