/**
 * `npm run build:scorm12` / `build:scorm2004` / `build:cmi5` / `build:xapi` `[-- --scenario ID |
 * --shift ID] [--from DIR] [--out FILE]`: packages the game for a learning management system. A package
 * plays the whole library from the menu, or the one scenario or shift named; it passes a trainee from
 * the pack's mastery score. Without `--from` the game page is built first (into a temporary folder);
 * with it, an existing build is packaged. The package is checked (the official schemas where there are
 * any, and what they miss) and written only when it passes, by default to
 * `dist-lms/escalation-desk-<standard>[-<id>].zip`.
 * Exits 1 when the package cannot be made, 2 on a usage error.
 *
 * Everything up to the package itself (reading the pack, choosing what to play, building or reading
 * the game, checking the build is of this pack) is the same for every standard; only the last step
 * asks SCORM (`scormPackage.ts`), cmi5 (`cmi5Package.ts`) or xAPI (`xapiPackage.ts`) to make the zip.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { formatProblem, hasErrors } from '../core';
import type { PackCheck } from '../core/pack/checkPack';
import { fail, type Result, succeed } from '../core/result';
import type { LocalizedText } from '../core/scenario/types';
import { LMS_STANDARDS, type LmsPlaying, type LmsStandard } from '../game/reporting/launch';
import { packageCmi5 } from './cmi5Package';
import { runCli } from './runCli';
import { loadPackAround } from './scenarioFiles';
import { PACK_ASSET } from './scenarioPackPlugin';
import { GAME_PAGE, inEnglish, isGameFile, packagedFiles, packageScorm } from './scormPackage';
import { packageXapi } from './xapiPackage';

/** What to package, as the command line gives it. */
export interface BuildScormOptions {
  readonly standard: LmsStandard;
  /** The scenario to play as practice; at most one of `scenario` and `shift`. */
  readonly scenario?: string;
  readonly shift?: string;
  /** A build of the game to package; without it the game page is built. */
  readonly from?: string;
  /** Where to write the zip; see {@link defaultOutput}. */
  readonly out?: string;
  /** The scenarios folder whose pack the build ships (`scenarios/`). */
  readonly scenarios?: string;
}

/** What a successful run wrote. */
export interface BuiltPackage {
  readonly file: string;
  readonly bytes: number;
  /** Files of the game in the package (the manifest, cmi5.xml or tincan.xml and the schemas aside). */
  readonly entries: number;
}

const USAGE = `Usage: npm run build:scorm12 [-- --scenario ID | --shift ID] [--from DIR] [--out FILE]
       npm run build:scorm2004 [-- --scenario ID | --shift ID] [--from DIR] [--out FILE]
       npm run build:cmi5 [-- --scenario ID | --shift ID] [--from DIR] [--out FILE]
       npm run build:xapi [-- --scenario ID | --shift ID] [--from DIR] [--out FILE]
Packages the game for a learning management system: the whole library, or the one scenario or shift
named. Without --from the game page is built first; --from packages an existing build (such as dist/).
Writes dist-lms/escalation-desk-<standard>[-<id>].zip unless --out says where.`;

