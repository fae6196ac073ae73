/**
 * Reading a team from a real learning record store (Learning Locker's statement service, in memory):
 * attempts played through the engine are reported as the game reports them, for several trainees, one
 * scorecard changed after scoring, one attempt reported without its scorecard, one through cmi5 (the
 * LMS's activity as object), and statements of another course beside them. The read follows the
 * store's pages, keeps only this project's statements, hands each scorecard to the import that files
 * go through, and makes a "not re-checked" attempt of the statement without one. What a store rarely
 * does (a scorecard whose bytes do not match their hash, refused credentials, a link elsewhere) is
 * answered by a stand-in `fetch`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import { type Scorecard, traineeIdFromName } from '../../../src/core/scoring/scorecard';
import { XAPI_IRI_BASE, type XapiStatement, type XapiStatementBatch } from '../../../src/game/reporting/xapi';
import { postStatements, statementsRequest } from '../../../src/game/reporting/xapiSend';
import { importScorecards } from '../../../src/manager/importScorecards';
import { basicAuth, type LrsQuery, storePeriod } from '../../../src/manager/lrsQuery';
import {
  boundaryOf,
  multipartParts,
  newStatementAttempts,
  readLrs,
  readStatementAttempt,
} from '../../../src/manager/lrsReader';
import { trustOf } from '../../../src/manager/trust';
import { startLrs, type TestLrs } from '../../support/lrs';
import { namedScorecard, statementBatch } from '../../support/lrsStatements';
import { loadStarterPack } from '../../support/starterPack';

const WELL = 'scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml';
const BADLY = 'scenarios/level-1/locked-out-before-payroll.handled-badly.playthrough.yaml';
const SHIFT = 'scenarios/shifts/monday-morning.juggling.playthrough.yaml';
const ADL = 'http://adlnet.gov/expapi/verbs/';

const card = namedScorecard;
const batch = (scorecard: Scorecard): XapiStatementBatch => statementBatch(scorecard);

const isCompleted = (s: XapiStatement) => s.verb.id === `${ADL}completed`;

/** The batch as a store that dropped the scorecard would hold it: no attachment anywhere. */
function withoutScorecard(b: XapiStatementBatch): XapiStatementBatch {
  return { statements: b.statements.map(({ attachments: _, ...s }) => s), attachments: [] };
}

/** The batch as a cmi5 launch sends it: the LMS's activity as object, our context kept. */
function throughCmi5(b: XapiStatementBatch): XapiStatementBatch {
  return {
    ...b,
    statements: b.statements.map((s) => ({
      ...s,
      object: { ...s.object, id: 'https://lms.example.com/au/42' },
    })),
  };
}

/** A completed statement of another course in the same store. */
function foreignStatement(): XapiStatement {
  const [ours] = batch(card(WELL, 'Zed Other', 'attempt-z', 1)).statements.filter(isCompleted);
  if (!ours) throw new Error('no completed statement');
  const { attachments: _, ...rest } = ours;
  return {
    ...rest,
    id: crypto.randomUUID(),
    object: {
      objectType: 'Activity',
      id: 'https://courses.example.com/fire-safety',
      definition: { type: 'http://adlnet.gov/expapi/activities/course' },
    },
    context: { registration: rest.context.registration, language: 'en', extensions: {} },
  };
}

let lrs: TestLrs;
let between = '';
const ana = card(WELL, 'Ana Ruiz', 'attempt-ana', 1);
const bo = card(BADLY, 'Bo Chen', 'attempt-bo', 2);
const cy = card(SHIFT, 'Cy Diaz', 'attempt-cy', 3);
const deeHonest = card(WELL, 'Dee Okafor', 'attempt-dee', 4);
/** Edited after scoring: the name is part of the hash chain's start, so the replay tells. */
const dee: Scorecard = { ...deeHonest, trainee: { ...deeHonest.trainee, name: 'Dee Okafor (edited)' } };
const eli = card(BADLY, 'Eli Park', 'attempt-eli', 5);
const fay = card(WELL, 'Fay Lund', 'attempt-fay', 6);

const query = (extra: Partial<LrsQuery> = {}): LrsQuery => ({
  endpoint: lrs.endpoint,
  auth: lrs.auth,
  pageSize: 2,
  ...extra,
});

