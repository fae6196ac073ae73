/**
 * Packaging a build for cmi5: `cmi5.xml` beside the same game files a SCORM package takes, the launch
 * settings saying cmi5 and the pack's mastery score, course and AU ids under the project's xAPI base,
 * the same bytes for the same build, a build that cannot be packaged refused, and the mastery score
 * followed from a pack.yaml through the command's own path.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildScorm, defaultOutput, parseBuildScormArgs } from '../../../src/cli/buildScorm';
import { COURSE_STRUCTURE_FILE, checkCmi5Package } from '../../../src/cli/cmi5CourseStructure';
import { auIri, type Cmi5PackageInput, packageCmi5 } from '../../../src/cli/cmi5Package';
import { courseIri } from '../../../src/cli/lmsCourse';
import { readXml } from '../../../src/cli/scormManifest';
import { packagedFiles } from '../../../src/cli/scormPackage';
import { contentHash } from '../../../src/core/contentHash';
import { DEFAULT_PACK } from '../../../src/core/scenario/compilePack';
import { type LmsLaunch, parseLmsLaunch } from '../../../src/game/reporting/launch';
import { XAPI_IRI_BASE } from '../../../src/game/reporting/xapi';
import { fakeGameBuild, writeFakeGameBuild } from '../../support/fakeGameBuild';
import { tempFolders } from '../../support/tempFolders';

const input: Cmi5PackageInput = {
  pack: { ...DEFAULT_PACK, masteryScore: 80 },
  playing: { mode: 'shift', id: 'monday-morning' },
  title: { en: 'Monday morning rush', es: 'Lunes por la mañana' },
  build: fakeGameBuild({ packHash: DEFAULT_PACK.contentHash, shifts: ['monday-morning'] }),
};

async function made(over: Partial<Cmi5PackageInput> = {}): Promise<Record<string, Uint8Array>> {
  const zip = await packageCmi5({ ...input, ...over });
  if (!zip.ok) throw new Error(zip.problems.map((p) => p.message).join('\n'));
  return unzipSync(zip.value);
}

/** The launch settings written into a package's game page. */
function launchOf(entries: Record<string, Uint8Array>) {
  const page = new TextDecoder().decode(entries['index.html']);
  const block = /<script type="application\/json" id="lms-launch">(.*?)<\/script>\n\s*<\/head>/.exec(page);
  return parseLmsLaunch(block?.[1] ?? '');
}

