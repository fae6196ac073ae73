/** Finding and reading scenario files on disk, for the command-line tools and the tests. */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import {
  MAX_RELEASED_CHARS,
  RELEASED_DIR,
  type ReleasedProblem,
  type ReleasedScenario,
  readReleasedScenario,
} from '../core/engine/released';
import { checkPack, type PackCheck } from '../core/pack/checkPack';
import { fail, type Result, succeed } from '../core/result';
import { isPlaythroughFile, isScenarioFile, isShiftFile, PACK_FILE_NAME } from '../core/scenario/files';
import { type Problem, problem } from '../core/scenario/problems';
import type { Scenario } from '../core/scenario/types';

/** Scenario files that share one pack file. */
export interface PackGroup {
  /** The pack.yaml governing these scenarios, or null when none was found above them. */
  readonly pack: string | null;
  readonly scenarios: readonly string[];
  readonly shifts: readonly string[];
}

/**
 * Expands files and folders into scenario files grouped by their pack (the nearest pack.yaml in the
 * file's folder or above it, up to the working directory). Paths are reported relative to the
 * working directory. A path that does not exist becomes a problem, not an exception.
 */
export async function findScenarioFiles(
  paths: readonly string[],
): Promise<{ groups: PackGroup[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const files = new Set<string>();
  const shiftFiles = new Set<string>();
  const explicitPacks = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) {
      problems.push(
        problem('file-unreadable', `No such file or folder: ${path}. Check the path.`, path, {
          line: 1,
          col: 1,
        }),
      );
    } else if (info.isDirectory()) {
      for (const file of await walk(path)) files.add(resolve(file));
      for (const file of await walk(path, isShiftFile)) shiftFiles.add(resolve(file));
    } else if (basename(path) === PACK_FILE_NAME) {
      explicitPacks.add(resolve(path));
    } else if (isShiftFile(path)) {
      shiftFiles.add(resolve(path));
    } else if (isPlaythroughFile(path)) {
      problems.push(
        problem(
          'not-a-scenario',
          `${path} is a playthrough, not a scenario, so it was not checked. Play it with: npm run simulate -- ${path}`,
          path,
          { line: 1, col: 1 },
        ),
      );
    } else {
      files.add(resolve(path));
    }
  }

  const byPack = new Map<string | null, string[]>();
  for (const file of [...files].sort()) {
    const pack = await findPack(dirname(file));
    byPack.set(pack, [...(byPack.get(pack) ?? []), file]);
  }
  const shiftsByPack = new Map<string | null, string[]>();
  for (const file of [...shiftFiles].sort()) {
    const pack = await findPack(dirname(file));
    shiftsByPack.set(pack, [...(shiftsByPack.get(pack) ?? []), file]);
    if (!byPack.has(pack)) byPack.set(pack, []);
  }
  for (const pack of explicitPacks) if (!byPack.has(pack)) byPack.set(pack, []);
  const groups = [...byPack].map(([pack, scenarios]) => ({
    pack: pack === null ? null : shown(pack),
    scenarios: scenarios.map(shown),
    shifts: (shiftsByPack.get(pack) ?? []).map(shown),
  }));
  return { groups, problems };
}

async function walk(dir: string, keep: (name: string) => boolean = isScenarioFile): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(...(await walk(path, keep)));
    else if (entry.isFile() && keep(entry.name)) found.push(path);
  }
  return found;
}

/**
 * The nearest pack.yaml in `dir` or a folder above it. Inside the working directory the walk stops at
 * it (a stray pack.yaml above the project is not the project's); a folder elsewhere is walked up to
 * the root of the file system, so a trainer's own folder of scenarios finds its pack wherever it is.
 */
export async function findPack(dir: string): Promise<string | null> {
  const start = resolve(dir);
  const inside = !relative(process.cwd(), start).startsWith('..');
  const stop = inside ? resolve(process.cwd(), '..') : null;
  for (let current = start; current !== stop; current = dirname(current)) {
    const candidate = join(current, PACK_FILE_NAME);
    if (
      await stat(candidate)
        .then((s) => s.isFile())
        .catch(() => false)
    )
      return candidate;
    if (dirname(current) === current) break;
  }
  return null;
}

/**
 * The pack.yaml a command works with: the one `pack` names (a pack.yaml, or the folder holding one,
 * as given to `--pack`), or without it the nearest one above `near`, or null when there is none (the
 * default ladder applies). A `pack` that names no pack.yaml is a located problem saying what to give.
 */
export async function packFileFor(near: string, pack?: string): Promise<Result<string | null, Problem>> {
  if (pack === undefined) return succeed(await findPack(dirname(resolve(near))));
  const isFolder = await stat(pack)
    .then((s) => s.isDirectory())
    .catch(() => false);
  const file = isFolder ? join(pack, PACK_FILE_NAME) : pack;
  const isPack =
    basename(file) === PACK_FILE_NAME &&
    (await stat(file)
      .then((s) => s.isFile())
      .catch(() => false));
  if (isPack) return succeed(resolve(file));
  return fail([
    problem(
      'file-unreadable',
      `No ${PACK_FILE_NAME} at ${pack}. Give --pack a ${PACK_FILE_NAME} or the folder that holds one.`,
      pack,
      { line: 1, col: 1 },
    ),
  ]);
}