beforeAll(async () => {
  lrs = await startLrs();
  const send = async (b: XapiStatementBatch) => {
    const sent = await postStatements(
      { endpoint: lrs.endpoint, auth: lrs.auth },
      b.statements,
      b.attachments,
    );
    if (sent.kind !== 'sent') throw new Error(`${JSON.stringify(sent)}\n${lrs.log()}`);
  };
  for (const b of [batch(ana), batch(bo), batch(cy)]) await send(b);
  await send({ statements: [foreignStatement()], attachments: [] });
  // The store stamps what it receives: the later attempts are stored after this moment.
  await new Promise((done) => setTimeout(done, 20));
  between = new Date().toISOString();
  await new Promise((done) => setTimeout(done, 20));
  for (const b of [batch(dee), withoutScorecard(batch(eli)), throughCmi5(batch(fay))]) await send(b);
}, 60_000);

afterAll(async () => {
  await lrs?.stop();
});

describe('reading a team from a learning record store', () => {
  it('follows the store’s pages to the end and keeps only this project’s completed statements', async () => {
    const progress: { pages: number; statements: number }[] = [];
    const read = await readLrs(query(), { fetch, progress: (p) => progress.push(p) });
    if (!read.ok) throw new Error(read.problems[0]?.message);
    const { value } = read;
    // Seven completed statements, two a page: four pages, each reported.
    expect(value.pages).toBe(4);
    expect(progress.map((p) => p.pages)).toEqual([1, 2, 3, 4]);
    expect(progress.at(-1)?.statements).toBe(6);
    expect(value.statements).toBe(6);
    expect(value.foreign).toBe(1);
    expect(value.capped).toBe(false);
    expect(value.rejected).toEqual([]);
    expect(value.files).toHaveLength(5);
    expect(value.alone.map((a) => a.attemptId)).toEqual(['attempt-eli']);
    expect(value.rejected).toEqual([]);
    expect(
      value.files.every((f) =>
        f.name.startsWith(`learning record store · ${new URL(lrs.endpoint).host} · statement `),
      ),
    ).toBe(true);
  });

  it('hands each scorecard to the import files go through: verified, or changed after scoring', async () => {
    const read = await readLrs(query({ pageSize: 50 }), { fetch });
    if (!read.ok) throw new Error(read.problems[0]?.message);
    const imported = importScorecards(read.value.files);
    expect(imported.rejected).toEqual([]);
    const { scenarios } = loadStarterPack();
    const trust = Object.fromEntries(
      imported.accepted.map((a) => [a.attemptId, trustOf(a.read, scenarios, lexiconAnalyser).trust]),
    );
    expect(trust).toEqual({
      'attempt-ana': 'verified',
      'attempt-bo': 'verified',
      'attempt-cy': 'verified',
      'attempt-dee': 'changed',
      'attempt-fay': 'verified',
    });
    // Read again, the same attempts are already here: counted once.
    const known = new Map(imported.accepted.map((a) => [a.attemptId, a.hash]));
    const again = await readLrs(query({ pageSize: 50 }), { fetch });
    if (!again.ok) throw new Error('second read failed');
    expect(importScorecards(again.value.files, known)).toMatchObject({ accepted: [], duplicates: 5 });
  });

  it('makes an attempt of a completed statement without its scorecard, from the statement alone', async () => {
    const read = await readLrs(query(), { fetch });
    if (!read.ok) throw new Error('read failed');
    const [alone] = read.value.alone;
    expect(alone?.summary).toEqual({
      trainee: { name: 'Eli Park', id: traineeIdFromName('Eli Park') },
      attempt: {
        id: 'attempt-eli',
        mode: 'practice',
        language: 'en',
        finishedAt: '2026-12-05T09:00:00.000Z',
      },
      scenarios: [{ id: 'locked-out-before-payroll' }],
      score: { overall: Math.round(eli.score.overall ?? -1), grade: eli.score.grade },
      // The headline dimensions as the completed statement reports them: the scorecard's own.
      dimensions: {
        empathy: eli.score.dimensions.empathy.score,
        promises: eli.score.dimensions.promises.score,
        tier: eli.score.dimensions.tier.score,
      },
    });
    // Kept and read back when the page opens, it is the same attempt.
    expect(alone && readStatementAttempt(alone)).toEqual(alone);
    expect(readStatementAttempt({ hash: 'h', file: 'f', text: '{"id":"x"}' })).toBeNull();
    // Read twice, or held already as a scorecard, it counts once.
    const twice = newStatementAttempts([...read.value.alone, ...read.value.alone], new Set());
    expect(twice).toMatchObject({ duplicates: 1 });
    expect(twice.taken).toHaveLength(1);
    expect(newStatementAttempts(read.value.alone, new Set(['attempt-eli']))).toEqual({
      taken: [],
      duplicates: 1,
    });
  });

  it('reads only what the store received within the dates asked', async () => {
    const ids = async (extra: Partial<LrsQuery>) => {
      const read = await readLrs(query(extra), { fetch });
      if (!read.ok) throw new Error(read.problems[0]?.message);
      const files = importScorecards(read.value.files).accepted.map((a) => a.attemptId);
      return [...files, ...read.value.alone.map((a) => a.attemptId)].sort();
    };
    expect(await ids({ until: between })).toEqual(['attempt-ana', 'attempt-bo', 'attempt-cy']);
    expect(await ids({ since: between })).toEqual(['attempt-dee', 'attempt-eli', 'attempt-fay']);
    expect(await ids({ since: '2999-01-01T00:00:00.000Z' })).toEqual([]);
  });

  it('turns the days a manager picks into the whole of those days, in UTC', () => {
    expect(storePeriod('2026-12-01', '2026-12-03')).toEqual({
      since: '2026-12-01T00:00:00.000Z',
      until: '2026-12-04T00:00:00.000Z',
    });
    expect(storePeriod('', '')).toEqual({});
    expect(storePeriod('yesterday', '2026-12-31')).toEqual({ until: '2027-01-01T00:00:00.000Z' });
  });

  it('reads only the attempts on one activity when asked', async () => {
    const read = await readLrs(query({ activity: `${XAPI_IRI_BASE}shifts/monday-morning` }), { fetch });
    if (!read.ok) throw new Error(read.problems[0]?.message);
    expect(importScorecards(read.value.files).accepted.map((a) => a.attemptId)).toEqual(['attempt-cy']);
    expect(read.value.alone).toEqual([]);
  });

  it('stops at its cap and says so', async () => {
    const read = await readLrs(query(), { fetch, maxPages: 1 });
    expect(read.ok && [read.value.pages, read.value.capped]).toEqual([1, true]);
  });
});

