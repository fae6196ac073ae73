/**
 * The xAPI statements of finished attempts played through the engine: each statement checked against
 * the specification's rules by Learning Locker's validator, then what a learning record store and the
 * review rely on (the order of verbs, one `answered` per decision judged as the scorecard judged it,
 * an account and never an e-mail, ids made once each, the attached scorecard's bytes), and the
 * extremes one by one.
 */
import { createHash } from 'node:crypto';
import validate from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { type Scorecard, scorecardToJson } from '../../../src/core/scoring/scorecard';
import { decisionsOf } from '../../../src/game/reporting/decisions';
import {
  type AttemptStatementsInput,
  attemptStatements,
  scorecardUsageType,
  XAPI_IRI_BASE,
  XAPI_RESPONSE_LIMIT,
  type XapiStatement,
  type XapiStatementBatch,
  xapiExtensions,
  xapiResponse,
} from '../../../src/game/reporting/xapi';
import { playedScorecard } from '../../support/playedScorecard';
import { playReference } from '../../support/referenceScorecards';

const shiftCard = playedScorecard('scenarios/shifts/monday-morning.juggling.playthrough.yaml');
const practiceCard = playedScorecard(
  'scenarios/level-1/locked-out-before-payroll.promise-broken.es.playthrough.yaml',
);
const referenceCard = playReference();
const ext = xapiExtensions();
const ADL = 'http://adlnet.gov/expapi/verbs/';

/** A UUID maker that counts, so a test knows every id it handed out. */
function counter() {
  const made: string[] = [];
  const newId = () => {
    const id = `00000000-0000-4000-8000-${String(made.length + 1).padStart(12, '0')}`;
    made.push(id);
    return id;
  };
  return { made, newId };
}

function build(scorecard: Scorecard, extra: Partial<AttemptStatementsInput> = {}) {
  const ids = counter();
  const built = attemptStatements({
    scorecard,
    masteryScore: 70,
    sessionMs: 754_321,
    startedAt: '2026-11-22T09:40:00.000Z',
    registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
    homePage: 'https://lms.example.com',
    newId: ids.newId,
    ...extra,
  });
  if (!built.ok) throw new Error(built.problems[0]?.message);
  return { ...built.value, ids: ids.made };
}

function verbsOf(batch: XapiStatementBatch): string[] {
  return batch.statements.map((s) => s.verb.id.slice(ADL.length));
}

const answered = (batch: XapiStatementBatch) =>
  batch.statements.filter((s) => s.verb.id === `${ADL}answered`);
const completed = (batch: XapiStatementBatch): XapiStatement => {
  const found = batch.statements.find((s) => s.verb.id === `${ADL}completed`);
  if (!found) throw new Error('no completed statement');
  return found;
};

/** A copy of `scorecard` whose first reply says `text` instead. */
function withFirstReply(scorecard: Scorecard, text: string): Scorecard {
  let replaced = false;
  const log = scorecard.log.map((entry) => {
    if (
      replaced ||
      entry.kind !== 'input' ||
      entry.input.type !== 'trainee.intent' ||
      entry.input.intent.type !== 'reply'
    )
      return entry;
    replaced = true;
    return { ...entry, input: { ...entry.input, intent: { ...entry.input.intent, text } } };
  });
  return { ...scorecard, log };
}

