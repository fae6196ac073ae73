/**
 * The manager's verification, off the page's thread: reads its share of the files (see
 * `importScorecards`), replays and rescores every scorecard against the scenario versions the page
 * holds, and reports progress as it goes, so a large import never freezes the page. The page runs one
 * worker per core and puts their shares together.
 */
import { lexiconAnalyser } from '../core/analysis/lexiconAnalyser';
import type { Scenario } from '../core/scenario/types';
import { parseScorecard, type ReadScorecard } from '../core/scoring/readScorecard';
import { readFiles, readScorecardFiles } from './importScorecards';
import type { ImportFile, ImportPart, UnreadFile } from './importShares';
import { type TrustReport, trustOf } from './trust';

/** What the page asks: files, the scenarios to verify with, and the attempts already held. */
export interface VerifyRequest {
  readonly files: readonly (ImportFile | UnreadFile)[];
  readonly scenarios: readonly Scenario[];
  readonly known: readonly (readonly [string, string])[];
}

/** An accepted scorecard as the worker hands it back: where it came from, its text and its trust. */
export interface Verified extends TrustReport {
  readonly hash: string;
  readonly attemptId: string;
  readonly file: string;
  readonly line: number;
  readonly text: string;
  /** The scorecard as read, so the page need not read it again. */
  readonly read: ReadScorecard;
}

/** A scorecard the page keeps, to be read back when the page opens. */
export interface KeptText {
  readonly hash: string;
  readonly file: string;
  readonly text: string;
}

/** What the page asks of a worker: to verify files, or to read back the scorecards it keeps. */
export type WorkerRequest =
  | ({ readonly kind: 'verify' } & VerifyRequest)
  | { readonly kind: 'read'; readonly kept: readonly KeptText[] };

/** What the worker says: progress, then its share's result; or the kept scorecards, read. */
export type VerifyMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly part: ImportPart<Verified> }
  | {
      readonly type: 'read';
      readonly reads: readonly { readonly hash: string; readonly read: ReadScorecard }[];
    };

/**
 * Reads kept scorecards back, strictly as on import; one that no longer reads (its storage was
 * edited) is left out.
 */
export function readKept(kept: readonly KeptText[]) {
  return kept.flatMap((k) => {
    const read = parseScorecard(k.text, k.file);
    return read.ok ? [{ hash: k.hash, read: read.value }] : [];
  });
}

/** The work itself, without the worker around it (the page runs it inline where workers are missing). */
export async function verifyFiles(
  request: VerifyRequest,
  progress: (done: number, total: number) => void,
): Promise<ImportPart<Verified>> {
  const part = readScorecardFiles(await readFiles(request.files), new Map(request.known));
  const total = part.accepted.length;
  progress(0, total);
  const accepted = part.accepted.map((a, i) => {
    const report = trustOf(a.read, request.scenarios, lexiconAnalyser);
    if (i % 10 === 9 || i === total - 1) progress(i + 1, total);
    return {
      ...report,
      hash: a.hash,
      attemptId: a.attemptId,
      file: a.file,
      line: a.line,
      text: a.text,
      read: a.read,
    };
  });
  return { ...part, accepted };
}

// Inside a worker: answer each request.
if (typeof self !== 'undefined' && 'importScripts' in self) {
  self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
    const post = (message: VerifyMessage) => self.postMessage(message);
    const request = event.data;
    if (request.kind === 'read') {
      post({ type: 'read', reads: readKept(request.kept) });
      return;
    }
    void verifyFiles(request, (done, total) => post({ type: 'progress', done, total })).then((part) =>
      post({ type: 'done', part }),
    );
  });
}
