/**
 * Turning a build of the game into a SCORM package: the game page with its launch settings, the
 * files it needs, the manifest listing every one of them and the edition's control schemas beside it,
 * zipped the same way every time. A package is checked before it is handed back; one that fails comes
 * back as its problems, never as bytes someone might upload. What does not depend on SCORM (which
 * files of a build go in, the launch settings, the deterministic zip) is exported for the cmi5 and
 * xAPI packages too (`cmi5Package.ts`, `xapiPackage.ts`), so they never disagree about what the game
 * is.
 */
import { type Zippable, zipSync } from 'fflate';
import { fail, type Result, succeed } from '../core/result';
import type { LocalizedText, Pack } from '../core/scenario/types';
import {
  LMS_LAUNCH_ID,
  type LmsPlaying,
  lmsLaunchScript,
  type ScormStandard,
} from '../game/reporting/launch';
import { PACK_ASSET } from './scenarioPackPlugin';
import {
  checkScormPackage,
  controlSchemas,
  EDITIONS,
  MANIFEST_FILE,
  manifestXml,
  type PackageProblem,
} from './scormManifest';

/** The page a package launches. */
export const GAME_PAGE = 'index.html';

/**
 * Whether a file of a build belongs in a package: the game page and everything beside it, except the
 * other pages (the manager's review, the trainer's studio, the benchmark), the JSON Schemas published
 * for trainers' editors, the released versions only the manager's review reads, and source maps, which
 * are for developers and would make the package six times bigger. The shared `assets/` folder goes in
 * whole (less its maps), so whatever the game page loads, however late, is there.
 */
export function isGameFile(path: string): boolean {
  if (path.endsWith('.map')) return false;
  if (!path.includes('/')) return path === GAME_PAGE || !path.endsWith('.html');
  const top = path.slice(0, path.indexOf('/'));
  return top !== 'bench' && top !== 'schema';
}

/** Files only the manager's review reads, left out of a package (see {@link isGameFile}). */
const NOT_FOR_THE_GAME = new Set(['scenario-releases.json']);

/** The files of a build (paths as in {@link ScormPackageInput.build}) that a package takes, sorted. */
export function packagedFiles(paths: Iterable<string>): string[] {
  return [...paths].filter((f) => isGameFile(f) && !NOT_FOR_THE_GAME.has(f)).sort();
}

/** What a package is built from. */
export interface ScormPackageInput {
  readonly standard: ScormStandard;
  /** The compiled pack the build ships: its id names the package, its mastery score passes. */
  readonly pack: Pack;
  /** The scenario or shift the package plays (already checked against the pack); null: the library. */
  readonly playing: LmsPlaying | null;
  /** The package's title, as the learning system lists it. */
  readonly title: string;
  /** The game's build: each file's bytes by its path in the build folder, `/`-separated. */
  readonly build: ReadonlyMap<string, Uint8Array>;
}

/** The manifest identifier of a package: the same for every build of the same course. */
export function packageIdentifier(pack: Pack, playing: LmsPlaying | null): string {
  return `escalation-desk.${pack.id}.${playing ? `${playing.mode}.${playing.id}` : 'library'}`;
}

/** Text in English, or in the first language it has: the package's title is in one language. */
export function inEnglish(text: LocalizedText): string {
  return text.en ?? Object.values(text)[0] ?? '';
}

/**
 * Every zip entry gets this time, so two packages of the same build are the same bytes. Built from
 * local parts because the zip format stores local time: the same on every machine and time zone.
 */
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);

/** Why a build cannot be packaged, whatever the standard. */
export interface BuildProblem {
  readonly code: 'no-launch' | 'missing-file' | 'unlisted-file';
  readonly message: string;
}

/**
 * The files a package of `build` carries for the game, by path: every game file, the game page with
 * the launch settings in it. Refused when the build has no game page or no scenario library, or when
 * it holds one of `control` (the package's own files: a manifest, schemas), the sign of a package
 * given where a build was wanted.
 */
