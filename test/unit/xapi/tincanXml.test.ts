/**
 * `tincan.xml` and the xAPI package check. There is no official schema to validate against, so the
 * check is the only guard: a good package passes, then each thing a learning system would choke on is
 * planted on its own in a copy of a good package and must be named, alone, with the file, the element
 * and the fix.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packagedFiles } from '../../../src/cli/scormPackage';
import {
  checkXapiPackage,
  TINCAN_FILE,
  TINCAN_NAMESPACE,
  type TincanInput,
  tincanXml,
} from '../../../src/cli/tincanXml';
import { packageXapi } from '../../../src/cli/xapiPackage';
import {
  goodPracticePackage,
  PRACTICE_BUILD,
  UNSAFE_LAUNCH_PATHS,
  withFault,
} from '../../support/storePackageContract';

const input: TincanInput = {
  id: 'https://w3id.org/escalation-desk/xapi/courses/starter/practice/late-refund',
  name: { en: 'A late refund & a "calm" <customer>', es: 'Un reembolso tardío' },
  description: { en: 'Practice', es: 'Práctica' },
  launch: 'index.html',
};

/** The game files a package of the practice build carries, which the check is told to expect. */
const gameFiles = packagedFiles(PRACTICE_BUILD.keys());
const good = goodPracticePackage(packageXapi);
/** The good package with one fault planted in its `tincan.xml` or its entries. */
const altered = (change: Parameters<typeof withFault>[2]) => withFault(good(), TINCAN_FILE, change);

const problemsOf = (zip: Uint8Array) => checkXapiPackage(zip, gameFiles);

describe('tincan.xml', () => {
  it('is one activity in the Tin Can namespace, its text escaped, in English and Spanish', () => {
    const xml = tincanXml(input);
    expect(xml).toContain(`<tincan xmlns="${TINCAN_NAMESPACE}">`);
    expect(xml).toContain(`<activity id="${input.id}" type="http://adlnet.gov/expapi/activities/course">`);
    expect(xml).toContain(
      '<name lang="en-US">A late refund &amp; a &quot;calm&quot; &lt;customer&gt;</name>',
    );
    expect(xml).toContain('<name lang="es">Un reembolso tardío</name>');
    expect(xml).toContain('<description lang="es">Práctica</description>');
    expect(xml).toContain('<launch lang="en-US">index.html</launch>');
    expect(xml.match(/<activity /g)).toHaveLength(1);
  });

  it('writes English alone when the text has no Spanish, and English first when it has no English', () => {
    const xml = tincanXml({ ...input, name: { fr: 'Un remboursement' }, description: { en: 'D' } });
    expect(xml).toContain('<name lang="en-US">Un remboursement</name>');
    expect(xml).not.toContain('<name lang="es">');
    expect(xml).not.toContain('<description lang="es">');
  });
});

