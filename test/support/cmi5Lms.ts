/**
 * The learning system's side of a cmi5 launch, for the peer tests: test support, not a stand-in for
 * what is tested. The real learning record store (`lrs.ts`) keeps the statements; it has no State or
 * Agent Profile API, so this server does what a cmi5 LMS does around it: hands out the one-time token
 * at the `fetch` address, serves the launch data (`LMS.LaunchData`) and the learner's preferences,
 * keeps the AU's own state documents, and passes every statement request through to the store with
 * the store's credentials. A switch makes the store look offline or busy (503) to the game.
 *
 * It answers from its own origin, as a learning system does, with the CORS headers a browser needs.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startLrs, type TestLrs } from './lrs';
import { type Served, serveFolder, unpackPackage } from './serveFolder';

/** What the launch data says (cmi5 10.2.2). */
export interface LaunchData {
  readonly contextTemplate: {
    readonly contextActivities?: Record<string, readonly { id: string }[]>;
    readonly extensions: Record<string, unknown>;
  };
  readonly launchMode: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
  readonly moveOn: string;
  readonly returnURL?: string;
}

/** One learner's registration, as the learning system launches it. */
export interface Registration {
  readonly registration: string;
  readonly actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  readonly activityId: string;
  readonly launchData: LaunchData;
  readonly preferences?: { languagePreference?: string; audioPreference?: 'on' | 'off' };
}

/** The running learning system. */
export interface TestCmi5Lms {
  /** Where its xAPI endpoint is (ending in `/`). */
  readonly endpoint: string;
  /** `offline` drops the connection, `busy` answers 503: only for statements, as a store would fail. */
  mode: 'up' | 'offline' | 'busy';
  /** Statement requests that reached it, by method, whatever came of them. */
  readonly statementRequests: { method: string; status: number }[];
  /**
   * Credentials for an xAPI (Tin Can) launch, which carries them in its address instead of a one-time
   * token: the `Authorization` value this server takes.
   */
  storeAuth(): string;
  /** The address to launch the AU at `auUrl` for `registration` with. */
  launchUrl(auUrl: string, registration: Registration): string;
  /** The AU's state documents it holds, by state id. */
  readonly states: Map<string, string>;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
  'Access-Control-Expose-Headers': 'X-Experience-API-Version, X-Experience-API-Consistent-Through',
};

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function answer(response: ServerResponse, status: number, body: unknown = null): void {
  response.writeHead(status, { ...CORS, 'Content-Type': 'application/json' });
  response.end(body === null ? '' : JSON.stringify(body));
}

