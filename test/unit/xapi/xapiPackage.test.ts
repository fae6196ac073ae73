/**
 * Packaging a build for xAPI on its own: `tincan.xml` beside the same game files the other packages
 * take, the launch settings saying xapi and the pack's mastery score, the page allowed to reach the
 * store named at launch, the activity being the course cmi5 describes, the same bytes for the same
 * build, a build that cannot be packaged refused, and the command's own path from pack.yaml to zip.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildScorm, defaultOutput, parseBuildScormArgs } from '../../../src/cli/buildScorm';
import { courseIri } from '../../../src/cli/lmsCourse';
import { readXml } from '../../../src/cli/scormManifest';
import { packagedFiles, STORE_CONNECT } from '../../../src/cli/scormPackage';
import {
  COURSE_ACTIVITY_TYPE,
  checkXapiPackage,
  TINCAN_FILE,
  TINCAN_NAMESPACE,
} from '../../../src/cli/tincanXml';
import { packageXapi, type XapiPackageInput } from '../../../src/cli/xapiPackage';
import { contentHash } from '../../../src/core/contentHash';
import { DEFAULT_PACK } from '../../../src/core/scenario/compilePack';
import { type LmsLaunch, parseLmsLaunch } from '../../../src/game/reporting/launch';
import { XAPI_IRI_BASE } from '../../../src/game/reporting/xapi';
import { fakeGameBuild, writeFakeGameBuild } from '../../support/fakeGameBuild';
import { tempFolders } from '../../support/tempFolders';

const input: XapiPackageInput = {
  pack: { ...DEFAULT_PACK, masteryScore: 80 },
  playing: { mode: 'shift', id: 'monday-morning' },
  title: { en: 'Monday morning rush', es: 'Lunes por la mañana' },
  build: fakeGameBuild({ packHash: DEFAULT_PACK.contentHash, shifts: ['monday-morning'] }),
};

async function made(over: Partial<XapiPackageInput> = {}): Promise<Record<string, Uint8Array>> {
  const zip = await packageXapi({ ...input, ...over });
  if (!zip.ok) throw new Error(zip.problems.map((p) => p.message).join('\n'));
  return unzipSync(zip.value);
}

/** The launch settings written into a package's game page. */
function launchOf(entries: Record<string, Uint8Array>) {
  const page = new TextDecoder().decode(entries['index.html']);
  const block = /<script type="application\/json" id="lms-launch">(.*?)<\/script>\n\s*<\/head>/.exec(page);
  return parseLmsLaunch(block?.[1] ?? '');
}

