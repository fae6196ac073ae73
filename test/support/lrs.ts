/**
 * A real learning record store for the xAPI and cmi5 peer tests: Learning Locker's statement service
 * (`xapi-statements`, GPL-3.0), from its own folder `test/tools/lrs` (`.ci/ensure-lrs.sh` installs it),
 * run in memory as a child process on a free port. Each test file starts its own, so no test sees
 * another's statements; nothing is written into the source tree (its access logs go to a temporary
 * folder).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TOOL = resolve(import.meta.dirname, '../tools/lrs');
const SERVER = join(TOOL, 'node_modules/xapi-statements/dist/server.js');

/** A running store: its xAPI endpoint (ending in `/`), the Basic credentials it takes, and how to stop it. */
export interface TestLrs {
  readonly endpoint: string;
  /** `Authorization` header value; the test store accepts any Basic credentials. */
  readonly auth: string;
  /** What the store printed, for a failing test's message. */
  readonly log: () => string;
  stop(): Promise<void>;
}

/** A port nobody is listening on, from the system. */
export async function freePort(): Promise<number> {
  return new Promise((done, failed) => {
    const server = createServer();
    server.once('error', failed);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts the store and waits until it answers `/xAPI/about`. */
export async function startLrs(): Promise<TestLrs> {
  if (!existsSync(SERVER)) {
    throw new Error(
      `The test learning record store is not installed (${SERVER} is missing). Run: bash .ci/ensure-lrs.sh`,
    );
  }
  const port = await freePort();
  const logs = mkdtempSync(join(tmpdir(), 'escalation-lrs-'));
  const child: ChildProcess = spawn(process.execPath, [SERVER], {
    cwd: logs,
    env: {
      ...process.env,
      EVENTS_REPO: 'test',
      AUTH_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'memory',
      EXPRESS_PORT: String(port),
      EXPRESS_MORGAN_DIRECTORY: logs,
      NODE_NO_WARNINGS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk) => {
    printed += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    printed += String(chunk);
  });
  const endpoint = `http://127.0.0.1:${port}/xAPI/`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    }
    rmSync(logs, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The test learning record store exited (${child.exitCode}):\n${printed}`);
    }
    try {
      const about = await fetch(`${endpoint}about`);
      if (about.ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 300) {
      await stop();
      throw new Error(`The test learning record store did not answer on ${endpoint}:\n${printed}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return { endpoint, auth: `Basic ${btoa('escalation-desk:test')}`, log: () => printed, stop };
}
