/**
 * What a cmi5 package and an xAPI package both promise, asserted once for each: the course file at the
 * root beside the game files the other packages take and nothing else, launch settings naming the
 * standard and the pack's mastery score, a page allowed to reach the store named at launch, the same
 * bytes from the same build, a build that cannot be packaged refused, the command's flag and zip name,
 * and the mastery score followed from a pack.yaml through the command's own path.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import { buildScorm, defaultOutput, parseBuildScormArgs } from '../../src/cli/buildScorm';
import { packagedFiles, STORE_CONNECT } from '../../src/cli/scormPackage';
import { contentHash } from '../../src/core/contentHash';
import { DEFAULT_PACK } from '../../src/core/scenario/compilePack';
import type { Pack } from '../../src/core/scenario/types';
import type { LmsPlaying } from '../../src/game/reporting/launch';
import { parseLmsLaunch } from '../../src/game/reporting/launch';
import { fakeGameBuild, writeFakeGameBuild } from './fakeGameBuild';

/** What both packagers are given. */
export interface StorePackageInput {
  readonly pack: Pack;
  readonly playing: LmsPlaying | null;
  readonly title: Pack['title'];
  readonly build: ReadonlyMap<string, Uint8Array>;
}

type Packager = (
  input: StorePackageInput,
) => Promise<{ ok: true; value: Uint8Array } | { ok: false; problems: readonly { message: string }[] }>;

/** A shift package of the default pack, mastery 80, from a fake build. */
export const SHIFT_INPUT: StorePackageInput = {
  pack: { ...DEFAULT_PACK, masteryScore: 80 },
  playing: { mode: 'shift', id: 'monday-morning' },
  title: { en: 'Monday morning rush', es: 'Lunes por la mañana' },
  build: fakeGameBuild({ packHash: DEFAULT_PACK.contentHash, shifts: ['monday-morning'] }),
};

/** The package's files, made from `SHIFT_INPUT` with `over`; a refusal fails the test. */
export async function entriesOf(
  pack: Packager,
  over: Partial<StorePackageInput> = {},
): Promise<Record<string, Uint8Array>> {
  const zip = await pack({ ...SHIFT_INPUT, ...over });
  if (!zip.ok) throw new Error(zip.problems.map((p) => p.message).join('\n'));
  return unzipSync(zip.value);
}

/** The launch settings written into a package's game page. */
export function launchOf(entries: Record<string, Uint8Array>) {
  const page = new TextDecoder().decode(entries['index.html']);
  const block = /<script type="application\/json" id="lms-launch">(.*?)<\/script>\n\s*<\/head>/.exec(page);
  return parseLmsLaunch(block?.[1] ?? '');
}