describe.each([
  ['a trainee juggling the Monday morning shift', shiftCard],
  ['a practice scenario played in Spanish, a promise broken', practiceCard],
  ['the reference attempt (escalation notes, a Spanish reply)', referenceCard],
])('the statements of %s', (_, scorecard) => {
  const batch = build(scorecard);
  const decisions = decisionsOf(scorecard);

  it('each passes the xAPI validator with no warnings', () => {
    expect(batch.statements.length).toBeGreaterThan(3);
    for (const statement of batch.statements) expect(validate(statement)).toEqual([]);
  });

  it('come initialized, one answered per decision, passed or failed, completed, terminated', () => {
    const overall = scorecard.score.overall;
    expect(overall).not.toBeNull();
    const verdict = Math.round(overall ?? 0) >= 70 ? 'passed' : 'failed';
    expect(verbsOf(batch)).toEqual([
      'initialized',
      ...decisions.map(() => 'answered'),
      verdict,
      'completed',
      'terminated',
    ]);
    for (const s of batch.statements) expect(s.verb.display['en-US']).toBe(s.verb.id.slice(ADL.length));
  });

  it('answer each decision as the scorecard judged it, with its evidence and game time', () => {
    expect(decisions.length).toBeGreaterThan(0);
    const statements = answered(batch);
    expect(statements).toHaveLength(decisions.length);
    for (const [i, decision] of decisions.entries()) {
      const s = statements[i];
      expect(s?.object.id).toBe(`${XAPI_IRI_BASE}scenarios/${decision.scenario}/decisions/${decision.id}`);
      expect(s?.object.definition.interactionType).toBe(
        decision.kind === 'reply' ? 'long-fill-in' : 'performance',
      );
      expect(s?.result?.success).toBe(
        decision.result === 'neutral' ? undefined : decision.result === 'correct',
      );
      expect(s?.result?.extensions?.[ext.evidence]).toEqual({
        keys: decision.evidenceKeys,
        points: decision.points,
      });
      expect(s?.context.extensions[ext.gameTime]).toBe(decision.at);
      expect(s?.context.contextActivities?.parent?.[0]?.id).toBe(
        `${XAPI_IRI_BASE}scenarios/${decision.scenario}`,
      );
      expect(s?.context.language).toBe(decision.language ?? scorecard.attempt.language);
      const ref = scorecard.scenarios.find((r) => r.id === decision.scenario);
      expect(s?.context.extensions[ext.scenarioSha256]).toEqual([
        { id: decision.scenario, version: ref?.version, sha256: ref?.contentHash },
      ]);
      if (decision.kind === 'reply' && decision.response.trim().length <= XAPI_RESPONSE_LIMIT)
        expect(s?.result?.response).toBe(decision.response.trim());
      if (decision.kind !== 'reply')
        expect(s?.result?.response?.startsWith(`${decision.kind}[.]`)).toBe(true);
    }
  });

  it('name the trainee by an account, never an e-mail', () => {
    expect(JSON.stringify(batch.statements)).not.toMatch(/mbox|mailto:/);
    for (const s of batch.statements) {
      expect(s.actor).toEqual({
        objectType: 'Agent',
        name: scorecard.trainee.name,
        account: { homePage: 'https://lms.example.com', name: scorecard.trainee.id },
      });
    }
  });

  it('take each id once from newId, in the order they were made', () => {
    expect(batch.statements.map((s) => s.id)).toEqual(batch.ids);
    expect(new Set(batch.ids).size).toBe(batch.statements.length);
  });

  it('attach the exported scorecard to the completed statement, its length and SHA-256 of its bytes', () => {
    expect(batch.attachments).toHaveLength(1);
    const [card] = batch.attachments;
    const json = scorecardToJson(scorecard);
    const bytes = Buffer.from(json, 'utf8');
    expect(Buffer.from(card?.bytes ?? []).equals(bytes)).toBe(true);
    expect(card?.attachment.length).toBe(bytes.length);
    expect(card?.attachment.sha2).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(card?.attachment.usageType).toBe(scorecardUsageType());
    expect(card?.attachment.contentType).toBe('application/json');
    expect(JSON.parse(new TextDecoder().decode(card?.bytes))).toEqual(scorecard);
    expect(completed(batch).attachments).toEqual([card?.attachment]);
    expect(batch.statements.filter((s) => s.attachments)).toHaveLength(1);
  });

  it('report the score, the headline dimensions and the grade on completing', () => {
    const raw = Math.round(scorecard.score.overall ?? 0);
    const result = completed(batch).result;
    expect(result?.score).toEqual({ raw, min: 0, max: 100, scaled: raw / 100 });
    expect(result?.completion).toBe(true);
    expect(result?.duration).toBe('PT12M34.32S');
    expect(result?.extensions?.[ext.grade]).toBe(scorecard.score.grade);
    for (const dimension of ['empathy', 'promises', 'tier'] as const) {
      const report = result?.extensions?.[ext[dimension]] as {
        score: number | null;
        contacts: { contact: string; score: number | null }[];
        evidence: { key: string; count: number; points: number }[];
      };
      expect(report.score).toBe(scorecard.score.dimensions[dimension].score);
      expect(report.contacts.map((c) => c.score)).toEqual(
        scorecard.score.contacts.map((c) => c.dimensions[dimension].score),
      );
      const all = scorecard.score.contacts.flatMap((c) => c.dimensions[dimension].evidence);
      expect(report.evidence.reduce((n, e) => n + e.count, 0)).toBe(all.length);
      for (const e of report.evidence) {
        const ofKey = all.filter((a) => a.key === e.key);
        expect(e.count).toBe(ofKey.length);
        expect(e.points).toBeCloseTo(
          ofKey.reduce((n, a) => n + a.points, 0),
          1,
        );
      }
    }
  });

  it('stamp the start with startedAt and the rest with the finish; carry the hashes everywhere', () => {
    expect(batch.statements[0]?.timestamp).toBe('2026-11-22T09:40:00.000Z');
    for (const s of batch.statements.slice(1)) expect(s.timestamp).toBe(scorecard.attempt.finishedAt);
    for (const s of batch.statements) {
      expect(s.context.registration).toBe('ec531277-b57b-4c15-8d91-d292c5b2b8f7');
      expect(s.context.extensions[ext.packSha256]).toBe(scorecard.pack.contentHash);
      expect(s.context.extensions[ext.attempt]).toBe(scorecard.attempt.id);
    }
    const last = batch.statements.at(-1);
    expect(last?.context.extensions[ext.scenarioSha256]).toEqual(
      scorecard.scenarios.map((r) => ({ id: r.id, version: r.version, sha256: r.contentHash })),
    );
  });
});