/** The options on a command line, or a usage error that says what to change. */
export function parseBuildScormArgs(argv: readonly string[]): BuildScormOptions | 'help' | string {
  const values = new Map<string, string>();
  const names = ['--standard', '--scenario', '--shift', '--from', '--out'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return 'help';
    if (!names.includes(arg)) {
      return `Unknown argument ${arg}. Use ${names.join(', ')} (each followed by its value).`;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return `${arg} needs a value after it.`;
    if (values.has(arg)) return `${arg} is given twice; give it once.`;
    values.set(arg, value);
    i++;
  }
  const standard = values.get('--standard');
  if (!LMS_STANDARDS.some((s) => s === standard)) {
    const names = `${LMS_STANDARDS.slice(0, -1).join(', ')} or ${LMS_STANDARDS.at(-1)}`;
    return `--standard must be ${names}${standard ? `, not ${standard}` : ''}.`;
  }
  if (values.has('--scenario') && values.has('--shift')) {
    return 'Give --scenario or --shift, not both: a package plays one scenario, one shift, or the whole library.';
  }
  const optional = (name: string) => (values.has(name) ? { [name.slice(2)]: values.get(name) } : {});
  return {
    standard: standard as LmsStandard,
    ...optional('--scenario'),
    ...optional('--shift'),
    ...optional('--from'),
    ...optional('--out'),
  };
}

/** `dist-lms/escalation-desk-<standard>[-<scenario or shift id>].zip` */
export function defaultOutput(options: Pick<BuildScormOptions, 'standard' | 'scenario' | 'shift'>): string {
  const what = options.scenario ?? options.shift;
  return join('dist-lms', `escalation-desk-${options.standard}${what ? `-${what}` : ''}.zip`);
}

/**
 * What a package plays and its title in every language the pack has, from the compiled pack: an id it
 * does not have is refused with the ids it does have, so the trainer can pick one.
 */
export function choosePlaying(
  check: Pick<PackCheck, 'pack' | 'scenarios' | 'shifts'>,
  options: Pick<BuildScormOptions, 'scenario' | 'shift'>,
): Result<{ playing: LmsPlaying | null; title: LocalizedText }, string> {
  // A scenario is played as practice, a shift as itself: one lookup for either, by the flag given.
  const asked = [
    { flag: 'scenario', mode: 'practice', id: options.scenario, list: check.scenarios },
    { flag: 'shift', mode: 'shift', id: options.shift, list: check.shifts },
  ] as const;
  for (const { flag, mode, id, list } of asked) {
    if (id === undefined) continue;
    const found = list.find((item) => item.id === id);
    if (!found) {
      const known = list.map((item) => item.id).sort();
      return fail([`No ${flag} ${id} in the pack. Give --${flag} one of: ${known.join(', ') || '(none)'}.`]);
    }
    return succeed({ playing: { mode, id: found.id }, title: found.title });
  }
  return succeed({ playing: null, title: check.pack.title });
}

/** Builds (or takes) the game, packages it and writes the zip: see the module comment. */
export async function buildScorm(options: BuildScormOptions): Promise<Result<BuiltPackage, string>> {
  const scenarios = options.scenarios ?? 'scenarios';
  const check = await loadPackAround(join(scenarios, 'pack.yaml'));
  if (hasErrors(check.problems)) {
    const errors = check.problems.filter((p) => p.severity === 'error').map(formatProblem);
    return fail([
      ...errors,
      `The scenarios in ${scenarios}/ have errors; fix them (npm run check:scenarios).`,
    ]);
  }
  const chosen = choosePlaying(check, options);
  if (!chosen.ok) return chosen;

  const temporary = options.from === undefined ? await mkdtemp(join(tmpdir(), 'escalation-desk-lms-')) : null;
  try {
    const from = options.from ?? (temporary as string);
    if (temporary) await buildGamePage(temporary);
    const build = await readBuild(from);
    if (!build.ok) return build;
    const shipped = sameLibrary(build.value, check, chosen.value.playing, from);
    if (!shipped.ok) return shipped;
    const { playing, title } = chosen.value;
    const course = { pack: check.pack, playing, title, build: build.value };
    const zip =
      options.standard === 'cmi5'
        ? await packageCmi5(course)
        : options.standard === 'xapi'
          ? await packageXapi(course)
          : await packageScorm({ ...course, standard: options.standard, title: inEnglish(title) });
    if (!zip.ok) return fail(zip.problems.map((p) => `${p.code}: ${p.message}`));
    const out = options.out ?? defaultOutput(options);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, zip.value);
    const entries = packagedFiles(build.value.keys()).length;
    return succeed({ file: out, bytes: zip.value.length, entries });
  } finally {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Builds the game page alone with the project's Vite config: no manager, studio or benchmark page,
 * and no source maps, which a package leaves out anyway. Vite is loaded only here, so packaging an
 * existing build (and the tests that do) never starts it.
 */
async function buildGamePage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, rolldownOptions: { input: GAME_PAGE } },
  });
}

/** Every file of the build the package may take, by `/`-separated path (source maps are not read). */
async function readBuild(dir: string): Promise<Result<Map<string, Uint8Array>, string>> {
  const isFolder = await stat(dir)
    .then((s) => s.isDirectory())
    .catch(() => false);
  if (!isFolder)
    return fail([`No build folder at ${dir}. Build the game (npm run build) or leave out --from.`]);
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (isGameFile(path)) files.set(path, await readFile(join(dir, path)));
  }
  if (!files.has(GAME_PAGE)) {
    return fail([
      `${dir} has no ${GAME_PAGE}, so it is not a build of the game. Build it (npm run build) or leave out --from.`,
    ]);
  }
  return succeed(files);
}

/**
 * Refuses a build made from other scenarios than the pack just read: its library is what the trainee
 * plays, so the id chosen must be in it and its pack.yaml must be the same one.
 */
function sameLibrary(
  build: ReadonlyMap<string, Uint8Array>,
  check: PackCheck,
  playing: LmsPlaying | null,
  from: string,
): Result<true, string> {
  const bytes = build.get(PACK_ASSET);
  const again = `Build the game again (npm run build) or leave out --from.`;
  if (!bytes) return fail([`${from} has no ${PACK_ASSET}, the game's scenario library. ${again}`]);
  let library: {
    pack?: { contentHash?: unknown };
    scenarios?: { id?: unknown }[];
    shifts?: { id?: unknown }[];
  };
  try {
    library = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return fail([`${join(from, PACK_ASSET)} is not JSON. ${again}`]);
  }
  if (library.pack?.contentHash !== check.pack.contentHash) {
    return fail([`${from} was built with another pack.yaml than the one in scenarios/. ${again}`]);
  }
  const ids = (playing?.mode === 'shift' ? library.shifts : library.scenarios)?.map((s) => s.id) ?? [];
  if (playing && !ids.includes(playing.id)) {
    return fail([
      `${from} was built without the ${playing.mode === 'shift' ? 'shift' : 'scenario'} ${playing.id}. ${again}`,
    ]);
  }
  return succeed(true);
}

async function main(): Promise<number> {
  const options = parseBuildScormArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`${options}\n\n${USAGE}`);
    return 2;
  }
  const built = await buildScorm(options);
  if (!built.ok) {
    for (const line of built.problems) console.error(line);
    console.error('No package was written.');
    return 1;
  }
  const { file, bytes, entries } = built.value;
  const checked = {
    scorm12: 'manifest checked against the SCORM schemas',
    scorm2004: 'manifest checked against the SCORM schemas',
    cmi5: 'cmi5.xml checked against the cmi5 course structure schema',
    // No official schema for tincan.xml is vendored (see tincanXml.ts), so none is claimed.
    xapi: 'tincan.xml checked: well-formed, one activity, its launch page in the zip',
  }[options.standard];
  console.log(`wrote ${file} (${(bytes / 1024 / 1024).toFixed(1)} MiB, ${entries} game files; ${checked})`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli('build:lms', main);
