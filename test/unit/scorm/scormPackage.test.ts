/**
 * Packaging a build: what goes in (the game page and what it loads; not the other pages, the editors'
 * schemas or the source maps), the launch settings written into the page, the same bytes for the
 * same build, and a build that cannot be packaged refused with what to do.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EDITIONS, MANIFEST_FILE, readXml } from '../../../src/cli/scormManifest';
import {
  isGameFile,
  packageIdentifier,
  packageScorm,
  type ScormPackageInput,
} from '../../../src/cli/scormPackage';
import { DEFAULT_PACK } from '../../../src/core/scenario/compilePack';
import { type LmsLaunch, parseLmsLaunch } from '../../../src/game/reporting/launch';
import { fakeGameBuild } from '../../support/fakeGameBuild';

const input: ScormPackageInput = {
  standard: 'scorm12',
  pack: { ...DEFAULT_PACK, masteryScore: 80 },
  playing: { mode: 'shift', id: 'monday-morning' },
  title: 'Monday morning rush',
  build: fakeGameBuild({ packHash: DEFAULT_PACK.contentHash, shifts: ['monday-morning'] }),
};

async function made(over: Partial<ScormPackageInput> = {}): Promise<Record<string, Uint8Array>> {
  const zip = await packageScorm({ ...input, ...over });
  if (!zip.ok) throw new Error(zip.problems.map((p) => p.message).join('\n'));
  return unzipSync(zip.value);
}

describe('a SCORM package', () => {
  it('holds the game page and what it loads, the manifest and the control schemas, and nothing else', async () => {
    const files = Object.keys(await made()).sort();
    expect(files).toEqual(
      [
        MANIFEST_FILE,
        ...EDITIONS.scorm12.schemaFiles,
        'assets/deep/nested file.svg',
        'assets/main-abc123.js',
        'assets/phaser-def456.js',
        'assets/sprite-789.mp3',
        'index.html',
        'office.svg',
        'scenario-pack.json',
      ].sort(),
    );
  });

  it('lists every game file in its manifest, with the launch page as the SCO', async () => {
    const entries = await made();
    const manifest = readXml(new TextDecoder().decode(entries[MANIFEST_FILE]));
    const resource = manifest?.children.find((e) => e.name === 'resources')?.children[0];
    expect(resource?.attributes.get('href')).toBe('index.html');
    expect(resource?.attributes.get('identifier')).toBe('escalation-desk.default.shift.monday-morning.sco');
    const listed = resource?.children.map((f) => decodeURIComponent(f.attributes.get('href') ?? '')) ?? [];
    const control = new Set([MANIFEST_FILE, ...EDITIONS.scorm12.schemaFiles]);
    expect(listed.sort()).toEqual(
      Object.keys(entries)
        .filter((f) => !control.has(f))
        .sort(),
    );
  });

  it('writes the launch settings into the game page’s head, as the game reads them', async () => {
    const page = new TextDecoder().decode((await made())['index.html']);
    const block = /<script type="application\/json" id="lms-launch">(.*?)<\/script>\n\s*<\/head>/.exec(page);
    expect(block).not.toBeNull();
    const launch: LmsLaunch = {
      standard: 'scorm12',
      playing: { mode: 'shift', id: 'monday-morning' },
      masteryScore: 80,
      title: 'Monday morning rush',
    };
    expect(parseLmsLaunch(block?.[1] ?? '')).toEqual({ ok: true, value: launch, problems: [] });
  });

  it('plays the whole library when nothing is chosen', async () => {
    const page = new TextDecoder().decode(
      (await made({ playing: null, standard: 'scorm2004' }))['index.html'],
    );
    expect(page).toContain('"standard":"scorm2004","playing":null');
    expect(packageIdentifier(DEFAULT_PACK, null)).toBe('escalation-desk.default.library');
  });

  it('is the same bytes when made twice from the same build', async () => {
    const a = await packageScorm(input);
    const b = await packageScorm({ ...input, build: new Map([...input.build].reverse()) });
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && Buffer.from(a.value).equals(Buffer.from(b.value))).toBe(true);
  });

  it.each([
    ['index.html', true],
    ['assets/x-1.js', true],
    ['assets/x-1.js.map', false],
    ['office.svg', true],
    ['manager.html', false],
    ['studio.html', false],
    ['schema/pack.schema.json', false],
    ['bench/bare-phaser.html', false],
  ])('takes %s from a build: %s', (path, taken) => {
    expect(isGameFile(path)).toBe(taken);
  });

  it.each([
    ['no game page', 'index.html', /no index\.html.*npm run build/],
    ['no scenario library', 'scenario-pack.json', /no scenario-pack\.json.*npm run build/],
  ])('is refused from a build with %s', async (_, missing, message) => {
    const build = new Map(input.build);
    build.delete(missing);
    const zip = await packageScorm({ ...input, build });
    expect(zip.ok).toBe(false);
    expect(zip.problems[0]?.message).toMatch(message);
  });

  it('is refused from a package, not a build', async () => {
    const once = await made();
    const build = new Map(Object.entries(once));
    const again = await packageScorm({ ...input, build });
    expect(again.ok).toBe(false);
    expect(again.problems[0]?.message).toMatch(/not a package/);
  });
});