describe('the package check', () => {
  it('passes a good package', async () => {
    expect(await problemsOf(good())).toEqual([]);
  });

  it('catches tincan.xml that is not well-formed, and says only that', async () => {
    const zip = altered({ xml: (x) => x.replace('</activities>', '</activity>') });
    const problems = await problemsOf(zip);
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['not-well-formed']));
    expect(problems[0]?.message).toMatch(/^tincan\.xml:\d+: .*mismatch.*; write it as well-formed XML/);
  });

  it('catches an entity XML does not know', async () => {
    const zip = altered({ xml: (x) => x.replace('A late refund</name>', 'A late&nbsp;refund</name>') });
    expect((await problemsOf(zip)).map((p) => p.code)).toEqual(['not-well-formed']);
  });

  it('catches another root element', async () => {
    const zip = altered({ xml: (x) => x.replace('<tincan ', '<course ').replace('</tincan>', '</course>') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['wrong-root']);
    expect(problems[0]?.message).toMatch(/^tincan\.xml has <course> at its root; it must be <tincan xmlns=/);
  });

  it('catches the tincan root in another namespace', async () => {
    const zip = altered({ xml: (x) => x.replace(TINCAN_NAMESPACE, 'http://projecttincan.com/tincan') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['wrong-root']);
    expect(problems[0]?.message).toMatch(
      /^tincan\.xml: <tincan> is in the namespace "http:\/\/projecttincan\.com\/tincan"; write <tincan xmlns=/,
    );
  });

  it('catches the tincan root in no namespace', async () => {
    const zip = altered({ xml: (x) => x.replace(` xmlns="${TINCAN_NAMESPACE}"`, '') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['wrong-root']);
    expect(problems[0]?.message).toMatch(/in the namespace \(none\)/);
  });

  it('catches no activity', async () => {
    const zip = altered({ xml: (x) => x.replace(/<activity [\s\S]*<\/activity>\n/, '') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['activity-count']);
    expect(problems[0]?.message).toMatch(/^tincan\.xml has no <activity> in <activities>.*one <activity>/);
  });

  it('catches a second activity', async () => {
    const zip = altered({
      xml: (x) => x.replace(/(<activity [\s\S]*<\/activity>\n)/, '$1$1'),
    });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['activity-count']);
    expect(problems[0]?.message).toMatch(/^tincan\.xml has 2 <activity> elements.*keep one <activity>/);
  });

  it.each([
    ['relative', 'courses/late-refund', /is not an absolute IRI/],
    ['with a space', 'https://w3id.org/escalation desk', /is not an absolute IRI/],
  ])('catches an activity id that is %s', async (_, id, why) => {
    const zip = altered({ xml: (x) => x.replace(/<activity id="[^"]+"/, `<activity id="${id}"`) });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['invalid-iri']);
    expect(problems[0]?.message).toMatch(why);
    expect(problems[0]?.message).toMatch(/^tincan\.xml: <activity id=.*give it a full address with a scheme/);
  });

  it('catches an activity without an id', async () => {
    const zip = altered({ xml: (x) => x.replace(/<activity id="[^"]+"/, '<activity') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['invalid-iri']);
    expect(problems[0]?.message).toMatch(/<activity id=""> has no id/);
  });

  it('catches an activity with no launch', async () => {
    const zip = altered({ xml: (x) => x.replace(/ *<launch[^>]*>index\.html<\/launch>\n/, '') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['no-launch']);
    expect(problems[0]?.message).toMatch(/^tincan\.xml: <activity id="[^"]+"> has no <launch>; give it one/);
  });

  it.each<readonly [string, string, RegExp]>([...UNSAFE_LAUNCH_PATHS, ['empty', '', /is empty/]])(
    'catches a launch that is %s',
    async (_, url, why) => {
      const zip = altered({ xml: (x) => x.replace('>index.html</launch>', `>${url}</launch>`) });
      const problems = await problemsOf(zip);
      expect(problems.map((p) => p.code)).toEqual(['unsafe-launch']);
      expect(problems[0]?.message).toMatch(why);
      expect(problems[0]?.message).toMatch(
        /^tincan\.xml: <activity id=.*<launch>.*give the game page's path/,
      );
    },
  );

  it('catches a launch naming a file the zip does not hold', async () => {
    const zip = altered({ xml: (x) => x.replace('>index.html</launch>', '>play.html</launch>') });
    const problems = await problemsOf(zip);
    expect(problems.map((p) => p.code)).toEqual(['missing-file']);
    expect(problems[0]?.message).toMatch(
      /<launch>play\.html<\/launch> names a file the package does not hold/,
    );
  });

  it('catches a file in the zip that is not part of the game', async () => {
    const zip = altered({
      entries: (e) => {
        e['assets/main-abc123.js.map'] = new TextEncoder().encode('{}');
      },
    });
    expect(await problemsOf(zip)).toEqual([
      {
        code: 'unlisted-file',
        message:
          'The package holds assets/main-abc123.js.map, which is not part of the game; leave it out of the package.',
      },
    ]);
  });

  it('catches a game file missing from the zip', async () => {
    const zip = altered({ entries: (e) => delete e['assets/phaser-def456.js'] });
    expect(await problemsOf(zip)).toEqual([
      {
        code: 'missing-file',
        message: 'The package lacks assets/phaser-def456.js, a file of the game; package the whole build.',
      },
    ]);
  });

  it('refuses what is not a package at all', async () => {
    expect((await problemsOf(new TextEncoder().encode('not a zip')))[0]?.code).toBe('not-a-zip');
    const problems = await problemsOf(zipSync({ 'index.html': new Uint8Array(1) }));
    expect(problems.map((p) => p.code)).toEqual(['no-tincan']);
    expect(problems[0]?.message).toMatch(/no tincan\.xml at its root.*npm run build:xapi/);
  });
});
