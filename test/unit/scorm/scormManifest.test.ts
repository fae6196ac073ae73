/**
 * The SCORM manifest and the package check. A valid package of each edition passes the official
 * schemas for real (xmllint); then each thing a learning system would choke on is planted on its own
 * in an otherwise good package and must be named: the schema's finds, and what no schema sees.
 */
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkScormPackage,
  MANIFEST_FILE,
  type ManifestInput,
  manifestXml,
  schemaProblems,
} from '../../../src/cli/scormManifest';
import { packageScorm } from '../../../src/cli/scormPackage';
import { DEFAULT_PACK } from '../../../src/core/scenario/compilePack';
import type { ScormStandard } from '../../../src/game/reporting/launch';
import { fakeGameBuild } from '../../support/fakeGameBuild';

const input = (standard: ScormStandard): ManifestInput => ({
  standard,
  identifier: 'escalation-desk.starter.practice.late-refund',
  version: 3,
  title: 'A late refund & a "calm" <customer>',
  masteryScore: 75,
  launch: 'index.html',
  files: ['index.html', 'assets/main.js', 'assets/a file.svg'],
});

/** A good package of each edition, made once; each case plants one fault in a copy of it. */
const good: Partial<Record<ScormStandard, Uint8Array>> = {};
beforeAll(async () => {
  for (const standard of ['scorm12', 'scorm2004'] as const) {
    const made = await packageScorm({
      standard,
      pack: DEFAULT_PACK,
      playing: { mode: 'practice', id: 'late-refund' },
      title: 'A late refund',
      build: fakeGameBuild({ packHash: DEFAULT_PACK.contentHash, scenarios: ['late-refund'] }),
    });
    if (!made.ok) throw new Error(made.problems.map((p) => p.message).join('\n'));
    good[standard] = made.value;
  }
});

/** The good package of `standard` with its manifest text and its entries changed. */
function altered(
  standard: ScormStandard,
  change: { manifest?: (xml: string) => string; entries?: (e: Record<string, Uint8Array>) => void },
): Uint8Array {
  const entries = unzipSync(good[standard] as Uint8Array);
  const xml = new TextDecoder().decode(entries[MANIFEST_FILE]);
  const changed = change.manifest?.(xml) ?? xml;
  if (change.manifest) expect(changed, 'the planted fault must change the manifest').not.toBe(xml);
  entries[MANIFEST_FILE] = new TextEncoder().encode(changed);
  change.entries?.(entries);
  return zipSync(entries);
}

describe('the manifest', () => {
  it.each(['scorm12', 'scorm2004'] as const)('of %s passes the official schemas', async (standard) => {
    const xml = manifestXml(input(standard));
    expect(await schemaProblems(xml, standard)).toEqual([]);
    expect(xml).toContain('<title>A late refund &amp; a &quot;calm&quot; &lt;customer&gt;</title>');
    expect(xml).toContain('<file href="assets/a%20file.svg"/>');
  });

  it('gives SCORM 1.2 the mastery score on the item, in its namespace and spelling', () => {
    const xml = manifestXml(input('scorm12'));
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('<adlcp:masteryscore>75</adlcp:masteryscore>');
    expect(xml).toContain('adlcp:scormtype="sco"');
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
  });

  it('gives SCORM 2004 the mastery score as the primary objective’s measure, 0 to 1', () => {
    const xml = manifestXml(input('scorm2004'));
    expect(xml).toContain('<schemaversion>2004 4th Edition</schemaversion>');
    expect(xml).toMatch(
      /<imsss:primaryObjective [^>]*satisfiedByMeasure="true">\s*<imsss:minNormalizedMeasure>0.75</,
    );
    expect(xml).toContain('adlcp:scormType="sco"');
    expect(xml).not.toContain('masteryscore');
  });

  it('is the same text for the same input, whatever order the files came in', () => {
    const a = manifestXml(input('scorm12'));
    const b = manifestXml({ ...input('scorm12'), files: [...input('scorm12').files].reverse() });
    expect(b).toBe(a);
  });
});

