/**
 * The decisions a learning system is told of come from played scorecards: the shipped shift's
 * playthrough (replies, a promise kept, a promise broken, a choice that resolved the case) and the
 * reference attempt (an offer refused as beyond authority, a tracked promise, escalations with notes, a resolution).
 */
import { describe, expect, it } from 'vitest';
import { decisionsOf } from '../../../src/game/reporting/decisions';
import { playedScorecard } from '../../support/playedScorecard';
import { playReference } from '../../support/referenceScorecards';

const shiftCard = playedScorecard('scenarios/shifts/monday-morning.juggling.playthrough.yaml');

function intentsOf(card: typeof shiftCard) {
  return card.log.flatMap((e) =>
    e.kind === 'input' && e.input.type === 'trainee.intent' ? [{ seq: e.seq, intent: e.input.intent }] : [],
  );
}

describe('decisionsOf', () => {
  it('gives every reply, promise, escalation and resolution an identifier safe in every standard', () => {
    for (const card of [shiftCard, playReference()]) {
      const decisions = decisionsOf(card);
      const ids = decisions.map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^c\d+-(reply|promise|escalation|resolution)-\d+$/);
      const replies = intentsOf(card).filter((i) => i.intent.type === 'reply');
      const refused = new Set(
        card.log.flatMap((e) => (e.kind === 'event' && e.event.type === 'intent.refused' ? [e.seq - 1] : [])),
      );
      expect(decisions.filter((d) => d.kind === 'reply')).toHaveLength(
        replies.filter((r) => !refused.has(r.seq)).length,
      );
    }
  });

  it('judges each decision by the sign of the points its evidence carries', () => {
    for (const d of [...decisionsOf(shiftCard), ...decisionsOf(playReference())]) {
      expect(d.result).toBe(d.points > 0 ? 'correct' : d.points < 0 ? 'wrong' : 'neutral');
      if (d.evidenceKeys.length === 0) expect(d.points).toBe(0);
    }
  });

  it('reads a kept promise as correct and a broken one as wrong, each with its evidence key first', () => {
    const decisions = decisionsOf(shiftCard);
    const promises = decisions.filter((d) => d.kind === 'promise');
    const kept = promises.find((d) => d.contact === 'c2');
    const broken = promises.find((d) => d.contact === 'c3');
    expect(kept).toMatchObject({ result: 'correct', scenario: 'espresso-machine-arrived-cracked' });
    expect(kept?.evidenceKeys[0]).toBe('promises.kept');
    expect(kept?.response).toMatch(/^callback promise due 09:33: I will call you back/);
    expect(broken).toMatchObject({ result: 'wrong', evidenceKeys: ['promises.broken'] });
  });

  it('credits the reply that resolved a case with the ending it brought', () => {
    const resolving = decisionsOf(shiftCard).find(
      (d) => d.kind === 'reply' && d.evidenceKeys.includes('tier.resolvedYourself'),
    );
    expect(resolving).toMatchObject({ contact: 'c1', result: 'correct', language: 'en' });
  });

  it('tells escalations and resolutions by what the trainee did, with the tier and the note', () => {
    const card = playReference();
    const decisions = decisionsOf(card);
    const escalations = decisions.filter((d) => d.kind === 'escalation');
    expect(escalations.map((d) => d.response)).toEqual([
      'escalated to tier 2: Order #1001, cracked lid, photo sent.',
      'escalated to tier 2: Ana Pérez: her order needs a look.',
    ]);
    expect(escalations[0]?.evidenceKeys.some((k) => k.startsWith('tier.'))).toBe(true);
    // The refund of 100 was beyond the trainee's authority: refused, it changed nothing and is no decision.
    const resolutions = decisions.filter((d) => d.kind === 'resolution').map((d) => d.response);
    expect(resolutions).toEqual(['resolved the case']);
    // Said in a reply, then made in the tracker: two promises, each with its own terms.
    const promised = decisions
      .filter((d) => d.kind === 'promise' && d.contact === 'c1')
      .map((d) => d.response);
    expect(promised).toEqual([
      "callback promise due 15:00: I'll call you back by 3 pm with the refund",
      'callback promise due 09:10',
    ]);
  });

  it('keeps the decisions in the order they were made', () => {
    const at = decisionsOf(playReference()).map((d) => d.at);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});
