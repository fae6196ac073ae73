/**
 * Scorecards as a manager receives them: built from a played attempt, saved as JSON, loaded back as
 * untrusted input, and verified by replay. Any edit to a score, an event, an input or the header must
 * be caught and named; a scorecard for a scenario version we no longer have says so; one made with
 * rules this build does not have says that, and is never called edited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { canonicalJson } from '../../../src/core/canonicalJson';
import { contentHash } from '../../../src/core/contentHash';
import { ENGINE_VERSION } from '../../../src/core/engine/session';
import { parseScorecard } from '../../../src/core/scoring/readScorecard';
import { RULE_SETS } from '../../../src/core/scoring/ruleVersions';
import { RUBRIC_VERSION } from '../../../src/core/scoring/scoreAttempt';
import {
  createScorecard,
  MAX_SCORECARD_CHARS,
  SCORECARD_VERSION,
  type Scorecard,
  scorecardToJson,
  TraineeIdSchema,
  traineeIdFromName,
} from '../../../src/core/scoring/scorecard';
import { type Verification, verdictOf, verifyScorecard } from '../../../src/core/scoring/verifyScorecard';
import { playedScorecard, playThrough } from '../../support/playedScorecard';
import { REFERENCE_DIR, referenceScenarios } from '../../support/referenceScorecards';
import { loadStarterPack } from '../../support/starterPack';

const FILE = 'scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml';
const SHIFT = 'scenarios/shifts/monday-morning.juggling.playthrough.yaml';
const scenarios = () => loadStarterPack().scenarios;
const verify = (card: Scorecard) => verifyScorecard(card, scenarios(), { analyser: lexiconAnalyser });
const fields = (result: Verification) =>
  result.ok ? [] : result.problems.flatMap((p) => (p.code === 'differs' ? [p.field] : []));

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
  it('names the trainee, the scenario versions, the engine, analyser and rubric, and holds the scores', () => {
    const card = playedScorecard(FILE);
    expect(card.format).toBe('escalation-desk/scorecard');
    expect(card.engineVersion).toBe(ENGINE_VERSION);
    expect(card.analyser).toEqual({ id: 'lexicon', version: lexiconAnalyser.version });
    expect(card.rubricVersion).toBe(RUBRIC_VERSION);
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
    if (!parsed.ok || !parsed.value.current) throw new Error('the scorecard should read');
    const result = verifyScorecard(parsed.value, scenarios(), { analyser: lexiconAnalyser });
    expect(verdictOf(result)).toBe('verified');
  });

  it('verifies a shift scorecard, which aggregates its contacts', () => {
    const card = playedScorecard(SHIFT);
    expect(card.attempt.mode).toBe('shift');
    expect(card.score.contacts.length).toBeGreaterThan(1);
    expect(verdictOf(verify(card))).toBe('verified');
  });
});

describe('who played', () => {
  it('is named by the trainee’s id and, when given, employee id (format 4)', () => {
    const card = playedScorecard(FILE);
    expect(card.version).toBe(SCORECARD_VERSION);
    expect(SCORECARD_VERSION).toBe(4);
    expect(card.trainee).toEqual({ name: 'Ana Ruiz', id: traineeIdFromName('Ana Ruiz') });
    const { pack, transcript } = playThrough(FILE);
    const withEmployee = createScorecard(transcript, pack.scenarios, {
      trainee: { name: 'Ana Ruiz', id: 'trainee-1', employeeId: 'E-1042' },
      attemptId: 'attempt-1',
      language: 'en',
      finishedAt: null,
    });
    expect(withEmployee.trainee).toEqual({ name: 'Ana Ruiz', id: 'trainee-1', employeeId: 'E-1042' });
    const read = parseScorecard(scorecardToJson(withEmployee), 'card.json');
    if (!read.ok) throw new Error(read.problems[0]?.message);
    expect(read.value.current && read.value.scorecard.trainee.employeeId).toBe('E-1042');
    expect(verdictOf(verify(withEmployee))).toBe('verified');
  });

  it('two trainees with the same name stay apart by id', () => {
    const a = playedScorecard(FILE);
    const b = edited(a, (c) => Object.assign(c.trainee, { id: 'trainee-2' }));
    expect(a.trainee.name).toBe(b.trainee.name);
    expect(a.trainee.id).not.toBe(b.trainee.id);
  });

  it('a format 4 scorecard without an id, or with a malformed one, is refused', () => {
    for (const trainee of [{ name: 'Ana Ruiz' }, { name: 'Ana Ruiz', id: '<script>' }]) {
      const json = JSON.parse(scorecardToJson(playedScorecard(FILE)));
      json.trainee = trainee;
      const read = parseScorecard(JSON.stringify(json, null, 2), 'card.json');
      expect(!read.ok && read.problems[0]?.field).toMatch(/^trainee/);
    }
  });

  it('a format 3 scorecard (no id) is still read in full and verifies; its id is simply absent', () => {
    const name = 'shift.engine-8.0.0.lexicon-2.0.0.rubric-4.0.0.json';
    const read = parseScorecard(readFileSync(join(REFERENCE_DIR, name), 'utf8'), name);
    if (!read.ok) throw new Error(read.problems[0]?.message);
    if (!read.value.current) throw new Error('a format 3 scorecard is read in full');
    expect(read.value.scorecard.version).toBe(3);
    expect(read.value.scorecard.trainee).toEqual({ name: 'Reference' });
    expect(read.value.scorecard.trainee.id).toBeUndefined();
    const result = verifyScorecard(read.value, referenceScenarios(), { analyser: lexiconAnalyser });
    expect(verdictOf(result)).toBe('verified');
  });

  it('a format 4 scorecard passed off as format 3 (its id removed) breaks the chain', () => {
    const json = JSON.parse(scorecardToJson(playedScorecard(FILE)));
    json.version = 3;
    json.trainee = { name: 'Ana Ruiz' };
    const read = parseScorecard(JSON.stringify(json), 'card.json');
    if (!read.ok) throw new Error(read.problems[0]?.message);
    const result = verifyScorecard(read.value, scenarios(), { analyser: lexiconAnalyser });
    expect(verdictOf(result)).toBe('differs');
    expect(fields(result)[0]).toBe('log[0].hash');
  });

  it('a name gives a stable id that no random UUID can collide with', () => {
    expect(traineeIdFromName('Alex')).toBe(traineeIdFromName('Alex'));
    expect(traineeIdFromName('Alex')).not.toBe(traineeIdFromName('Alex Kim'));
    expect(traineeIdFromName('Alex')).toMatch(/^named-[0-9a-f]{32}$/);
    expect(TraineeIdSchema.safeParse(traineeIdFromName('Zoë')).success).toBe(true);
    expect(crypto.randomUUID()).not.toMatch(/^named-/);
  });
});

describe('verification catches edits', () => {
  const card = playedScorecard(FILE);

  it('an edited overall score and grade', () => {
    const result = verify(
      edited(card, (c) => {
        (c.score as { overall: number | null }).overall = 99;
        (c.score as { grade: string | null }).grade = 'Exceptional';
      }),
    );
    expect(verdictOf(result)).toBe('differs');
    expect(!result.ok && result.problems).toContainEqual(
      expect.objectContaining({ field: 'score.overall', recorded: 99, computed: card.score.overall }),
    );
  });

  it('an edited dimension score', () => {
    const result = verify(
      edited(card, (c) => {
        (c.score.contacts[0]?.dimensions.tier as { score: number | null }).score = 12;
      }),
    );
    expect(fields(result)).toContain('score.contacts[0].dimensions.tier.score');
  });

  it('an edited event: the hash chain breaks at it and the replay disagrees', () => {
    const index = card.log.findIndex((e) => e.kind === 'event' && e.event.type === 'persona.felt');
    const result = verify(
      edited(card, (c) => {
        const entry = c.log[index];
        if (entry?.kind === 'event' && entry.event.type === 'persona.felt')
          (entry.event as { mood: number }).mood = 0.9;
      }),
    );
    expect(verdictOf(result)).toBe('differs');
    expect(fields(result)).toEqual([`log[${index}].hash`, `log[${index}]`]);
  });

  it('an edited judgement with its hashes recomputed: the reply is read again and disagrees', () => {
    const index = card.log.findIndex((e) => e.kind === 'event' && e.event.type === 'reply.analysed');
    const result = verify(
      edited(card, (c) => {
        const entry = c.log[index];
        if (entry?.kind === 'event' && entry.event.type === 'reply.analysed')
          (entry.event as { tone: number }).tone = 1;
        rechain(c);
      }),
    );
    expect(fields(result)).toEqual([`log[${index}]`]);
  });

  it('an edited input with its hashes recomputed: the replay still disagrees', () => {
    const index = card.log.findIndex(
      (e) => e.kind === 'input' && e.input.type === 'trainee.intent' && e.input.intent.type === 'escalate',
    );
    const result = verify(
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
    );
    expect(verdictOf(result)).toBe('differs');
    expect(fields(result).some((f) => f.endsWith('.hash'))).toBe(false);
    expect(fields(result).some((f) => /^log\[\d+\]$/.test(f))).toBe(true);
  });

  it('an edited trainee name breaks the chain from its start', () => {
    const result = verify(
      edited(card, (c) => {
        (c.trainee as { name: string }).name = 'Someone Else';
      }),
    );
    expect(fields(result)[0]).toBe('log[0].hash');
  });

  it('a scenario version that is not available', () => {
    const result = verify(
      edited(card, (c) => {
        (c.scenarios[0] as { contentHash: string }).contentHash = 'f'.repeat(64);
        rechain(c);
      }),
    );
    expect(verdictOf(result)).toBe('scenario-unavailable');
  });

  it('a header edited without its hashes worked out again, whatever the rules it claims', () => {
    const result = verify(
      edited(card, (c) => {
        (c.scenarios[0] as { contentHash: string }).contentHash = 'f'.repeat(64);
      }),
    );
    expect(fields(result)).toEqual(['log[0].hash']);
  });

  it('a header field the replay vouches for, edited with its hashes worked out again', () => {
    const result = verify(
      edited(card, (c) => {
        (c.scenarios[0] as { version: number }).version += 1;
        (c.attempt as { mode: string }).mode = 'shift';
        rechain(c);
      }),
    );
    expect(fields(result)).toEqual(['scenarios[0].version', 'attempt.mode']);
  });
});

describe('rules this build does not have', () => {
  const card = playedScorecard(FILE);
  // Rule sets past builds made scorecards with, as RULE_SETS lists them: these stand in for them.
  const past = [
    ...RULE_SETS,
    {
      format: SCORECARD_VERSION,
      engine: '0.9.0',
      analyser: `lexicon@${lexiconAnalyser.version}`,
      rubric: RUBRIC_VERSION,
    },
    { format: SCORECARD_VERSION, engine: ENGINE_VERSION, analyser: 'lexicon@9.9.9', rubric: RUBRIC_VERSION },
    {
      format: SCORECARD_VERSION,
      engine: ENGINE_VERSION,
      analyser: `lexicon@${lexiconAnalyser.version}`,
      rubric: '0.1.0',
    },
  ];
  const verifyPast = (c: Scorecard) =>
    verifyScorecard(c, scenarios(), { analyser: lexiconAnalyser, ruleSets: past });

  it.each([
    [
      'engine',
      (c: Scorecard) => Object.assign(c, { engineVersion: '0.9.0' }),
      '0.9.0',
      ENGINE_VERSION,
      false,
    ],
    [
      'analyser',
      (c: Scorecard) => Object.assign(c, { analyser: { id: 'lexicon', version: '9.9.9' } }),
      'lexicon@9.9.9',
      `lexicon@${lexiconAnalyser.version}`,
      false,
    ],
    ['rubric', (c: Scorecard) => Object.assign(c, { rubricVersion: '0.1.0' }), '0.1.0', RUBRIC_VERSION, true],
  ] as const)(
    'a scorecard from another %s cannot be re-checked, and is not called edited',
    (component, change, made, current, logVerified) => {
      // A scorecard really made with those rules has its hash chain made with them too.
      const older = edited(card, (c) => {
        change(c);
        rechain(c);
      });
      // Rules no build had are an edit, not an old scorecard.
      expect(verify(older)).toMatchObject({ ok: false, problems: [{ code: 'differs', field: 'version' }] });
      const result = verifyPast(older);
      expect(verdictOf(result)).toBe('cannot-recheck');
      expect(!result.ok && result.problems).toEqual([
        expect.objectContaining({ code: 'cannot-recheck', component, made, current, logVerified }),
      ]);
      expect(!result.ok && result.problems[0]?.message).toMatch(/cannot re-check/);
    },
  );

  it('an edited log is still caught when only the rubric is unknown', () => {
    const index = card.log.findIndex((e) => e.kind === 'event' && e.event.type === 'persona.felt');
    const result = verifyPast(
      edited(card, (c) => {
        Object.assign(c, { rubricVersion: '0.1.0' });
        const entry = c.log[index];
        if (entry?.kind === 'event' && entry.event.type === 'persona.felt')
          (entry.event as { mood: number }).mood = 0.9;
      }),
    );
    expect(verdictOf(result)).toBe('differs');
  });

  it('a scorecard in the earlier format is read by its summary and cannot be re-checked', () => {
    const older = JSON.parse(scorecardToJson(card));
    Object.assign(older, { version: 1, engineVersion: '1.1.0', rubricVersion: '1.0.0' });
    delete older.analyser;
    const parsed = parseScorecard(JSON.stringify(older, null, 2), 'old.json');
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    expect(parsed.value.current).toBe(false);
    if (parsed.value.current) return;
    expect(parsed.value.summary).toMatchObject({
      trainee: { name: 'Ana Ruiz' },
      score: { grade: card.score.grade },
    });
    const result = verifyScorecard(parsed.value, scenarios(), { analyser: lexiconAnalyser });
    expect(verdictOf(result)).toBe('cannot-recheck');
    expect(!result.ok && result.problems[0]?.message).toMatch(/format 1 by engine 1\.1\.0/);
  });

  it('a scorecard claiming the earlier format with rules that never wrote it was edited', () => {
    const older = JSON.parse(scorecardToJson(card));
    older.version = 1;
    const parsed = parseScorecard(JSON.stringify(older), 'old.json');
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    const result = verifyScorecard(parsed.value, scenarios(), { analyser: lexiconAnalyser });
    expect(verdictOf(result)).toBe('differs');
    expect(!result.ok && result.problems[0]?.message).toMatch(
      /No build made scorecards in format 1 with engine \d/,
    );
  });

  it('a scorecard from a newer format is refused with a plain reason', () => {
    const newer = JSON.parse(scorecardToJson(card));
    newer.version = 99;
    const parsed = parseScorecard(JSON.stringify(newer), 'new.json');
    expect(!parsed.ok && parsed.problems[0]?.message).toMatch(/newer version/);
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
      expect(result.problems[0]?.file).toBe('card.json');
      expect(result.problems[0]?.message).toMatch(message);
    }
  });

  it('names the line and field of a wrong value', () => {
    const card = JSON.parse(good);
    card.log[3].at = 'soon';
    const text = JSON.stringify(card, null, 2);
    const result = parseScorecard(text, 'card.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.field).toBe('log[3].at');
    const line = text.split('\n')[(result.problems[0]?.line ?? 0) - 1] ?? '';
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
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/larger than/);
  });
});