describe('a cmi5 package', () => {
  it('holds cmi5.xml at its root and the game files a SCORM package takes, nothing else', async () => {
    const files = Object.keys(await made()).sort();
    expect(files).toEqual([COURSE_STRUCTURE_FILE, ...packagedFiles(input.build.keys())].sort());
    expect(files).toContain('index.html');
    expect(files).not.toContain('manager.html');
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('writes launch settings that say cmi5 and the pack’s mastery score', async () => {
    const launch: LmsLaunch = {
      standard: 'cmi5',
      playing: { mode: 'shift', id: 'monday-morning' },
      masteryScore: 80,
      title: 'Monday morning rush',
    };
    expect(launchOf(await made())).toEqual({ ok: true, value: launch, problems: [] });
  });

  it('lets its page connect to the learning record store the launch names, and run only its own scripts', async () => {
    const page = new TextDecoder().decode((await made())['index.html']);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(policy).toContain("connect-src 'self' https: http:;");
    expect(policy).toContain("script-src 'self'");
    expect(policy.match(/connect-src/g)).toHaveLength(1);
  });

  it('names the course and its AU under the project’s xAPI base, apart, and launches the game page', async () => {
    const xml = new TextDecoder().decode((await made())[COURSE_STRUCTURE_FILE]);
    const root = readXml(xml);
    const course = root?.children.find((e) => e.name === 'course');
    const au = root?.children.find((e) => e.name === 'au');
    expect(course?.attributes.get('id')).toBe(`${XAPI_IRI_BASE}courses/default/shift/monday-morning`);
    expect(au?.attributes.get('id')).toBe(`${XAPI_IRI_BASE}courses/default/shift/monday-morning/au`);
    expect(au?.attributes.get('masteryScore')).toBe('0.80');
    expect(au?.attributes.get('moveOn')).toBe('CompletedAndPassed');
    expect(au?.children.find((e) => e.name === 'url')?.text).toBe('index.html');
    expect(xml).toContain('<langstring lang="es">Lunes por la mañana</langstring>');
  });

  it('plays the whole library when nothing is chosen', async () => {
    const entries = await made({ playing: null, title: DEFAULT_PACK.title });
    const launch = launchOf(entries);
    expect(launch.ok && launch.value.playing).toBeNull();
    expect(courseIri(DEFAULT_PACK, null)).toBe(`${XAPI_IRI_BASE}courses/default/library`);
    expect(auIri(DEFAULT_PACK, null)).toBe(`${XAPI_IRI_BASE}courses/default/library/au`);
  });

  it('is the same bytes when made twice from the same build, whatever order its files come in', async () => {
    const a = await packageCmi5(input);
    const b = await packageCmi5({ ...input, build: new Map([...input.build].reverse()) });
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && Buffer.from(a.value).equals(Buffer.from(b.value))).toBe(true);
    const other = await packageCmi5({ ...input, pack: { ...input.pack, masteryScore: 81 } });
    expect(other.ok && a.ok && Buffer.from(other.value).equals(Buffer.from(a.value))).toBe(false);
  });

  it.each([
    ['no game page', 'index.html', /no index\.html.*npm run build/],
    ['no scenario library', 'scenario-pack.json', /no scenario-pack\.json.*npm run build/],
  ])('is refused from a build with %s', async (_, missing, message) => {
    const build = new Map(input.build);
    build.delete(missing);
    const zip = await packageCmi5({ ...input, build });
    expect(zip.ok).toBe(false);
    expect(zip.problems[0]?.message).toMatch(message);
  });

  it('is refused from a package, not a build', async () => {
    const again = await packageCmi5({ ...input, build: new Map(Object.entries(await made())) });
    expect(again.ok).toBe(false);
    expect(again.problems[0]?.message).toMatch(/cmi5\.xml.*not a package/);
  });
});

describe('npm run build:cmi5', () => {
  const folder = tempFolders('cmi5-build');
  const FIVE = 'test/fixtures/five-tier';

  it('reads --standard cmi5 and names the zip after it', () => {
    expect(parseBuildScormArgs(['--standard', 'cmi5', '--scenario', 'late-refund'])).toEqual({
      standard: 'cmi5',
      scenario: 'late-refund',
    });
    expect(defaultOutput({ standard: 'cmi5', scenario: 'late-refund' })).toBe(
      join('dist-lms', 'escalation-desk-cmi5-late-refund.zip'),
    );
  });

  it('passes from the mastery_score in pack.yaml, in cmi5.xml and in the launch settings', async () => {
    const root = await folder();
    const scenarios = join(root, 'scenarios');
    await cp(FIVE, scenarios, { recursive: true });
    const packText = `${await readFile(join(FIVE, 'pack.yaml'), 'utf8')}mastery_score: 64\n`;
    await writeFile(join(scenarios, 'pack.yaml'), packText);
    const from = join(root, 'dist');
    const library = { packHash: contentHash(packText), scenarios: ['contract-exception'] };
    await writeFakeGameBuild(from, library);
    const out = join(root, 'out', 'course.zip');
    const built = await buildScorm({
      standard: 'cmi5',
      scenario: 'contract-exception',
      from,
      out,
      scenarios,
    });
    expect(built.ok && built.value).toMatchObject({ file: out, entries: 7 });

    const zip = new Uint8Array(await readFile(out));
    const entries = unzipSync(zip);
    const game = packagedFiles(fakeGameBuild(library).keys());
    expect(await checkCmi5Package(zip, game)).toEqual([]);
    const xml = new TextDecoder().decode(entries[COURSE_STRUCTURE_FILE]);
    expect(xml).toContain('masteryScore="0.64"');
    expect(xml).toContain(
      `<course id="${XAPI_IRI_BASE}courses/five-tier-crisis/practice/contract-exception">`,
    );
    const launch = launchOf(entries);
    expect(launch.ok && launch.value).toMatchObject({ standard: 'cmi5', masteryScore: 64 });
  });
});
