/**
 * The rubric over whole attempts: it is a pure function, each dimension's score is exactly its base
 * plus its evidence, every piece of evidence points at a real transcript entry (and, for words, at the
 * words), weak dimensions come with tips, and the judgements the product promises hold.
 */
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../../../src/core/scenario/schema';
import { TIP_KEYS } from '../../../src/core/scoring/rubric';
import { scoreAttempt } from '../../../src/core/scoring/scoreAttempt';
import { BASE, clampScore, TIP_BELOW } from '../../../src/core/scoring/scoringRules';
import { playThrough, replyTextAt } from '../../support/playedScorecard';
import { playthroughFiles } from '../../support/starterPack';

const files = playthroughFiles();

describe.each(files)('%s', (file) => {
  const { pack, transcript } = playThrough(file);
  const score = scoreAttempt(pack.scenarios, transcript);

  it('scores the same transcript the same way every time', () => {
    expect(scoreAttempt(pack.scenarios, transcript)).toEqual(score);
  });

  it('makes every score its base plus its evidence, and every piece of evidence point at the transcript', () => {
    for (const contact of score.contacts) {
      for (const dimension of DIMENSIONS) {
        const { score: value, evidence } = contact.dimensions[dimension];
        if (value === null) continue;
        expect(value).toBe(clampScore(evidence.reduce((sum, e) => sum + e.points, BASE[dimension])));
        for (const e of evidence) {
          if (e.seq === null) continue;
          const entry = transcript.entries[e.seq];
          expect(entry, `${dimension} ${e.key}`).toBeDefined();
          if (e.span) {
            expect(entry?.kind).toBe('input');
            expect(e.span.end).toBeLessThanOrEqual(replyTextAt(transcript.entries, e.seq).length);
          }
        }
      }
    }
  });

  it('gives a tip for each kind of critical error first, then one for every weak dimension', () => {
    for (const contact of score.contacts) {
      const weak = DIMENSIONS.filter((d) => {
        const value = contact.dimensions[d].score;
        return value !== null && value < TIP_BELOW;
      });
      const critical = [...new Set(contact.critical.map((e) => e.key))];
      expect(contact.tips.slice(0, critical.length).map((t) => t.key)).toEqual(critical);
      expect(contact.tips.slice(critical.length).map((t) => t.dimension)).toEqual(weak);
      for (const tip of contact.tips) expect(TIP_KEYS).toContain(tip.key);
    }
  });
});

describe('judgements', () => {
  const score = (file: string) => {
    const { pack, transcript } = playThrough(file);
    return scoreAttempt(pack.scenarios, transcript);
  };

  it('a handled-well run outscores its handled-badly twin, for every scenario', () => {
    for (const well of files.filter((f) => f.includes('.handled-well.'))) {
      const badly = well.replace('.handled-well.', '.handled-badly.');
      expect(score(well).overall ?? 0, well).toBeGreaterThan((score(badly).overall ?? 0) + 15);
    }
  });

  it('never escalating a Level 4 crisis leaves the tier judgement at its floor', () => {
    const card = score('scenarios/level-4/supplier-run-paid-twice.handled-badly.playthrough.yaml');
    expect(card.dimensions.tier.score).toBeLessThanOrEqual(10);
    expect(card.tips.some((t) => t.dimension === 'tier')).toBe(true);
  });

  it('a broken promise costs the promises dimension and says which one', () => {
    const card = score('scenarios/level-2/the-callback-that-never-came.handled-badly.playthrough.yaml');
    const evidence = card.contacts[0]?.dimensions.promises.evidence ?? [];
    expect(evidence.some((e) => e.key === 'promises.broken' && e.points < 0 && e.seq !== null)).toBe(true);
  });

  it('a shift scores each contact and averages them', () => {
    const card = score('scenarios/shifts/monday-morning.juggling.playthrough.yaml');
    expect(card.contacts.length).toBeGreaterThanOrEqual(4);
    const empathy = card.contacts.map((c) => c.dimensions.empathy.score).filter((s) => s !== null);
    const mean = Math.round((empathy.reduce((a, b) => a + b, 0) / empathy.length) * 10) / 10;
    expect(card.dimensions.empathy.score).toBe(mean);
  });
});