export function gameEntries(
  build: ReadonlyMap<string, Uint8Array>,
  launch: Parameters<typeof lmsLaunchScript>[0],
  control: ReadonlySet<string>,
): Result<Map<string, Uint8Array>, BuildProblem> {
  const files = packagedFiles(build.keys());
  const page = build.get(GAME_PAGE);
  if (!page) {
    return fail([
      {
        code: 'no-launch',
        message: `The build has no ${GAME_PAGE}, the game page a package launches. Build the game first (npm run build).`,
      },
    ]);
  }
  if (!files.includes(PACK_ASSET)) {
    return fail([
      {
        code: 'missing-file',
        message: `The build has no ${PACK_ASSET}, the scenario library the game loads. Build the game again (npm run build).`,
      },
    ]);
  }
  const clash = files.filter((f) => control.has(f));
  if (clash.length > 0) {
    return fail([
      {
        code: 'unlisted-file',
        message: `The build has ${clash.join(', ')} at its root, where the package's own manifest and schemas go. Give --from the game's build folder, not a package.`,
      },
    ]);
  }
  const launchPage = withLaunch(new TextDecoder().decode(page), launch);
  if (!launchPage.ok) return launchPage;
  const encoder = new TextEncoder();
  return succeed(
    new Map(
      files.map((file) => [
        file,
        file === GAME_PAGE ? encoder.encode(launchPage.value) : (build.get(file) as Uint8Array),
      ]),
    ),
  );
}

/**
 * The zip of `entries`, the same bytes for the same entries whatever order they come in: names
 * sorted, every entry stamped with one fixed time, one compression level.
 */
export function zipPackage(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const name of [...entries.keys()].sort()) zippable[name] = entries.get(name) as Uint8Array;
  return zipSync(zippable, { level: 9, mtime: FIXED_TIME });
}

/** The package's zip, checked; or every problem that kept it from being made. */
export async function packageScorm(input: ScormPackageInput): Promise<Result<Uint8Array, PackageProblem>> {
  const control = new Set([MANIFEST_FILE, ...EDITIONS[input.standard].schemaFiles]);
  const game = gameEntries(
    input.build,
    {
      standard: input.standard,
      playing: input.playing,
      masteryScore: input.pack.masteryScore,
      title: input.title,
    },
    control,
  );
  if (!game.ok) return game;

  const manifest = manifestXml({
    standard: input.standard,
    identifier: packageIdentifier(input.pack, input.playing),
    version: input.pack.version,
    title: input.title,
    masteryScore: input.pack.masteryScore,
    launch: GAME_PAGE,
    files: [...game.value.keys()],
  });
  const encoder = new TextEncoder();
  const entries = new Map(game.value);
  entries.set(MANIFEST_FILE, encoder.encode(manifest));
  for (const schema of await controlSchemas(input.standard)) {
    entries.set(
      schema.fileName,
      typeof schema.contents === 'string' ? encoder.encode(schema.contents) : schema.contents,
    );
  }
  const zip = zipPackage(entries);
  const problems = await checkScormPackage(zip, input.standard);
  return problems.length > 0 ? fail(problems) : succeed(zip);
}

/**
 * The game page with the launch settings at the end of its head. The game's scripts are modules, which
 * run only once the whole page is read, so the settings are there when the game starts.
 */
function withLaunch(
  html: string,
  launch: Parameters<typeof lmsLaunchScript>[0],
): Result<string, BuildProblem> {
  if (html.includes(`id="${LMS_LAUNCH_ID}"`)) {
    return fail([
      {
        code: 'no-launch',
        message: `${GAME_PAGE} already holds launch settings (id="${LMS_LAUNCH_ID}"): it comes from a package. Give --from the game's build folder.`,
      },
    ]);
  }
  const head = html.indexOf('</head>');
  if (head < 0) {
    return fail([
      {
        code: 'no-launch',
        message: `${GAME_PAGE} has no </head> to put the launch settings before. Build the game again (npm run build).`,
      },
    ]);
  }
  const page = `${html.slice(0, head)}  ${lmsLaunchScript(launch)}\n  ${html.slice(head)}`;
  // A cmi5 or xAPI page talks to the learning record store the launch address names, on an origin
  // known only then: its page may connect out (its scripts stay the package's own, so nothing else can).
  const toStore = launch.standard === 'cmi5' || launch.standard === 'xapi';
  return succeed(toStore ? page.replace(/default-src 'self';/, STORE_CONNECT) : page);
}

/**
 * The policy a cmi5 or xAPI page's `default-src 'self';` becomes: connections to any http(s) learning
 * record store.
 */
export const STORE_CONNECT = "default-src 'self'; connect-src 'self' https: http:;";
