/**
 * The outbox against a real learning record store (Learning Locker's statement service, in memory):
 * the statements of played attempts go through an offline period, a store answering 503, and a reply
 * lost after the store took the batch, and the store ends with each statement exactly once, as made.
 * Then the rest on its own: order kept behind a batch that must wait, a batch refused as malformed kept
 * with the statement the store named and never sent again, a reload that picks the queue up, storage
 * that refuses to keep, and new credentials from a new launch. Time is the test's: nothing waits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../src/core/scoring/scorecard';
import type { XapiStatementBatch } from '../../../src/game/reporting/xapi';
import { MemoryOutboxDatabase, XapiOutbox } from '../../../src/game/reporting/xapiOutbox';
import { type LrsConnection, lrsHeaders, postStatements } from '../../../src/game/reporting/xapiSend';
import { startLrs, type TestLrs } from '../../support/lrs';
import { statementBatch } from '../../support/lrsStatements';
import { playedScorecard } from '../../support/playedScorecard';
import { playReference } from '../../support/referenceScorecards';

const shiftCard = playedScorecard('scenarios/shifts/monday-morning.juggling.playthrough.yaml');
const referenceCard = playReference();

let lrs: TestLrs;
let connection: LrsConnection;
beforeAll(async () => {
  lrs = await startLrs();
  connection = { endpoint: lrs.endpoint, auth: lrs.auth };
}, 60_000);
afterAll(() => lrs?.stop());

let registrations = 0;
/** A played attempt's statements under a registration of its own, so each test reads back only its own. */
function batchOf(scorecard: Scorecard): XapiStatementBatch & { registration: string } {
  registrations += 1;
  const registration = `6c1f3a2e-0000-4000-8000-${String(registrations).padStart(12, '0')}`;
  return { ...statementBatch(scorecard, registration), registration };
}

/** Every statement the store holds for `registration`, following its `more` links. */
async function stored(registration: string): Promise<{ id: string; verb: { id: string } }[]> {
  const found: { id: string; verb: { id: string } }[] = [];
  let next: string | null = `statements?registration=${registration}&limit=20&ascending=true`;
  while (next) {
    const url: string = next.startsWith('/') ? new URL(next, lrs.endpoint).href : `${lrs.endpoint}${next}`;
    const answer = await fetch(url, { headers: lrsHeaders(connection) });
    const page = (await answer.json()) as {
      statements: { id: string; verb: { id: string } }[];
      more: string;
    };
    found.push(...page.statements);
    next = page.more || null;
  }
  return found;
}

/** A network the test switches: up, offline, the store busy (503), or replies lost on the way back. */
function network() {
  const state = { mode: 'up' as 'up' | 'offline' | 'busy' | 'lost-reply', posts: 0 };
  const fetcher: typeof fetch = async (input, init) => {
    state.posts += 1;
    if (state.mode === 'offline') throw new TypeError('Failed to fetch');
    if (state.mode === 'busy') return new Response('{"message":"Try later"}', { status: 503 });
    const answer = await fetch(input, init);
    if (state.mode === 'lost-reply') throw new TypeError('network connection was lost');
    return answer;
  };
  return { state, fetcher };
}

/** An outbox on the test's clock: `later` keeps what it asks to run, `tick` moves time and runs it. */
function outboxOn(db: MemoryOutboxDatabase, fetcher: typeof fetch) {
  let now = 1_000_000;
  const timers: { at: number; run: () => void }[] = [];
  const outbox = new XapiOutbox(db, {
    send: (c, s, a) => postStatements(c, s, a, fetcher),
    now: () => now,
    later: (run, ms) => timers.push({ at: now + ms, run }),
  });
  const tick = async (ms: number) => {
    now += ms;
    for (const timer of timers.splice(0).filter((t) => t.at <= now)) timer.run();
    await outbox.flush();
  };
  return { outbox, tick, timers };
}