/** A `fetch` that answers every request with `answer`, and records the URLs asked for. */
function answering(answer: () => Response) {
  const asked: string[] = [];
  const stand = (async (input: string | URL | Request) => {
    asked.push(String(input));
    return answer();
  }) as typeof fetch;
  return { asked, stand };
}

const endpoint = 'https://lrs.example.com/xAPI/';

describe('what a store rarely does', () => {
  it('rejects a scorecard whose bytes do not match the hash its statement declares', async () => {
    const honest = batch(ana);
    const completed = honest.statements.find(isCompleted) as XapiStatement;
    const real = honest.attachments[0];
    if (!real) throw new Error('no attachment');
    // The bytes as a store (or someone between) changed them, sent under the declared hash.
    const changed = new TextEncoder().encode(
      new TextDecoder().decode(real.bytes).replace('Ana Ruiz', 'Ann Ruiz'),
    );
    const body = statementsRequest([], [{ attachment: real.attachment, bytes: changed }]);
    const json = new TextEncoder().encode(JSON.stringify({ statements: [completed], more: '' }));
    // The game's request writer makes the multipart; its empty statement list is swapped for a result.
    const text = new TextDecoder().decode(body.body).replace('[]', new TextDecoder().decode(json));
    const { stand } = answering(() => new Response(text, { headers: { 'Content-Type': body.contentType } }));
    const read = await readLrs({ endpoint, auth: 'Basic x', pageSize: 10 }, { fetch: stand });
    if (!read.ok) throw new Error(read.problems[0]?.message);
    expect(read.value.files).toEqual([]);
    expect(read.value.alone).toEqual([]);
    expect(read.value.rejected).toEqual([
      expect.objectContaining({
        file: `learning record store · lrs.example.com · statement ${completed.id}`,
        message: expect.stringMatching(/does not match the SHA-256 its statement declares/),
      }),
    ]);
  });

  it('says plainly when the key and secret are not accepted', async () => {
    const { stand } = answering(() => Response.json({ message: 'Unauthorised' }, { status: 401 }));
    const read = await readLrs({ endpoint, auth: basicAuth('key', 'wrong'), pageSize: 10 }, { fetch: stand });
    expect(read.ok ? null : read.problems[0]).toEqual({
      code: 'not-accepted',
      status: 401,
      message: 'Unauthorised',
    });
  });

  it('tells an unreachable store from one that refuses, in the store’s own words', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const unreachable = await readLrs({ endpoint, auth: 'Basic x', pageSize: 10 }, { fetch: offline });
    expect(unreachable.ok ? null : unreachable.problems[0]?.code).toBe('unreachable');
    const { stand } = answering(() => Response.json({ message: 'Invalid since date' }, { status: 400 }));
    const refused = await readLrs({ endpoint, auth: 'Basic x', pageSize: 10 }, { fetch: stand });
    expect(refused.ok ? null : refused.problems[0]).toEqual({
      code: 'refused',
      status: 400,
      message: 'Invalid since date',
    });
    const bad = await readLrs({ endpoint: 'ftp://x', auth: '', pageSize: 1 }, { fetch: stand });
    expect(bad.ok ? null : bad.problems[0]?.code).toBe('bad-endpoint');
  });

  it('follows `more` on the endpoint’s own origin only, and asks as xAPI 1.0.3 asks', async () => {
    let page = 0;
    const { asked, stand } = answering(() => {
      page += 1;
      return Response.json({
        statements: [],
        more: page === 1 ? '/xAPI/statements?cursor=2' : 'https://elsewhere.example/steal',
      });
    });
    const read = await readLrs(
      {
        endpoint: 'https://lrs.example.com/xAPI',
        auth: 'Basic x',
        pageSize: 5,
        activity: 'https://w3id.org/a',
        since: '2026-12-01T00:00:00.000Z',
      },
      { fetch: stand },
    );
    expect(read.ok ? null : read.problems[0]?.message).toMatch(/another site/);
    const first = new URL(asked[0] ?? '');
    expect(first.origin + first.pathname).toBe('https://lrs.example.com/xAPI/statements');
    expect(Object.fromEntries(first.searchParams)).toEqual({
      verb: `${ADL}completed`,
      attachments: 'true',
      activity: 'https://w3id.org/a',
      related_activities: 'true',
      since: '2026-12-01T00:00:00.000Z',
      limit: '5',
    });
    expect(asked[1]).toBe('https://lrs.example.com/xAPI/statements?cursor=2');
    expect(asked).toHaveLength(2);
  });
});