/** Starts the learning system in front of `lrs`, with the registrations it launches. */
export async function startCmi5Lms(
  lrs: TestLrs,
  registrations: readonly Registration[],
): Promise<TestCmi5Lms> {
  const byRegistration = new Map(registrations.map((r) => [r.registration, r]));
  const tokens = new Map<string, { registration: string; used: boolean }>();
  const states = new Map<string, string>();
  const statementRequests: { method: string; status: number }[] = [];
  let tokenCount = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://lms.test');
    if (request.method === 'OPTIONS') return answer(response, 204);
    // The one-time token (cmi5 8.2): a second fetch with the same address is refused.
    const fetchMatch = /^\/fetch\/([^/]+)$/.exec(url.pathname);
    if (fetchMatch) {
      const key = decodeURIComponent(fetchMatch[1] ?? '');
      const held = tokens.get(key);
      if (!held || held.used)
        return answer(response, 200, { 'error-code': '1', 'error-text': 'Already in use' });
      held.used = true;
      return answer(response, 200, { 'auth-token': Buffer.from(`learner:${key}`).toString('base64') });
    }
    if (!url.pathname.startsWith('/lrs/')) return answer(response, 404);
    const resource = url.pathname.slice('/lrs/'.length);
    const authorised = [...tokens.entries()].some(
      ([key, t]) =>
        t.used &&
        request.headers.authorization === `Basic ${Buffer.from(`learner:${key}`).toString('base64')}`,
    );
    if (!authorised) return answer(response, 401, { message: 'No valid token' });

    if (resource === 'activities/state') {
      const stateId = url.searchParams.get('stateId') ?? '';
      const registration = url.searchParams.get('registration') ?? '';
      if (stateId === 'LMS.LaunchData') {
        const known = byRegistration.get(registration);
        return known ? answer(response, 200, known.launchData) : answer(response, 404);
      }
      const key = `${registration}|${stateId}`;
      if (request.method === 'GET') {
        const kept = states.get(key);
        if (kept === undefined) return answer(response, 404);
        response.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
        return response.end(kept);
      }
      if (request.method === 'PUT' || request.method === 'POST') {
        states.set(key, (await bodyOf(request)).toString('utf8'));
        return answer(response, 204);
      }
      if (request.method === 'DELETE') {
        states.delete(key);
        return answer(response, 204);
      }
    }
    if (resource === 'agents/profile') {
      const agent = url.searchParams.get('agent') ?? '';
      const known = [...byRegistration.values()].find(
        (r) => JSON.stringify(r.actor) === agent || agent.includes(r.actor.account.name),
      );
      return known?.preferences ? answer(response, 200, known.preferences) : answer(response, 404);
    }
    if (resource === 'statements' || resource === 'about') {
      const record = { method: request.method ?? 'GET', status: 0 };
      if (resource === 'statements') statementRequests.push(record);
      if (resource === 'statements' && lms.mode === 'offline') {
        record.status = -1;
        request.socket.destroy();
        return;
      }
      if (resource === 'statements' && lms.mode === 'busy') {
        record.status = 503;
        return answer(response, 503, { message: 'The store is busy' });
      }
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await bodyOf(request);
      const passed = await fetch(`${lrs.endpoint}${resource}${url.search}`, {
        method: request.method ?? 'GET',
        headers: {
          'X-Experience-API-Version': String(request.headers['x-experience-api-version'] ?? '1.0.3'),
          'Content-Type': String(request.headers['content-type'] ?? 'application/json'),
          Authorization: lrs.auth,
        },
        ...(body ? { body: new Uint8Array(body) } : {}),
      });
      record.status = passed.status;
      const bytes = Buffer.from(await passed.arrayBuffer());
      response.writeHead(passed.status, {
        ...CORS,
        'Content-Type': passed.headers.get('content-type') ?? 'application/json',
        'X-Experience-API-Version': '1.0.3',
      });
      return response.end(bytes);
    }
    return answer(response, 404);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      answer(response, 500, { message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const lms: TestCmi5Lms = {
    endpoint: `${origin}/lrs/`,
    mode: 'up',
    statementRequests,
    states,
    storeAuth() {
      tokenCount += 1;
      const key = `t${tokenCount}`;
      tokens.set(key, { registration: '', used: true });
      return `Basic ${Buffer.from(`learner:${key}`).toString('base64')}`;
    },
    launchUrl(auUrl, r) {
      tokenCount += 1;
      const key = `t${tokenCount}`;
      tokens.set(key, { registration: r.registration, used: false });
      const query = new URLSearchParams({
        endpoint: `${origin}/lrs/`,
        fetch: `${origin}/fetch/${key}`,
        actor: JSON.stringify(r.actor),
        registration: r.registration,
        activityId: r.activityId,
      });
      return `${auUrl}${auUrl.includes('?') ? '&' : '?'}${query}`;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return lms;
}

/** A packaged course served beside a learning system in front of a real store, for one test file. */
export interface StoreCourse {
  readonly lrs: TestLrs;
  readonly lms: TestCmi5Lms;
  /** Where the unpacked package is served; its game page is `${base}crisis/index.html`. */
  readonly served: Served;
}

/**
 * Before the calling file's tests: builds the `standard` package of `scenario` from this run's `dist/`,
 * unpacks it as a learning system would, starts the store and the learning system in front of it with
 * `registrations`, and serves the package; after them, stops and removes it all.
 */
export function storeCourse(
  standard: 'cmi5' | 'xapi',
  scenario: string,
  registrations: readonly Registration[],
): () => StoreCourse {
  let root = '';
  let course: StoreCourse | null = null;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), `escalation-desk-${standard}-`));
    await unpackPackage(root, 'crisis', standard, scenario);
    const lrs = await startLrs();
    const lms = await startCmi5Lms(lrs, registrations);
    course = { lrs, lms, served: await serveFolder(root) };
  }, 120_000);
  afterAll(async () => {
    await course?.served.close();
    await course?.lms.close();
    await course?.lrs.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });
  return () => {
    if (!course) throw new Error('The course is served before the tests run.');
    return course;
  };
}