describe('an xAPI package', () => {
  it('holds tincan.xml at its root and the game files the other packages take, nothing else', async () => {
    const files = Object.keys(await made()).sort();
    expect(files).toEqual([TINCAN_FILE, ...packagedFiles(input.build.keys())].sort());
    expect(files).toContain('index.html');
    expect(files).not.toContain('manager.html');
    expect(files.some((f) => f.endsWith('.map'))).toBe(false);
  });

  it('writes launch settings that say xapi and the pack’s mastery score', async () => {
    const launch: LmsLaunch = {
      standard: 'xapi',
      playing: { mode: 'shift', id: 'monday-morning' },
      masteryScore: 80,
      title: 'Monday morning rush',
    };
    expect(launchOf(await made())).toEqual({ ok: true, value: launch, problems: [] });
  });

  it('lets its page connect to the learning record store the launch names, and run only its own scripts', async () => {
    const page = new TextDecoder().decode((await made())['index.html']);
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(policy.startsWith(STORE_CONNECT)).toBe(true);
    expect(policy).toContain("connect-src 'self' https: http:;");
    expect(policy).toContain("script-src 'self'");
    expect(policy.match(/connect-src/g)).toHaveLength(1);
  });

  it('describes the course cmi5 describes, as one activity launched at the game page', async () => {
    const xml = new TextDecoder().decode((await made())[TINCAN_FILE]);
    const root = readXml(xml);
    expect(root?.name).toBe('tincan');
    expect(root?.attributes.get('xmlns')).toBe(TINCAN_NAMESPACE);
    const activity = root?.children.find((e) => e.name === 'activities')?.children;
    expect(activity).toHaveLength(1);
    const only = activity?.[0];
    expect(only?.attributes.get('id')).toBe(`${XAPI_IRI_BASE}courses/default/shift/monday-morning`);
    expect(only?.attributes.get('id')).toBe(courseIri(input.pack, input.playing));
    expect(only?.attributes.get('type')).toBe(COURSE_ACTIVITY_TYPE);
    expect(only?.children.find((e) => e.name === 'launch')?.text).toBe('index.html');
    expect(xml).toContain('<name lang="en-US">Monday morning rush</name>');
    expect(xml).toContain('<name lang="es">Lunes por la mañana</name>');
    expect(xml).toMatch(/<description lang="en-US">A shift from .+<\/description>/);
    expect(xml).toMatch(/<description lang="es">Un turno de .+<\/description>/);
  });

  it('plays the whole library when nothing is chosen', async () => {
    const entries = await made({ playing: null, title: DEFAULT_PACK.title });
    const launch = launchOf(entries);
    expect(launch.ok && launch.value.playing).toBeNull();
    expect(new TextDecoder().decode(entries[TINCAN_FILE])).toContain(
      `<activity id="${XAPI_IRI_BASE}courses/default/library"`,
    );
  });

  it('is the same bytes when made twice from the same build, whatever order its files come in', async () => {
    const a = await packageXapi(input);
    const b = await packageXapi({ ...input, build: new Map([...input.build].reverse()) });
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && Buffer.from(a.value).equals(Buffer.from(b.value))).toBe(true);
    const other = await packageXapi({ ...input, pack: { ...input.pack, masteryScore: 81 } });
    expect(other.ok && a.ok && Buffer.from(other.value).equals(Buffer.from(a.value))).toBe(false);
  });

  it.each([
    ['no game page', 'index.html', /no index\.html.*npm run build/],
    ['no scenario library', 'scenario-pack.json', /no scenario-pack\.json.*npm run build/],
  ])('is refused from a build with %s', async (_, missing, message) => {
    const build = new Map(input.build);
    build.delete(missing);
    const zip = await packageXapi({ ...input, build });
    expect(zip.ok).toBe(false);
    expect(zip.problems[0]?.message).toMatch(message);
  });

  it('is refused from a package, not a build', async () => {
    const again = await packageXapi({ ...input, build: new Map(Object.entries(await made())) });
    expect(again.ok).toBe(false);
    expect(again.problems[0]?.message).toMatch(/tincan\.xml.*not a package/);
  });
});

describe('npm run build:xapi', () => {
  const folder = tempFolders('xapi-build');
  const FIVE = 'test/fixtures/five-tier';

  it('reads --standard xapi and names the zip after it', () => {
    expect(parseBuildScormArgs(['--standard', 'xapi', '--scenario', 'late-refund'])).toEqual({
      standard: 'xapi',
      scenario: 'late-refund',
    });
    expect(defaultOutput({ standard: 'xapi', scenario: 'late-refund' })).toBe(
      join('dist-lms', 'escalation-desk-xapi-late-refund.zip'),
    );
    expect(defaultOutput({ standard: 'xapi' })).toBe(join('dist-lms', 'escalation-desk-xapi.zip'));
  });

  it('writes a checked package that passes from the mastery_score in pack.yaml', async () => {
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
      standard: 'xapi',
      scenario: 'contract-exception',
      from,
      out,
      scenarios,
    });
    expect(built.ok && built.value).toMatchObject({ file: out, entries: 7 });

    const zip = new Uint8Array(await readFile(out));
    const entries = unzipSync(zip);
    expect(await checkXapiPackage(zip, packagedFiles(fakeGameBuild(library).keys()))).toEqual([]);
    expect(new TextDecoder().decode(entries[TINCAN_FILE])).toContain(
      `<activity id="${XAPI_IRI_BASE}courses/five-tier-crisis/practice/contract-exception"`,
    );
    const launch = launchOf(entries);
    expect(launch.ok && launch.value).toMatchObject({ standard: 'xapi', masteryScore: 64 });
  });
});