describe('the outbox against a real learning record store', () => {
  it('loses nothing and stores nothing twice through an offline period, a 503 and a lost reply', async () => {
    const net = network();
    const db = new MemoryOutboxDatabase();
    const { outbox, tick } = outboxOn(db, net.fetcher);
    const first = batchOf(shiftCard);
    const second = batchOf(referenceCard);

    net.state.mode = 'offline';
    let state = await outbox.add(connection, first.statements, first.attachments);
    expect(state.waiting).toBe(1);
    expect(state.problem).toContain('Failed to fetch');
    expect(await stored(first.registration)).toEqual([]);

    // Still offline when the next attempt finishes: it queues behind the first.
    state = await outbox.add(connection, second.statements, second.attachments);
    expect(state.waiting).toBe(2);
    expect(db.batches.size).toBe(2);

    net.state.mode = 'busy';
    await tick(2_000);
    expect(outbox.current.problem).toContain('HTTP 503');
    expect(outbox.current.waiting).toBe(2);

    // The store takes the first batch, but its reply never arrives: the batch is sent again.
    net.state.mode = 'lost-reply';
    await tick(5_000);
    expect(outbox.current.waiting).toBe(2);

    net.state.mode = 'up';
    await tick(15_000);
    expect(outbox.current).toEqual({ waiting: 0, waitingStatements: 0, problem: null, refused: [] });
    expect(db.batches.size).toBe(0);

    for (const batch of [first, second]) {
      const kept = await stored(batch.registration);
      // Each statement once, with the id it was made with, in the order made.
      expect(kept.map((s) => s.id).sort()).toEqual(batch.statements.map((s) => s.id).sort());
      expect(kept.map((s) => s.verb.id.split('/').pop())).toEqual(
        batch.statements.map((s) => s.verb.id.split('/').pop()),
      );
    }
  });

  it('keeps the order: a batch behind one that must wait is not sent before it', async () => {
    const net = network();
    const { outbox, tick } = outboxOn(new MemoryOutboxDatabase(), net.fetcher);
    const first = batchOf(referenceCard);
    const second = batchOf(referenceCard);
    net.state.mode = 'busy';
    await outbox.add(connection, first.statements, first.attachments);
    net.state.mode = 'up';
    const posts = net.state.posts;
    await outbox.add(connection, second.statements, second.attachments);
    // The first is not due yet, so nothing is sent: the second waits its turn.
    expect(net.state.posts).toBe(posts);
    expect(await stored(second.registration)).toEqual([]);
    await tick(2_000);
    expect(outbox.current.waiting).toBe(0);
    expect((await stored(second.registration)).length).toBe(second.statements.length);
  });

  it('keeps a batch the store refuses as malformed, names the statement, and sends the rest', async () => {
    const net = network();
    const db = new MemoryOutboxDatabase();
    const { outbox } = outboxOn(db, net.fetcher);
    const bad = batchOf(referenceCard);
    const good = batchOf(referenceCard);
    // A score past the scale is a statement no store may keep: the game's fault.
    const broken = bad.statements.map((s, i) =>
      i === 2 ? { ...s, result: { ...s.result, score: { raw: 1, min: 0, max: 100, scaled: 7 } } } : s,
    );
    await outbox.add(connection, broken, bad.attachments);
    const state = await outbox.add(connection, good.statements, good.attachments);
    expect(state.waiting).toBe(0);
    expect(state.refused).toHaveLength(1);
    expect(state.refused[0]?.status).toBe(400);
    expect(state.refused[0]?.message).toContain('statements.2');
    expect(state.refused[0]?.statement).toEqual(broken[2]);
    expect(await stored(bad.registration)).toEqual([]);
    expect((await stored(good.registration)).length).toBe(good.statements.length);
    // Kept, never sent again.
    const posts = net.state.posts;
    await outbox.flush();
    expect(net.state.posts).toBe(posts);
    expect(db.batches.size).toBe(1);
  });

  it('picks the queue up after a reload, and sends it with the credentials of the new launch', async () => {
    const net = network();
    const db = new MemoryOutboxDatabase();
    const before = outboxOn(db, net.fetcher);
    const batch = batchOf(shiftCard);
    net.state.mode = 'offline';
    await before.outbox.add({ ...connection, auth: 'Basic expired' }, batch.statements, batch.attachments);

    // The page reloads: a new outbox over the same database, launched again with fresh credentials.
    net.state.mode = 'up';
    const after = outboxOn(db, net.fetcher);
    await after.outbox.renewAuth(connection);
    const state = await after.outbox.flush();
    expect(state.waiting).toBe(0);
    expect((await stored(batch.registration)).length).toBe(batch.statements.length);
  });

  it('sends from memory when storage will not keep the batch', async () => {
    const net = network();
    const db = new MemoryOutboxDatabase();
    db.failWrites = true;
    const { outbox, tick } = outboxOn(db, net.fetcher);
    const batch = batchOf(referenceCard);
    net.state.mode = 'offline';
    expect((await outbox.add(connection, batch.statements, batch.attachments)).waiting).toBe(1);
    net.state.mode = 'up';
    await tick(2_000);
    expect(outbox.current.waiting).toBe(0);
    expect((await stored(batch.registration)).length).toBe(batch.statements.length);
  });

  it('tries at once when told the connection is back, whatever the pause', async () => {
    const net = network();
    const { outbox, timers } = outboxOn(new MemoryOutboxDatabase(), net.fetcher);
    const batch = batchOf(referenceCard);
    net.state.mode = 'offline';
    await outbox.add(connection, batch.statements, batch.attachments);
    expect(timers).toHaveLength(1);
    net.state.mode = 'up';
    // No time has passed: the pause is not over, yet the batch goes.
    expect((await outbox.retryNow()).waiting).toBe(0);
    expect((await stored(batch.registration)).length).toBe(batch.statements.length);
  });

  it('waits longer after each failed try, up to five minutes', async () => {
    const net = network();
    net.state.mode = 'busy';
    let now = 0;
    const asked: number[] = [];
    let pending: (() => void) | null = null;
    const outbox = new XapiOutbox(new MemoryOutboxDatabase(), {
      send: (c, s, a) => postStatements(c, s, a, net.fetcher),
      now: () => now,
      later: (run, ms) => {
        asked.push(ms);
        pending = run;
      },
    });
    const batch = batchOf(referenceCard);
    await outbox.add(connection, batch.statements, batch.attachments);
    for (let i = 0; i < 8; i += 1) {
      now += asked.at(-1) ?? 0;
      (pending as (() => void) | null)?.();
      await outbox.flush();
    }
    expect(asked).toEqual([2_000, 5_000, 15_000, 30_000, 60_000, 120_000, 300_000, 300_000, 300_000]);
    expect(net.state.posts).toBe(9);
    expect(outbox.current.waiting).toBe(1);
  });
});
