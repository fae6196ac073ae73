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

/** A file as the page hands it over: its name and its text. */
export interface ImportFile {
  readonly name: string;
  readonly text: string;
}

/** The most one imported file (a bundle) may hold: a team's year of attempts fits easily. */
export const MAX_IMPORT_FILE_CHARS = 64 * 1024 * 1024;
/** The most scorecards one import may bring in. */
export const MAX_IMPORT_SCORECARDS = 20_000;

/** Why a file, or one line of a bundle, was not taken. `line` and `field` point at the problem. */
export interface Rejection {
  readonly file: string;
  readonly line: number;
  readonly field: string;
  readonly message: string;
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

/** Two or more different documents claiming one attempt id. */
export interface Conflict {
  readonly attemptId: string;
  readonly copies: readonly { readonly file: string; readonly line: number; readonly hash: string }[];
}

/** What an import brought in. */
export interface ImportResult {
  readonly accepted: readonly Accepted[];
  readonly rejected: readonly Rejection[];
  /** Scorecards already present (in this import or before), counted once. */
  readonly duplicates: number;
  readonly conflicts: readonly Conflict[];
}

/** The documents of a file: one, or one per line of a JSON Lines bundle. */
function documentsOf(file: ImportFile): { line: number; text: string }[] {
  const bundle = /\.(jsonl|ndjson)$/i.test(file.name) || looksLikeLines(file.text);
  if (!bundle) return [{ line: 1, text: file.text }];
  return file.text.split('\n').flatMap((text, i) => (text.trim() === '' ? [] : [{ line: i + 1, text }]));
}

/** A text that is not one JSON document but whose every line starts a JSON object: a bundle. */
function looksLikeLines(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

function summaryOf(read: ReadScorecard) {
  return read.current ? read.scorecard : read.summary;
}

/**
 * Reads files into scorecards. `known` holds the attempt ids and hashes already imported, so a file
 * brought in again is counted as a duplicate and a different copy of a known attempt as a conflict.
 */
export function importScorecards(
  files: readonly ImportFile[],
  known: ReadonlyMap<string, string> = new Map(),
): ImportResult {
  const accepted: Accepted[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, { file: string; line: number; hash: string }[]>();
  for (const [attemptId, hash] of known) seen.set(attemptId, [{ file: '', line: 0, hash }]);
  let duplicates = 0;
  let count = 0;
  for (const file of files) {
    const reject = (line: number, field: string, message: string) =>
      rejected.push({ file: file.name, line, field, message });
    if (file.text.length > MAX_IMPORT_FILE_CHARS) {
      reject(1, '', `The file is larger than ${MAX_IMPORT_FILE_CHARS / 1024 / 1024} MiB; split it.`);
      continue;
    }
    const documents = documentsOf(file);
    if (documents.length === 0) reject(1, '', 'The file is empty.');
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
      const copies = seen.get(attemptId) ?? [];
      if (copies.some((c) => c.hash === hash)) {
        duplicates += 1;
        continue;
      }
      copies.push({ file: file.name, line: document.line, hash });
      seen.set(attemptId, copies);
      accepted.push({ file: file.name, line: document.line, read, text: document.text, attemptId, hash });
    }
  }
  const conflicts = [...seen.entries()]
    .filter(([, copies]) => copies.length > 1)
    .map(([attemptId, copies]) => ({ attemptId, copies }));
  return { accepted, rejected, duplicates, conflicts };
}
