/**
 * Problem solving: how the contact ended, whether an offer fitted the case and the trainee's authority,
 * and whether a technical fault was reproduced before it was answered.
 */
import { defineDimension } from '../evidence';
import { ENDING_POINTS, PROBLEM_SOLVING_POINTS as POINTS } from '../scoringRules';

export const problemSolving = defineDimension({
  dimension: 'problem_solving',
  keys: {
    'problem_solving.ending': 'cost',
    'problem_solving.unfinished': 'cost',
    'problem_solving.rightResolution': 'credit',
    'problem_solving.otherResolution': 'cost',
    'problem_solving.beyondAuthority': 'cost',
    'problem_solving.reproduced': 'credit',
    'problem_solving.notReproduced': 'cost',
  },
  judgesUnanswered: false,
  score({ record, scenario }, card) {
    if (record.ending === null) card.add(POINTS.unfinished, 'problem_solving.unfinished', null);
    else {
      card.add(ENDING_POINTS[record.ending] ?? 0, 'problem_solving.ending', record.ended?.seq ?? null, {
        params: { ending: record.ending },
      });
    }
    let rewarded = false;
    for (const offer of record.intents) {
      if (offer.intent.type !== 'offer') continue;
      const { kind, amount } = offer.intent;
      const fits = scenario.expected.resolutions.some(
        (r) =>
          r.kind === kind &&
          (r.min === null || (amount ?? 0) >= r.min) &&
          (r.max === null || (amount ?? 0) <= r.max),
      );
      const params = { kind, amount: amount ?? 0 };
      if (fits && !rewarded) {
        card.add(POINTS.rightResolution, 'problem_solving.rightResolution', offer.seq, { params });
        rewarded = true;
      } else if (!fits)
        card.add(POINTS.otherResolution, 'problem_solving.otherResolution', offer.seq, { params });
    }
    for (const refused of record.refused) {
      if (refused.reason === 'beyond-authority') {
        card.add(POINTS.beyondAuthority, 'problem_solving.beyondAuthority', refused.seq);
      }
    }
    if (scenario.facts.some((f) => f.reveal === 'reproduce')) {
      const reproduced = record.intents.find((i) => i.intent.type === 'reproduce');
      if (reproduced) card.add(POINTS.reproduced, 'problem_solving.reproduced', reproduced.seq);
      else card.add(POINTS.notReproduced, 'problem_solving.notReproduced', null);
    }
  },
});