describe('the package check', () => {
  it.each(['scorm12', 'scorm2004'] as const)('passes a good %s package', async (standard) => {
    expect(await checkScormPackage(good[standard] as Uint8Array)).toEqual([]);
    expect(await checkScormPackage(good[standard] as Uint8Array, standard)).toEqual([]);
  });

  it('fails SCORM 1.2’s scormtype spelt with a capital T (the schema finds it)', async () => {
    const zip = altered('scorm12', { manifest: (x) => x.replace('adlcp:scormtype=', 'adlcp:scormType=') });
    const problems = await checkScormPackage(zip);
    expect(problems.map((p) => p.code)).toContain('schema-invalid');
    expect(problems.find((p) => p.code === 'schema-invalid')?.message).toMatch(/scormType.*strict wildcard/);
  });

  it('fails SCORM 2004’s scormType spelt with a small t (no schema finds it)', async () => {
    const zip = altered('scorm2004', { manifest: (x) => x.replace('adlcp:scormType=', 'adlcp:scormtype=') });
    const problems = await checkScormPackage(zip);
    expect(problems.map((p) => p.code)).toEqual(['wrong-scormtype']);
    expect(problems[0]?.message).toMatch(/adlcp:scormtype; SCORM 2004 4th Edition spells it adlcp:scormType/);
  });

  it('fails a scormtype the schema does not know', async () => {
    const zip = altered('scorm12', { manifest: (x) => x.replace('scormtype="sco"', 'scormtype="SCO"') });
    const problems = await checkScormPackage(zip);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/'SCO' is not an element of the set/);
  });

  it('catches an item pointing at no resource (the schema lets it through)', async () => {
    const zip = altered('scorm2004', {
      manifest: (x) => x.replace(/identifierref="[^"]+"/, 'identifierref="nowhere"'),
    });
    const problems = await checkScormPackage(zip);
    expect(problems[0]).toEqual({
      code: 'dangling-identifierref',
      message:
        'imsmanifest.xml: <item> points at identifierref="nowhere", but no <resource> has that identifier.',
    });
    expect(problems.map((p) => p.code)).toEqual(['dangling-identifierref', 'no-launch']);
  });

  it('catches a listed file the zip does not hold', async () => {
    const zip = altered('scorm12', { entries: (e) => delete e['assets/phaser-def456.js'] });
    expect(await checkScormPackage(zip)).toEqual([
      {
        code: 'missing-file',
        message:
          'imsmanifest.xml: <file href="assets/phaser-def456.js"> names a file the package does not hold.',
      },
    ]);
  });

  it('catches a file in the zip that the manifest does not list', async () => {
    const zip = altered('scorm2004', {
      entries: (e) => {
        e['assets/stray.js'] = new TextEncoder().encode('1');
      },
    });
    expect(await checkScormPackage(zip)).toEqual([
      {
        code: 'unlisted-file',
        message:
          'The package holds assets/stray.js, which no <file href> in imsmanifest.xml lists; list it or leave it out.',
      },
    ]);
  });

  it.each([
    ['an absolute href', '/assets/main-abc123.js', /starts with \//],
    ['an href out of the package', '../assets/main-abc123.js', /\.\. segment/],
    ['an href with .. inside', 'assets/../assets/main-abc123.js', /\.\. segment/],
    ['an address elsewhere', 'https://cdn.example.com/main.js', /address elsewhere/],
    ['a Windows path', 'assets\\main-abc123.js', /uses \\/],
  ])('catches %s', async (_, href, why) => {
    const zip = altered('scorm12', {
      manifest: (x) => x.replace('<file href="assets/main-abc123.js"/>', `<file href="${href}"/>`),
    });
    const problems = await checkScormPackage(zip);
    expect(problems[0]?.code).toBe('unsafe-href');
    expect(problems[0]?.message).toMatch(why);
  });

  it('catches an absolute launch page', async () => {
    const zip = altered('scorm2004', {
      manifest: (x) => x.replace('href="index.html">', 'href="/index.html">'),
    });
    const problems = await checkScormPackage(zip);
    expect(problems.map((p) => p.code)).toContain('unsafe-href');
  });

  it('catches a default organization that does not exist', async () => {
    const zip = altered('scorm12', { manifest: (x) => x.replace(/default="[^"]+"/, 'default="elsewhere"') });
    const problems = await checkScormPackage(zip);
    expect(problems.map((p) => p.code)).toEqual(['no-default-organization']);
  });

  it('catches a schemaversion of the other edition', async () => {
    const zip = altered('scorm2004', {
      manifest: (x) => x.replace('<schemaversion>2004 4th Edition<', '<schemaversion>1.2<'),
    });
    const problems = await checkScormPackage(zip, 'scorm2004');
    expect(problems.map((p) => p.code)).toContain('wrong-edition');
  });

  it('catches a mastery score that is no score (its schema takes any text)', async () => {
    const zip = altered('scorm12', { manifest: (x) => x.replace(/masteryscore>\d+</, 'masteryscore>high<') });
    expect((await checkScormPackage(zip)).map((p) => p.code)).toEqual(['invalid-mastery-score']);
  });

  it('catches a missing control schema, and two elements sharing an identifier', async () => {
    const zip = altered('scorm12', {
      manifest: (x) =>
        x.replace(
          /<item identifier="[^"]+"/,
          '<item identifier="escalation-desk.default.practice.late-refund.sco"',
        ),
      entries: (e) => delete e['adlcp_rootv1p2.xsd'],
    });
    const codes = (await checkScormPackage(zip)).map((p) => p.code);
    expect(codes).toContain('duplicate-identifier');
    expect(codes).toContain('missing-schema-file');
  });

  it('refuses what is not a package at all', async () => {
    expect((await checkScormPackage(new TextEncoder().encode('not a zip')))[0]?.code).toBe('not-a-zip');
    expect((await checkScormPackage(zipSync({ 'index.html': new Uint8Array(1) })))[0]?.code).toBe(
      'no-manifest',
    );
  });
});