describe('what the attempt is', () => {
  it('is the shift, with its title, and groups each decision under it', () => {
    const batch = build(shiftCard);
    const shift = `${XAPI_IRI_BASE}shifts/${shiftCard.shift.id}`;
    expect(batch.statements[0]?.object.id).toBe(shift);
    expect(batch.statements[0]?.object.definition.name).toEqual(shiftCard.shift.title);
    for (const s of answered(batch)) expect(s.context.contextActivities?.grouping?.[0]?.id).toBe(shift);
  });

  it('is the scenario in practice, and nothing groups its decisions', () => {
    expect(practiceCard.attempt.mode).toBe('practice');
    const batch = build(practiceCard);
    const scenario = `${XAPI_IRI_BASE}scenarios/${practiceCard.scenarios[0]?.id}`;
    expect(batch.statements[0]?.object.id).toBe(scenario);
    expect(batch.statements.at(-1)?.object.id).toBe(scenario);
    for (const s of answered(batch)) expect(s.context.contextActivities?.grouping).toBeUndefined();
  });

  it('is minted under an organisation’s own IRI base when it gives one', () => {
    const base = 'https://learning.example.org/desk/';
    const batch = build(referenceCard, { iriBase: base });
    const iris = JSON.stringify(batch.statements).match(/https?:\/\/[^"]+/g) ?? [];
    const ours = iris.filter(
      (iri) => !iri.startsWith('http://adlnet.gov/') && !iri.startsWith('https://lms.'),
    );
    expect(ours.length).toBeGreaterThan(0);
    for (const iri of ours) expect(iri.startsWith(base)).toBe(true);
    for (const s of batch.statements) expect(validate(s)).toEqual([]);
  });
});

describe('the extremes', () => {
  it('a scorecard with no overall score neither passes nor fails', () => {
    const unscored = { ...shiftCard, score: { ...shiftCard.score, overall: null, grade: null } };
    const batch = build(unscored);
    expect(verbsOf(batch)).not.toContain('passed');
    expect(verbsOf(batch)).not.toContain('failed');
    expect(verbsOf(batch).slice(-2)).toEqual(['completed', 'terminated']);
    const result = completed(batch).result;
    expect(result?.score).toBeUndefined();
    expect(result?.success).toBeUndefined();
    expect(result?.completion).toBe(true);
    expect(result?.extensions?.[ext.grade]).toBeUndefined();
    for (const s of batch.statements) expect(validate(s)).toEqual([]);
  });

  it('a decision no evidence judged is answered without success', () => {
    const unjudged = structuredClone(referenceCard);
    for (const contact of unjudged.score.contacts) {
      contact.critical = [];
      for (const dimension of Object.values(contact.dimensions)) dimension.evidence = [];
    }
    const statements = answered(build(unjudged));
    expect(statements).toHaveLength(decisionsOf(referenceCard).length);
    for (const s of statements) {
      expect(s.result).not.toHaveProperty('success');
      expect(s.result?.extensions?.[ext.evidence]).toEqual({ keys: [], points: 0 });
      expect(validate(s)).toEqual([]);
    }
  });

  it('the validator the statements pass does find a broken one', () => {
    const [first] = build(referenceCard).statements;
    const broken = { ...first, actor: { objectType: 'Agent' }, result: { score: { scaled: 1.7 } } };
    expect(validate(broken).length).toBeGreaterThanOrEqual(2);
  });

  it('a score at the mastery score passes; one point below fails', () => {
    const raw = Math.round(shiftCard.score.overall ?? 0);
    expect(verbsOf(build(shiftCard, { masteryScore: raw }))).toContain('passed');
    expect(verbsOf(build(shiftCard, { masteryScore: raw + 1 }))).toContain('failed');
  });

  it('a very long reply is cut to the limit, with an ellipsis, and still validates', () => {
    const long = `  ${'I understand how frustrating this is for you. '.repeat(42)}  `;
    expect(long.trim().length).toBeGreaterThan(XAPI_RESPONSE_LIMIT);
    const batch = build(withFirstReply(shiftCard, long));
    const reply = answered(batch).find((s) => s.object.definition.interactionType === 'long-fill-in');
    const response = reply?.result?.response ?? '';
    expect(response.length).toBeLessThanOrEqual(XAPI_RESPONSE_LIMIT);
    expect(response.endsWith('…')).toBe(true);
    expect(long.trim().startsWith(response.slice(0, -1))).toBe(true);
    expect(validate(reply)).toEqual([]);
  });

  it('a cut never splits a character outside the BMP', () => {
    const text = `${'a'.repeat(8)}😀😀`;
    expect(xapiResponse(text, 10)).toBe(`${'a'.repeat(8)}…`);
    expect(xapiResponse(text, 12)).toBe(text);
  });

  it('a blank name gives an actor with no name, the account still there', () => {
    const nameless = { ...shiftCard, trainee: { ...shiftCard.trainee, name: '   ' } };
    const batch = build(nameless);
    for (const s of batch.statements) {
      expect(s.actor).not.toHaveProperty('name');
      expect(s.actor.account.name).toBe(shiftCard.trainee.id);
      expect(validate(s)).toEqual([]);
    }
  });

  it('an employee id, when given, is the account name', () => {
    const employee = { ...shiftCard, trainee: { ...shiftCard.trainee, employeeId: 'EMP 00417' } };
    expect(build(employee).statements[0]?.actor.account.name).toBe('EMP 00417');
  });

  it('a version 3 scorecard, its trainee named by name alone, makes no statements', () => {
    const old = { ...shiftCard, version: 3 as const, trainee: { name: 'Ana Ruiz' } };
    const ids = counter();
    const built = attemptStatements({
      scorecard: old,
      masteryScore: 70,
      sessionMs: 0,
      startedAt: '2026-11-22T09:40:00.000Z',
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      homePage: 'https://lms.example.com',
      newId: ids.newId,
    });
    expect(built.ok).toBe(false);
    expect(built.problems[0]?.code).toBe('no-learner-id');
    expect(ids.made).toEqual([]);
  });

  it('an attempt with no finish time ends at the start plus the session’s time', () => {
    const unfinished = { ...shiftCard, attempt: { ...shiftCard.attempt, finishedAt: null } };
    const batch = build(unfinished, { sessionMs: 90_000 });
    expect(batch.statements.at(-1)?.timestamp).toBe('2026-11-22T09:41:30.000Z');
    expect(completed(batch).result?.duration).toBe('PT1M30S');
  });
});
