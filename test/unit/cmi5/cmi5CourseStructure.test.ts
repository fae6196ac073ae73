/**
 * The cmi5 course structure and the package check. A good structure passes the cmi5 schema for real
 * (xmllint); then each thing a learning system would choke on is planted on its own in an otherwise
 * good package and must be named, alone: the schema's finds, and what no schema sees.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  CMI5_NAMESPACE,
  COURSE_STRUCTURE_FILE,
  type CourseStructureInput,
  checkCmi5Package,
  courseStructureSchemaProblems,
  courseStructureXml,
  scaledMastery,
} from '../../../src/cli/cmi5CourseStructure';
import { packageCmi5 } from '../../../src/cli/cmi5Package';
import { packagedFiles } from '../../../src/cli/scormPackage';
import {
  goodPracticePackage,
  PRACTICE_BUILD,
  UNSAFE_LAUNCH_PATHS,
  withFault,
} from '../../support/storePackageContract';

const input: CourseStructureInput = {
  courseId: 'https://w3id.org/escalation-desk/xapi/courses/starter/practice/late-refund',
  auId: 'https://w3id.org/escalation-desk/xapi/courses/starter/practice/late-refund/au',
  title: { en: 'A late refund & a "calm" <customer>', es: 'Un reembolso tardío' },
  description: { en: 'Practice', es: 'Práctica' },
  auTitle: { en: 'A late refund', es: 'Un reembolso tardío' },
  auDescription: { en: 'Play it', es: 'Juégalo' },
  masteryScore: 75,
  url: 'index.html',
};

/** The game files a package of the practice build carries, which the check is told to expect. */
const gameFiles = packagedFiles(PRACTICE_BUILD.keys());
const good = goodPracticePackage(packageCmi5);
/** The good package with one fault planted in its `cmi5.xml` or its entries. */
const altered = (change: Parameters<typeof withFault>[2]) => withFault(good(), COURSE_STRUCTURE_FILE, change);

const codesOf = async (zip: Uint8Array) => (await checkCmi5Package(zip, gameFiles)).map((p) => p.code);

describe('the course structure', () => {
  it('passes the cmi5 schema, in its namespace, with the text escaped', async () => {
    const xml = courseStructureXml(input);
    expect(await courseStructureSchemaProblems(xml)).toEqual([]);
    expect(xml).toContain(`<courseStructure xmlns="${CMI5_NAMESPACE}">`);
    expect(xml).toContain(
      '<langstring lang="en-US">A late refund &amp; a &quot;calm&quot; &lt;customer&gt;</langstring>',
    );
    expect(xml).toContain('<langstring lang="es">Un reembolso tardío</langstring>');
    expect(xml).toContain('<url>index.html</url>');
  });

  it('gives the AU its moveOn, launch method and the mastery score scaled 0 to 1', () => {
    expect(courseStructureXml(input)).toMatch(
      /<au id="[^"]+\/au" moveOn="CompletedAndPassed" masteryScore="0\.75" launchMethod="AnyWindow">/,
    );
  });

  it.each([
    [70, '0.70'],
    [64, '0.64'],
    [100, '1.00'],
    [0, '0.00'],
  ])('scales a mastery score of %i to %s', (score, scaled) => {
    expect(scaledMastery(score)).toBe(scaled);
  });

  it('writes English alone when the text has no Spanish, and English first when it has no English', () => {
    const xml = courseStructureXml({ ...input, title: { fr: 'Un remboursement' }, description: { en: 'D' } });
    expect(xml).toContain(
      '<title>\n      <langstring lang="en-US">Un remboursement</langstring>\n    </title>',
    );
    expect(xml).toContain('<description>\n      <langstring lang="en-US">D</langstring>\n    </description>');
  });
});

