/**
 * Scorecards as a manager receives them: built from a played attempt, saved as JSON, loaded back as
 * untrusted input, and verified by replay. Any edit to a score, an event, an input or the header must
 * be caught and named; a scorecard for a scenario version we no longer have says so.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/canonicalJson';
import { contentHash } from '../../../src/core/contentHash';
import { ENGINE_VERSION } from '../../../src/core/engine/session';
import {
  MAX_SCORECARD_CHARS,
  parseScorecard,
  type Scorecard,
  scorecardToJson,
  verifyScorecard,
} from '../../../src/core/scoring/scorecard';
import { playedScorecard } from '../../support/playedScorecard';
import { loadStarterPack } from '../../support/starterPack';

const FILE = 'scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml';
const SHIFT = 'scenarios/shifts/monday-morning.juggling.playthrough.yaml';
const scenarios = () => loadStarterPack().scenarios;

/** What a determined editor would do: recompute every hash after changing the log. */
function rechain(card: Scorecard): void {
  const { log, score: _score, ...header } = card;
  let previous = contentHash(canonicalJson(header));
  for (const entry of log) {
    const { hash: _hash, ...rest } = entry;
    previous = contentHash(previous + canonicalJson(rest));
    (entry as { hash: string }).hash = previous;
  }
}

function edited(card: Scorecard, edit: (copy: Scorecard) => void): Scorecard {
  const copy = structuredClone(card) as Scorecard;
  edit(copy as never);
  return copy;
}

describe('a scorecard', () => {
  it('names the trainee, the scenario versions, the engine and rubric, and holds the scores', () => {
    const card = playedScorecard(FILE);
    expect(card.format).toBe('escalation-desk/scorecard');
    expect(card.engineVersion).toBe(ENGINE_VERSION);
    expect(card.trainee.name).toBe('Ana Ruiz');
    expect(card.attempt.mode).toBe('practice');
    expect(card.scenarios[0]).toMatchObject({ id: 'power-bank-burned-son' });
    expect(card.scenarios[0]?.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(card.log.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(card.score.grade).not.toBeNull();
  });

  it('verifies after a round trip through JSON', () => {
    const text = scorecardToJson(playedScorecard(FILE));
    const parsed = parseScorecard(text, 'card.json');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(verifyScorecard(parsed.scorecard, scenarios())).toEqual({ status: 'verified' });
  });

  it('verifies a shift scorecard, which aggregates its contacts', () => {
    const card = playedScorecard(SHIFT);
    expect(card.attempt.mode).toBe('shift');
    expect(card.score.contacts.length).toBeGreaterThan(1);
    expect(verifyScorecard(card, scenarios())).toEqual({ status: 'verified' });
  });
});

describe('verification catches edits', () => {
  const card = playedScorecard(FILE);

  it('an edited overall score and grade', () => {
    const result = verifyScorecard(
      edited(card, (c) => {
        (c.score as { overall: number | null }).overall = 99;
        (c.score as { grade: string | null }).grade = 'Exceptional';
      }),
      scenarios(),
    );
    expect(result.status).toBe('differs');
    if (result.status !== 'differs') return;
    expect(result.differences).toContainEqual({
      field: 'score.overall',
      recorded: 99,
      computed: card.score.overall,
    });
  });

  it('an edited dimension score', () => {
    const result = verifyScorecard(
      edited(card, (c) => {
        (c.score.contacts[0]?.dimensions.tier as { score: number | null }).score = 12;
      }),
      scenarios(),
    );
    expect(result.status === 'differs' && result.differences.map((d) => d.field)).toContain(
      'score.contacts[0].dimensions.tier.score',
    );
  });

  it('an edited event: the hash chain breaks at it and the replay disagrees', () => {
    const index = card.log.findIndex((e) => e.kind === 'event' && e.event.type === 'persona.felt');
    const result = verifyScorecard(
      edited(card, (c) => {
        const entry = c.log[index];
        if (entry?.kind === 'event' && entry.event.type === 'persona.felt')
          (entry.event as { mood: number }).mood = 0.9;
      }),
      scenarios(),
    );
    expect(result.status).toBe('differs');
    if (result.status !== 'differs') return;
    expect(result.differences.map((d) => d.field)).toEqual([`log[${index}].hash`, `log[${index}]`]);
  });

  it('an edited input with its hashes recomputed: the replay still disagrees', () => {
    const index = card.log.findIndex(
      (e) => e.kind === 'input' && e.input.type === 'trainee.intent' && e.input.intent.type === 'escalate',
    );
    const result = verifyScorecard(
      edited(card, (c) => {
        const entry = c.log[index];
        if (
          entry?.kind === 'input' &&
          entry.input.type === 'trainee.intent' &&
          entry.input.intent.type === 'escalate'
        )
          (entry.input.intent as { tier: number }).tier = 3;
        rechain(c);
      }),
      scenarios(),
    );
    expect(result.status).toBe('differs');
    if (result.status !== 'differs') return;
    expect(result.differences.some((d) => d.field.endsWith('.hash'))).toBe(false);
    expect(result.differences.some((d) => /^log\[\d+\]$/.test(d.field))).toBe(true);
  });

  it('an edited trainee name breaks the chain from its start', () => {
    const result = verifyScorecard(
      edited(card, (c) => {
        (c.trainee as { name: string }).name = 'Someone Else';
      }),
      scenarios(),
    );
    expect(result.status === 'differs' && result.differences[0]?.field).toBe('log[0].hash');
  });

  it('a scenario version that is not available', () => {
    const result = verifyScorecard(
      edited(card, (c) => {
        (c.scenarios[0] as { contentHash: string }).contentHash = 'f'.repeat(64);
      }),
      scenarios(),
    );
    expect(result).toMatchObject({ status: 'scenario-unavailable' });
  });

  it('a scorecard from another engine version', () => {
    const result = verifyScorecard(
      edited(card, (c) => {
        (c as { engineVersion: string }).engineVersion = '0.9.0';
      }),
      scenarios(),
    );
    expect(result).toEqual({ status: 'engine-version', recorded: '0.9.0', current: ENGINE_VERSION });
  });
});

describe('loading a scorecard is untrusted input', () => {
  const good = scorecardToJson(playedScorecard(FILE));

  it.each([
    ['empty', '', /empty/],
    ['cut short', good.slice(0, 500), /not valid JSON/],
    ['not a scorecard', '{"format":"something-else"}', /not a scorecard/],
    ['a list', '[1,2,3]', /expected object/i],
  ])('refuses a file that is %s, with a plain reason', (_name, text, message) => {
    const result = parseScorecard(text, 'card.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.file).toBe('card.json');
      expect(result.problem.message).toMatch(message);
    }
  });

  it('names the line and field of a wrong value', () => {
    const card = JSON.parse(good);
    card.log[3].at = 'soon';
    const text = JSON.stringify(card, null, 2);
    const result = parseScorecard(text, 'card.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe('log[3].at');
    const line = text.split('\n')[result.problem.line - 1] ?? '';
    expect(line).toContain('"at": "soon"');
  });

  it('refuses unknown fields, including __proto__', () => {
    const withExtra = good.replace('"format"', '"__proto__": {"polluted": true}, "format"');
    const result = parseScorecard(withExtra, 'card.json');
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size cap before parsing it', () => {
    const result = parseScorecard('x'.repeat(MAX_SCORECARD_CHARS + 1), 'big.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/larger than/);
  });
});