/** Why a file could not be read: it is missing or unreadable, or larger than its kind allows. */
export interface ReadProblem {
  readonly code: 'unreadable' | 'too-large';
  readonly message: string;
}

/**
 * Reads a file as UTF-8 unless it is larger than `maxChars` bytes allow (a UTF-8 character is at most
 * four bytes), so a huge hostile file is refused without being loaded. Never throws.
 */
export async function readSourceFile(
  file: string,
  maxChars: number,
): Promise<Result<{ file: string; text: string }, ReadProblem>> {
  try {
    const size = (await stat(file)).size;
    if (size > maxChars * 4) {
      const message = `The file is ${Math.ceil(size / 1024)} KiB; the limit is ${maxChars / 1024} KiB.`;
      return fail([{ code: 'too-large', message }]);
    }
    const handle = await open(file, 'r');
    try {
      return succeed({ file, text: await handle.readFile('utf8') });
    } finally {
      await handle.close();
    }
  } catch {
    return fail([{ code: 'unreadable', message: 'The file cannot be read.' }]);
  }
}

/**
 * Compiles the pack that governs `path` (the nearest pack.yaml above it, or `packFile` when given)
 * with every scenario in the pack's folder, and `path` itself when it is a scenario file that lies
 * outside that folder. Without a pack, the scenarios in `path`'s folder that no other pack governs are
 * compiled with the default ladder. Problems in those files come back with the result.
 */
export async function loadPackAround(path: string, packFile?: string | null) {
  const target = resolve(path);
  const governing = packFile === undefined ? await findPack(dirname(target)) : packFile && resolve(packFile);
  const root = governing ? dirname(governing) : dirname(target);
  const found = await findScenarioFiles([root]);
  // The folder may hold other packs further down; only this pack's files belong to it.
  const group = found.groups.find((g) => (g.pack === null ? null : resolve(g.pack)) === governing) ?? {
    pack: governing && shown(governing),
    scenarios: [],
    shifts: [],
  };
  const scenarios = group.scenarios.map((f) => resolve(f));
  const extra = isScenarioFile(target) && !scenarios.includes(target);
  const read = async (file: string) => ({ file, text: await readFile(file, 'utf8') });
  return checkPack({
    pack: group.pack ? await read(group.pack) : null,
    scenarios: await Promise.all([...group.scenarios, ...(extra ? [shown(target)] : [])].map(read)),
    shifts: await Promise.all(group.shifts.map(read)),
    explore: false,
  });
}

/** Where `explore` looks for a scenario named by id when no `--pack` is given. */
export const DEFAULT_PACK_FILE = join('scenarios', PACK_FILE_NAME);

/**
 * The scenario a command names by file or by id, compiled in its pack: a file's own pack (or
 * `pack`), an id's `pack` or else the project's `scenarios/`. When it did not compile, the pack's
 * errors come back with a last problem saying how to name it.
 */
export async function findScenario(
  target: string,
  pack?: string,
): Promise<Result<{ scenario: Scenario; check: PackCheck }, Problem>> {
  const isFile = /\.ya?ml$/.test(target);
  const packFile = await packFileFor(
    isFile ? target : DEFAULT_PACK_FILE,
    pack ?? (isFile ? undefined : DEFAULT_PACK_FILE),
  );
  if (!packFile.ok) return packFile;
  const check = await loadPackAround(isFile ? target : (packFile.value ?? DEFAULT_PACK_FILE), packFile.value);
  const scenario = check.scenarios.find((s) =>
    isFile ? resolve(s.file) === resolve(target) : s.id === target,
  );
  if (scenario) return succeed({ scenario, check });
  const where = packFile.value ? shown(packFile.value) : 'its folder';
  const errors = check.problems.filter((p) => p.severity === 'error');
  const why = errors.length > 0 ? ' (see the errors above)' : '';
  const how = isFile
    ? 'Fix its errors, or give --pack the pack it belongs to.'
    : 'Give the scenario’s file, or --pack with the pack.yaml (or its folder) that holds it.';
  return fail([
    ...errors,
    problem(
      'unknown-scenario',
      `No scenario ${target} compiled in ${where}${why}. ${how}`,
      isFile ? target : packFile.value ? shown(packFile.value) : target,
      { line: 1, col: 1 },
    ),
  ]);
}

/** A path as the tools print it: relative to the working directory when inside it, else absolute. */
function shown(file: string): string {
  const near = relative(process.cwd(), file);
  return near === '' || near.startsWith('..') ? file : near;
}

/**
 * Reads every released scenario version kept beside a pack (`<pack folder>/released/*.json`). Files
 * that cannot be used come back as problems; a missing folder is simply no releases.
 */
export async function loadReleased(
  packDir: string,
): Promise<{ released: ReleasedScenario[]; problems: ReleasedProblem[] }> {
  const dir = join(packDir, RELEASED_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const released: ReleasedScenario[] = [];
  const problems: ReleasedProblem[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const source = await readSourceFile(file, MAX_RELEASED_CHARS);
    if (!source.ok) {
      problems.push(...source.problems.map((p) => ({ file, message: p.message })));
      continue;
    }
    const read = readReleasedScenario(source.value.text, file);
    if (read.ok) released.push(read.value);
    else problems.push(...read.problems);
  }
  return { released, problems };
}
