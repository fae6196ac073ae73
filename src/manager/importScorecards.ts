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
  /**
   * Set on a share of a bundle the page split between workers: its lines are read as a bundle's
   * whatever their number, and counted from this line of the original file.
   */
  readonly share?: { readonly firstLine: number };
  /** Set when the file was too large to read (see {@link readFiles}). */
  readonly tooLarge?: boolean;
}

/** A file not read yet: the page hands the worker the file itself, and the worker reads it. */
export interface UnreadFile {
  readonly name: string;
  readonly blob: Blob;
}

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

/** Whether a file is a JSON Lines bundle: by its name, or by its shape. */
export function isBundle(file: ImportFile): boolean {
  return file.share !== undefined || /\.(jsonl|ndjson)$/i.test(file.name) || looksLikeLines(file.text);
}

/** The documents of a file: one, or one per line of a JSON Lines bundle. */
function documentsOf(file: ImportFile): { line: number; text: string }[] {
  if (!isBundle(file)) return [{ line: 1, text: file.text }];
  const first = file.share?.firstLine ?? 1;
  return file.text.split('\n').flatMap((text, i) => (text.trim() === '' ? [] : [{ line: first + i, text }]));
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

/** What one reader (the page, or one of its workers) took from its share of the files. */
export interface ImportPart<T extends Copy = Accepted> {
  readonly accepted: readonly T[];
  readonly rejected: readonly Rejection[];
  /** Scorecards already imported before, skipped. */
  readonly duplicates: number;
}

/** What telling copies apart needs of an accepted scorecard. */
interface Copy {
  readonly file: string;
  readonly line: number;
  readonly attemptId: string;
  readonly hash: string;
}

/**
 * Reads files into scorecards. `known` maps the attempt ids already imported to their hashes: a
 * scorecard imported before is skipped and counted as a duplicate. Duplicates and conflicts within
 * the files are left to {@link mergeImports}, which sees every share.
 */
export function readScorecardFiles(
  files: readonly ImportFile[],
  known: ReadonlyMap<string, string> = new Map(),
): ImportPart {
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

/**
 * Puts the shares of one import together, in the order of the files: the same attempt twice is
 * counted once, two different copies of one attempt id (here or among those `known`) are conflicts,
 * and no more than {@link MAX_IMPORT_SCORECARDS} are taken in all.
 */
export function mergeImports<T extends Copy>(
  parts: readonly ImportPart<T>[],
  known: ReadonlyMap<string, string> = new Map(),
): { accepted: T[]; rejected: Rejection[]; duplicates: number; conflicts: Conflict[] } {
  const accepted: T[] = [];
  const rejected = parts.flatMap((p) => p.rejected);
  const seen = new Map<string, { file: string; line: number; hash: string }[]>();
  for (const [attemptId, hash] of known) seen.set(attemptId, [{ file: '', line: 0, hash }]);
  let duplicates = parts.reduce((n, p) => n + p.duplicates, 0);
  for (const copy of parts.flatMap((p) => p.accepted)) {
    const copies = seen.get(copy.attemptId) ?? [];
    if (copies.some((c) => c.hash === copy.hash)) {
      duplicates += 1;
      continue;
    }
    if (accepted.length >= MAX_IMPORT_SCORECARDS) {
      rejected.push({
        file: copy.file,
        line: copy.line,
        field: '',
        message: `An import takes at most ${MAX_IMPORT_SCORECARDS} scorecards.`,
      });
      continue;
    }
    copies.push({ file: copy.file, line: copy.line, hash: copy.hash });
    seen.set(copy.attemptId, copies);
    accepted.push(copy);
  }
  const conflicts = [...seen.entries()]
    .filter(([, copies]) => copies.length > 1)
    .map(([attemptId, copies]) => ({ attemptId, copies }));
  return { accepted, rejected, duplicates, conflicts };
}

/** Reads files into scorecards in one go: {@link readScorecardFiles}, then {@link mergeImports}. */
export function importScorecards(
  files: readonly ImportFile[],
  known: ReadonlyMap<string, string> = new Map(),
): ImportResult {
  return mergeImports([readScorecardFiles(files, known)], known);
}

/**
 * Splits files into `count` shares of about equal size for parallel reading; a bundle larger than a
 * share is cut between its lines, each piece remembering the line it starts at.
 */
export function shareFiles<T extends ImportFile | UnreadFile>(
  files: readonly T[],
  count: number,
): (T | ImportFile)[][] {
  const sizeOf = (f: T | ImportFile) => ('blob' in f ? f.blob.size : f.text.length);
  const shares: { size: number; files: (T | ImportFile)[] }[] = Array.from(
    { length: Math.max(1, count) },
    () => ({ size: 0, files: [] }),
  );
  const total = files.reduce((n, f) => n + sizeOf(f), 0);
  const target = Math.ceil(total / shares.length);
  const pieces = files.flatMap((file): (T | ImportFile)[] => {
    if ('blob' in file || file.text.length <= target || shares.length === 1 || !isBundle(file)) return [file];
    const lines = file.text.split('\n');
    const out: ImportFile[] = [];
    let start = 0;
    let size = 0;
    for (let i = 0; i < lines.length; i += 1) {
      size += (lines[i] ?? '').length + 1;
      if (size >= target || i === lines.length - 1) {
        out.push({
          name: file.name,
          text: lines.slice(start, i + 1).join('\n'),
          share: { firstLine: start + 1 },
        });
        start = i + 1;
        size = 0;
      }
    }
    return out;
  });
  // Largest first, each to the lightest share.
  for (const piece of [...pieces].sort((a, b) => sizeOf(b) - sizeOf(a))) {
    const lightest = shares.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(piece);
    lightest.size += sizeOf(piece);
  }
  return shares.filter((s) => s.files.length > 0).map((s) => s.files);
}
