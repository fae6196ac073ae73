/**
 * The parts of bringing scorecards in that need no scorecard reader, so the manager's page can load
 * without one: the files as handed over, which are bundles and their documents, cutting the files into
 * shares for the workers, and putting the workers' shares back together (duplicates, conflicting
 * copies, the cap). Reading itself is `importScorecards`, run in the workers.
 */

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

/** Two or more different documents claiming one attempt id. */
export interface Conflict {
  readonly attemptId: string;
  readonly copies: readonly { readonly file: string; readonly line: number; readonly hash: string }[];
}

/** What one reader (the page, or one of its workers) took from its share of the files. */
export interface ImportPart<T extends Copy = Copy> {
  readonly accepted: readonly T[];
  readonly rejected: readonly Rejection[];
  /** Scorecards already imported before, skipped. */
  readonly duplicates: number;
}

/** What telling copies apart needs of an accepted scorecard. */
export interface Copy {
  readonly file: string;
  readonly line: number;
  readonly attemptId: string;
  readonly hash: string;
}

/** Whether a file is a JSON Lines bundle: by its name, or by its shape. */
export function isBundle(file: ImportFile): boolean {
  return file.share !== undefined || /\.(jsonl|ndjson)$/i.test(file.name) || looksLikeLines(file.text);
}

/** The documents of a file: one, or one per line of a JSON Lines bundle. */
export function documentsOf(file: ImportFile): { line: number; text: string }[] {
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