/** Registers, in the calling `describe`, what every store package promises. */
export function storePackageContract(standard: 'cmi5' | 'xapi', courseFile: string, pack: Packager): void {
  it(`holds ${courseFile} at its root and the game files the other packages take, nothing else`, async () => {
    const files = Object.keys(await entriesOf(pack)).sort();
    expect(files).toEqual([courseFile, ...packagedFiles(SHIFT_INPUT.build.keys())].sort());
    expect(files).toContain('index.html');
    expect(files).not.toContain('manager.html');
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it(`writes launch settings that say ${standard} and the pack’s mastery score`, async () => {
    expect(launchOf(await entriesOf(pack))).toEqual({
      ok: true,
      value: {
        standard,
        playing: { mode: 'shift', id: 'monday-morning' },
        masteryScore: 80,
        title: 'Monday morning rush',
      },
      problems: [],
    });
    const library = launchOf(await entriesOf(pack, { playing: null, title: DEFAULT_PACK.title }));
    expect(library.ok && library.value.playing).toBeNull();
  });

  it('lets its page connect to the learning record store the launch names, and run only its own scripts', async () => {
    const page = new TextDecoder().decode((await entriesOf(pack))['index.html']);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(policy).toContain(STORE_CONNECT.replace("default-src 'self'; ", ''));
    expect(policy).toContain("script-src 'self'");
    expect(policy.match(/connect-src/g)).toHaveLength(1);
  });

  it('is the same bytes when made twice from the same build, whatever order its files come in', async () => {
    const a = await pack(SHIFT_INPUT);
    const b = await pack({ ...SHIFT_INPUT, build: new Map([...SHIFT_INPUT.build].reverse()) });
    expect(a.ok && b.ok && Buffer.from(a.value).equals(Buffer.from(b.value))).toBe(true);
    const other = await pack({ ...SHIFT_INPUT, pack: { ...SHIFT_INPUT.pack, masteryScore: 81 } });
    expect(other.ok && a.ok && Buffer.from(other.value).equals(Buffer.from(a.value))).toBe(false);
  });

  it.each([
    ['no game page', 'index.html', /no index\.html.*npm run build/],
    ['no scenario library', 'scenario-pack.json', /no scenario-pack\.json.*npm run build/],
  ])('is refused from a build with %s', async (_, missing, message) => {
    const build = new Map(SHIFT_INPUT.build);
    build.delete(missing);
    const zip = await pack({ ...SHIFT_INPUT, build });
    expect(zip.ok).toBe(false);
    expect(zip.ok ? '' : zip.problems[0]?.message).toMatch(message);
  });

  it('is refused from a package, not a build', async () => {
    const again = await pack({ ...SHIFT_INPUT, build: new Map(Object.entries(await entriesOf(pack))) });
    expect(again.ok).toBe(false);
    expect(again.ok ? '' : again.problems[0]?.message).toMatch(
      new RegExp(`${courseFile.replace('.', '\\.')}.*not a package`),
    );
  });

  it(`reads --standard ${standard} and names the zip after it`, () => {
    expect(parseBuildScormArgs(['--standard', standard, '--scenario', 'late-refund'])).toEqual({
      standard,
      scenario: 'late-refund',
    });
    expect(defaultOutput({ standard, scenario: 'late-refund' })).toBe(
      join('dist-lms', `escalation-desk-${standard}-late-refund.zip`),
    );
    expect(defaultOutput({ standard })).toBe(join('dist-lms', `escalation-desk-${standard}.zip`));
  });
}

/**
 * Runs the command's own path for `standard` on the five-tier fixture pack with `mastery_score: 64`
 * written into its pack.yaml, in `root`: the zip's entries, and the game files it should hold.
 */
export async function builtWithMastery64(standard: 'cmi5' | 'xapi', root: string) {
  const five = 'test/fixtures/five-tier';
  const scenarios = join(root, 'scenarios');
  await cp(five, scenarios, { recursive: true });
  const packText = `${await readFile(join(five, 'pack.yaml'), 'utf8')}mastery_score: 64\n`;
  await writeFile(join(scenarios, 'pack.yaml'), packText);
  const from = join(root, 'dist');
  const library = { packHash: contentHash(packText), scenarios: ['contract-exception'] };
  await writeFakeGameBuild(from, library);
  const out = join(root, 'out', 'course.zip');
  const built = await buildScorm({ standard, scenario: 'contract-exception', from, out, scenarios });
  expect(built.ok && built.value).toMatchObject({ file: out, entries: 7 });
  const zip = new Uint8Array(await readFile(out));
  const entries = unzipSync(zip);
  expect(launchOf(entries).ok && launchOf(entries)).toMatchObject({
    value: { standard, masteryScore: 64 },
  });
  return { zip, entries, gameFiles: packagedFiles(fakeGameBuild(library).keys()) };
}

/** A good practice package of `late-refund`, made by `pack`, that each fault-planting case copies. */
export const PRACTICE_BUILD = fakeGameBuild({
  packHash: DEFAULT_PACK.contentHash,
  scenarios: ['late-refund'],
});

/** Makes the good practice package once, before the file's tests; a refusal fails them. */
export function goodPracticePackage(pack: Packager): () => Uint8Array {
  let good: Uint8Array | null = null;
  beforeAll(async () => {
    const made = await pack({
      pack: DEFAULT_PACK,
      playing: { mode: 'practice', id: 'late-refund' },
      title: { en: 'A late refund', es: 'Un reembolso tardío' },
      build: PRACTICE_BUILD,
    });
    if (!made.ok) throw new Error(made.problems.map((p) => p.message).join('\n'));
    good = made.value;
  });
  return () => {
    if (!good) throw new Error('The good package is made before the tests.');
    return good;
  };
}

/** `good` with one fault planted: its course file's text changed (it must change), or its entries. */
export function withFault(
  good: Uint8Array,
  courseFile: string,
  change: { xml?: (xml: string) => string; entries?: (e: Record<string, Uint8Array>) => void },
): Uint8Array {
  const entries = unzipSync(good);
  const xml = new TextDecoder().decode(entries[courseFile]);
  const changed = change.xml?.(xml) ?? xml;
  if (change.xml) expect(changed, `the planted fault must change ${courseFile}`).not.toBe(xml);
  entries[courseFile] = new TextEncoder().encode(changed);
  change.entries?.(entries);
  return zipSync(entries);
}

/**
 * Launch paths no package may name, each with what the check must say: an address elsewhere, a path
 * from the root, out of the package, with `..` inside, or with Windows separators.
 */
export const UNSAFE_LAUNCH_PATHS: readonly (readonly [what: string, path: string, said: RegExp])[] = [
  ['an address elsewhere', 'https://cdn.example.com/index.html', /address elsewhere/],
  ['an absolute path', '/index.html', /starts with \//],
  ['a path out of the package', '../index.html', /\.\. segment/],
  ['a path with .. inside', 'assets/../index.html', /\.\. segment/],
  ['a Windows path', 'assets\\index.html', /uses \\/],
];
