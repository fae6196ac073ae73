/**
 * The manager's verification, off the page's thread: reads its share of the files (see
 * `importScorecards`), replays and rescores every scorecard against the scenario versions the page
 * holds, and reports progress as it goes, so a large import never freezes the page. The page runs one
 * worker per core and puts their shares together.
 */
import { lexiconAnalyser } from '../core/analysis/lexiconAnalyser';
import type { Scenario } from '../core/scenario/types';
import type { ReadScorecard } from '../core/scoring/readScorecard';
import {
  type ImportFile,
  type ImportPart,
  readFiles,
  readScorecardFiles,
  type UnreadFile,
} from './importScorecards';
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

/** What the worker says: progress, then its share's result. */
export type VerifyMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly part: ImportPart<Verified> };

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
  self.addEventListener('message', (event: MessageEvent<VerifyRequest>) => {
    const post = (message: VerifyMessage) => self.postMessage(message);
    void verifyFiles(event.data, (done, total) => post({ type: 'progress', done, total })).then((part) =>
      post({ type: 'done', part }),
    );
  });
}