describe('multipart answers', () => {
  it('cuts parts on bytes, so binary content with line breaks and dashes comes out whole', () => {
    const binary = new Uint8Array([0, 255, 13, 10, 45, 45, 98, 13, 10, 13, 10, 7]);
    const head = new TextEncoder().encode(
      'preamble\r\n--b=(1)\r\nContent-Type:application/json\r\n\r\n{"statements":[]}\r\n--b=(1)\r\nX-Experience-API-Hash: abc\r\n\r\n',
    );
    const tail = new TextEncoder().encode('\r\n--b=(1)--\r\n');
    const body = new Uint8Array([...head, ...binary, ...tail]);
    expect(boundaryOf('multipart/mixed; boundary="zz z"')).toBe('zz z');
    expect(boundaryOf('multipart/mixed; charset=UTF-8; boundary=zzzlearninglockerzzz')).toBe(
      'zzzlearninglockerzzz',
    );
    const parts = multipartParts(body, 'b=(1)');
    expect(parts?.map((p) => Object.fromEntries(p.headers))).toEqual([
      { 'content-type': 'application/json' },
      { 'x-experience-api-hash': 'abc' },
    ]);
    expect([...(parts?.[1]?.body ?? [])]).toEqual([...binary]);
    // As Learning Locker closes a body with no attachment: no CRLF before the close delimiter.
    const bare = new TextEncoder().encode(
      '\r\n--zz\r\nContent-Type:application/json\r\n\r\n{"more":""}--zz--',
    );
    expect(multipartParts(bare, 'zz')?.map((p) => new TextDecoder().decode(p.body))).toEqual(['{"more":""}']);
    // Cut short, it is no multipart at all.
    expect(multipartParts(body.subarray(0, 60), 'b=(1)')).toBeNull();
  });
});
