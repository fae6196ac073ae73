/**
 * Bringing scorecards into the manager's review, as untrusted files: each file is one scorecard (JSON)
 * or a bundle of them (JSON Lines, as the game's "Export my attempts" writes), size-capped and read
 * strictly. Every file or line that is not a good scorecard is rejected with its own plain reason, and
 * the good ones still load. The same attempt imported twice counts once; two different documents
 * claiming one attempt id are flagged as conflicting copies, never merged. Pure: no DOM, no storage,
 * so the page, a Web Worker and the tests share it.
 */
import { canonicalJson } from '../core/canonicalJson';
import { contentHash } from '../core/contentHash';
import type { ReadScorecard } from '../core/scoring/readScorecard';
import { parseScorecard } from '../core/scoring/readScorecard';
import { MAX_SCORECARD_CHARS } from '../core/scoring/scorecard';
import {
  type Conflict,
  documentsOf,
  type ImportFile,
  type ImportPart,
  MAX_IMPORT_FILE_CHARS,
  MAX_IMPORT_SCORECARDS,
  mergeImports,
  type Rejection,
  type UnreadFile,
} from './importShares';

/**
 * Reads the files not read yet. A file larger than any import may be is not read at all: it comes
 * back empty of text and marked, and {@link readScorecardFiles} rejects it by its size.
 */
export async function readFiles(files: readonly (ImportFile | UnreadFile)[]): Promise<ImportFile[]> {
  return Promise.all(
    files.map(async (f) =>
      'blob' in f
        ? f.blob.size > MAX_IMPORT_FILE_CHARS * 4
          ? { name: f.name, text: '', tooLarge: true }
          : { name: f.name, text: await f.blob.text() }
        : f,
    ),
  );
}

/** A scorecard taken in: where it came from, what was read, its attempt id and its content hash. */
export interface Accepted {
  readonly file: string;
  /** The line of a bundle it came from; 1 for a file of its own. */
  readonly line: number;
  readonly read: ReadScorecard;
  /** The document's text exactly as imported. */
  readonly text: string;
  readonly attemptId: string;
  /** The hash of the whole document: equal hashes are the same attempt imported twice. */
  readonly hash: string;
}

/** What an import brought in. */
export interface ImportResult {
  readonly accepted: readonly Accepted[];
  readonly rejected: readonly Rejection[];
  /** Scorecards already present (in this import or before), counted once. */
  readonly duplicates: number;
  readonly conflicts: readonly Conflict[];
}

function summaryOf(read: ReadScorecard) {
  return read.current ? read.scorecard : read.summary;
}

/**
 * Reads files into scorecards. `known` maps the attempt ids already imported to their hashes: a
 * scorecard imported before is skipped and counted as a duplicate. Duplicates and conflicts within
 * the files are left to {@link mergeImports}, which sees every share.
 */
export function readScorecardFiles(
  files: readonly ImportFile[],
  known: ReadonlyMap<string, string> = new Map(),
): ImportPart<Accepted> {
  const accepted: Accepted[] = [];
  const rejected: Rejection[] = [];
  let duplicates = 0;
  let count = 0;
  for (const file of files) {
    const reject = (line: number, field: string, message: string) =>
      rejected.push({ file: file.name, line, field, message });
    if (file.tooLarge || file.text.length > MAX_IMPORT_FILE_CHARS) {
      reject(1, '', `The file is larger than ${MAX_IMPORT_FILE_CHARS / 1024 / 1024} MiB; split it.`);
      continue;
    }
    const documents = documentsOf(file);
    if (documents.length === 0 && !file.share) reject(1, '', 'The file is empty.');
    for (const document of documents) {
      if (count >= MAX_IMPORT_SCORECARDS) {
        reject(document.line, '', `An import takes at most ${MAX_IMPORT_SCORECARDS} scorecards.`);
        break;
      }
      if (document.text.length > MAX_SCORECARD_CHARS) {
        reject(document.line, '', 'This scorecard is too large to be one; it is not a scorecard.');
        continue;
      }
      const parsed = parseScorecard(document.text, file.name);
      if (!parsed.ok) {
        for (const p of parsed.problems) reject(document.line - 1 + p.line, p.field, p.message);
        continue;
      }
      count += 1;
      const read = parsed.value;
      const attemptId = summaryOf(read).attempt.id;
      const hash = contentHash(canonicalJson(JSON.parse(document.text)));
      if (known.get(attemptId) === hash) {
        duplicates += 1;
        continue;
      }
      accepted.push({ file: file.name, line: document.line, read, text: document.text, attemptId, hash });
    }
  }
  return { accepted, rejected, duplicates };
}

/** Reads files into scorecards in one go: {@link readScorecardFiles}, then {@link mergeImports}. */
export function importScorecards(
  files: readonly ImportFile[],
  known: ReadonlyMap<string, string> = new Map(),
): ImportResult {
  return mergeImports([readScorecardFiles(files, known)], known);
}
