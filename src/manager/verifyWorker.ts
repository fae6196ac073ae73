/**
 * The manager's verification, off the page's thread: reads the files it is given (see
 * `importScorecards`), replays and rescores every scorecard against the scenario versions the page
 * holds, and reports progress as it goes, so a large import never freezes the page.
 */
import { lexiconAnalyser } from '../core/analysis/lexiconAnalyser';
import type { Scenario } from '../core/scenario/types';
import { type ImportFile, type ImportResult, importScorecards } from './importScorecards';
import { type TrustReport, trustOf } from './trust';

/** What the page asks: files, the scenarios to verify with, and the attempts already held. */
export interface VerifyRequest {
  readonly files: readonly ImportFile[];
  readonly scenarios: readonly Scenario[];
  readonly known: readonly (readonly [string, string])[];
}

/** What the worker says: progress, then the result with each accepted scorecard's trust and text. */
export type VerifyMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | {
      readonly type: 'done';
      readonly result: Omit<ImportResult, 'accepted'>;
      readonly accepted: readonly (TrustReport & {
        readonly hash: string;
        readonly attemptId: string;
        readonly file: string;
        readonly text: string;
      })[];
    };

/** The work itself, without the worker around it (the page runs it inline where workers are missing). */
export function verifyFiles(request: VerifyRequest, progress: (done: number, total: number) => void) {
  const result = importScorecards(request.files, new Map(request.known));
  const total = result.accepted.length;
  const accepted = result.accepted.map((a, i) => {
    const report = trustOf(a.read, request.scenarios, lexiconAnalyser);
    if (i % 10 === 9 || i === total - 1) progress(i + 1, total);
    return { ...report, hash: a.hash, attemptId: a.attemptId, file: a.file, text: a.text };
  });
  const { accepted: _, ...rest } = result;
  return { result: rest, accepted };
}

// Inside a worker: answer each request.
if (typeof self !== 'undefined' && 'importScripts' in self) {
  self.addEventListener('message', (event: MessageEvent<VerifyRequest>) => {
    const post = (message: VerifyMessage) => self.postMessage(message);
    const { result, accepted } = verifyFiles(event.data, (done, total) =>
      post({ type: 'progress', done, total }),
    );
    post({ type: 'done', result, accepted });
  });
}