describe('the package check', () => {
  it('passes a good package', async () => {
    expect(await checkCmi5Package(good(), gameFiles)).toEqual([]);
  });

  it('fails a moveOn cmi5 does not know (the schema finds it)', async () => {
    const zip = altered({ xml: (x) => x.replace('moveOn="CompletedAndPassed"', 'moveOn="Finished"') });
    const problems = await checkCmi5Package(zip, gameFiles);
    expect(problems.map((p) => p.code)).toEqual(['schema-invalid']);
    expect(problems[0]?.message).toMatch(
      /^cmi5\.xml:\d+: .*moveOn.*'Finished'.*\(cmi5 Course Structure schema\)/,
    );
  });

  it('fails the Sandstone namespace (the schema finds it)', async () => {
    const zip = altered({
      xml: (x) => x.replace(CMI5_NAMESPACE, 'http://www.adlnet.gov/cmi5/CourseStructure.xsd'),
    });
    expect(await codesOf(zip)).toEqual(['schema-invalid']);
  });

  it('fails a mastery score above 1 (the schema and the check both)', async () => {
    const zip = altered({ xml: (x) => x.replace('masteryScore="0.70"', 'masteryScore="70"') });
    expect(await codesOf(zip)).toEqual(['schema-invalid', 'invalid-mastery-score']);
  });

  it('catches a mastery score finer than cmi5 allows (the schema lets it through)', async () => {
    const zip = altered({ xml: (x) => x.replace('masteryScore="0.70"', 'masteryScore="0.70001"') });
    const problems = await checkCmi5Package(zip, gameFiles);
    expect(problems.map((p) => p.code)).toEqual(['invalid-mastery-score']);
    expect(problems[0]?.message).toMatch(
      /^cmi5\.xml: <au id="[^"]+"> has masteryScore="0\.70001"; it must be/,
    );
  });

  it.each(UNSAFE_LAUNCH_PATHS)(
    'catches an AU url that is %s (the schema lets it through)',
    async (_, url, why) => {
      const zip = altered({ xml: (x) => x.replace('<url>index.html</url>', `<url>${url}</url>`) });
      const problems = await checkCmi5Package(zip, gameFiles);
      expect(problems.map((p) => p.code)).toEqual(['unsafe-launch']);
      expect(problems[0]?.message).toMatch(why);
      expect(problems[0]?.message).toMatch(/^cmi5\.xml: <au id=.*<url>.*give the game page's path/);
    },
  );

  it('catches an AU url naming a file the zip does not hold', async () => {
    const zip = altered({ xml: (x) => x.replace('<url>index.html</url>', '<url>play.html</url>') });
    const problems = await checkCmi5Package(zip, gameFiles);
    expect(problems.map((p) => p.code)).toEqual(['missing-file']);
    expect(problems[0]?.message).toMatch(/<url>play\.html<\/url> names a file the package does not hold/);
  });

  it('catches a course id that is not an absolute IRI (the schema takes any URI reference)', async () => {
    const zip = altered({ xml: (x) => x.replace(/<course id="[^"]+"/, '<course id="courses/late-refund"') });
    const problems = await checkCmi5Package(zip, gameFiles);
    expect(problems.map((p) => p.code)).toEqual(['invalid-iri']);
    expect(problems[0]?.message).toMatch(
      /^cmi5\.xml: <course id="courses\/late-refund"> is not an absolute IRI/,
    );
  });

  it('catches an AU id that is not an absolute IRI', async () => {
    const zip = altered({ xml: (x) => x.replace(/<au id="[^"]+"/, '<au id="late refund"') });
    expect(await codesOf(zip)).toEqual(['invalid-iri']);
  });

  it('catches an AU sharing the course’s id', async () => {
    const zip = altered({ xml: (x) => x.replace(/(<au id="[^"]+)\/au"/, '$1"') });
    const problems = await checkCmi5Package(zip, gameFiles);
    expect(problems.map((p) => p.code)).toEqual(['duplicate-id']);
    expect(problems[0]?.message).toMatch(/<au id="[^"]+"> has the same id as a <course>/);
  });

  it('catches a file in the zip that is not part of the game', async () => {
    const zip = altered({
      entries: (e) => {
        e['assets/main-abc123.js.map'] = new TextEncoder().encode('{}');
      },
    });
    expect(await checkCmi5Package(zip, gameFiles)).toEqual([
      {
        code: 'unlisted-file',
        message:
          'The package holds assets/main-abc123.js.map, which is not part of the game; leave it out of the package.',
      },
    ]);
  });

  it('catches a game file missing from the zip', async () => {
    const zip = altered({ entries: (e) => delete e['assets/phaser-def456.js'] });
    expect(await checkCmi5Package(zip, gameFiles)).toEqual([
      {
        code: 'missing-file',
        message: 'The package lacks assets/phaser-def456.js, a file of the game; package the whole build.',
      },
    ]);
  });

  it('refuses what is not a package at all', async () => {
    expect((await checkCmi5Package(new TextEncoder().encode('not a zip'), gameFiles))[0]?.code).toBe(
      'not-a-zip',
    );
    expect(await codesOf(zipSync({ 'index.html': new Uint8Array(1) }))).toEqual(['no-course-structure']);
  });
});
