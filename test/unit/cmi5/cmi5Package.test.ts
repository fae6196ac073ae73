/**
 * Packaging a build for cmi5: what every store package promises (`storePackageContract`), and what is
 * cmi5's own: the course and its AU named under the project's xAPI base, apart, the AU launching the
 * game page with moveOn and the pack's mastery score on cmi5's scale, the library's course when
 * nothing is chosen, and the mastery score followed from a pack.yaml through the command's own path.
 */
import { describe, expect, it } from 'vitest';
import { COURSE_STRUCTURE_FILE, checkCmi5Package } from '../../../src/cli/cmi5CourseStructure';
import { auIri, packageCmi5 } from '../../../src/cli/cmi5Package';
import { courseIri } from '../../../src/cli/lmsCourse';
import { readXml } from '../../../src/cli/scormManifest';
import { DEFAULT_PACK } from '../../../src/core/scenario/compilePack';
import { XAPI_IRI_BASE } from '../../../src/game/reporting/xapi';
import { builtWithMastery64, entriesOf, storePackageContract } from '../../support/storePackageContract';
import { tempFolders } from '../../support/tempFolders';

describe('a cmi5 package', () => {
  storePackageContract('cmi5', COURSE_STRUCTURE_FILE, packageCmi5);

  it('names the course and its AU under the project’s xAPI base, apart, and launches the game page', async () => {
    const xml = new TextDecoder().decode((await entriesOf(packageCmi5))[COURSE_STRUCTURE_FILE]);
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

  it('names the library’s course when nothing is chosen', () => {
    expect(courseIri(DEFAULT_PACK, null)).toBe(`${XAPI_IRI_BASE}courses/default/library`);
    expect(auIri(DEFAULT_PACK, null)).toBe(`${XAPI_IRI_BASE}courses/default/library/au`);
  });
});

describe('npm run build:cmi5', () => {
  const folder = tempFolders('cmi5-build');

  it('passes from the mastery_score in pack.yaml, in cmi5.xml and in the launch settings', async () => {
    const { zip, entries, gameFiles } = await builtWithMastery64('cmi5', await folder());
    expect(await checkCmi5Package(zip, gameFiles)).toEqual([]);
    const xml = new TextDecoder().decode(entries[COURSE_STRUCTURE_FILE]);
    expect(xml).toContain('masteryScore="0.64"');
    expect(xml).toContain(
      `<course id="${XAPI_IRI_BASE}courses/five-tier-crisis/practice/contract-exception">`,
    );
  });
});
