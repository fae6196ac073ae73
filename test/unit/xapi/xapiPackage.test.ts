/**
 * Packaging a build for xAPI on its own: what every store package promises (`storePackageContract`),
 * and what is the xAPI package's own: `tincan.xml` describing the course cmi5 describes, as one
 * activity launched at the game page, in English and Spanish, the library's course when nothing is
 * chosen, and the command's own path from pack.yaml to a checked zip.
 */
import { describe, expect, it } from 'vitest';
import { courseIri } from '../../../src/cli/lmsCourse';
import { readXml } from '../../../src/cli/scormManifest';
import {
  COURSE_ACTIVITY_TYPE,
  checkXapiPackage,
  TINCAN_FILE,
  TINCAN_NAMESPACE,
} from '../../../src/cli/tincanXml';
import { packageXapi } from '../../../src/cli/xapiPackage';
import { DEFAULT_PACK } from '../../../src/core/scenario/compilePack';
import { XAPI_IRI_BASE } from '../../../src/game/reporting/xapi';
import {
  builtWithMastery64,
  entriesOf,
  SHIFT_INPUT,
  storePackageContract,
} from '../../support/storePackageContract';
import { tempFolders } from '../../support/tempFolders';

describe('an xAPI package', () => {
  storePackageContract('xapi', TINCAN_FILE, packageXapi);

  it('describes the course cmi5 describes, as one activity launched at the game page', async () => {
    const xml = new TextDecoder().decode((await entriesOf(packageXapi))[TINCAN_FILE]);
    const root = readXml(xml);
    expect(root?.name).toBe('tincan');
    expect(root?.attributes.get('xmlns')).toBe(TINCAN_NAMESPACE);
    const activity = root?.children.find((e) => e.name === 'activities')?.children;
    expect(activity).toHaveLength(1);
    const only = activity?.[0];
    expect(only?.attributes.get('id')).toBe(`${XAPI_IRI_BASE}courses/default/shift/monday-morning`);
    expect(only?.attributes.get('id')).toBe(courseIri(SHIFT_INPUT.pack, SHIFT_INPUT.playing));
    expect(only?.attributes.get('type')).toBe(COURSE_ACTIVITY_TYPE);
    expect(only?.children.find((e) => e.name === 'launch')?.text).toBe('index.html');
    expect(xml).toContain('<name lang="en-US">Monday morning rush</name>');
    expect(xml).toContain('<name lang="es">Lunes por la mañana</name>');
    expect(xml).toMatch(/<description lang="en-US">A shift from .+<\/description>/);
    expect(xml).toMatch(/<description lang="es">Un turno de .+<\/description>/);
  });

  it('names the library’s course when nothing is chosen', async () => {
    const entries = await entriesOf(packageXapi, { playing: null, title: DEFAULT_PACK.title });
    expect(new TextDecoder().decode(entries[TINCAN_FILE])).toContain(
      `<activity id="${XAPI_IRI_BASE}courses/default/library"`,
    );
  });
});

describe('npm run build:xapi', () => {
  const folder = tempFolders('xapi-build');

  it('writes a checked package that passes from the mastery_score in pack.yaml', async () => {
    const { zip, entries, gameFiles } = await builtWithMastery64('xapi', await folder());
    expect(await checkXapiPackage(zip, gameFiles)).toEqual([]);
    expect(new TextDecoder().decode(entries[TINCAN_FILE])).toContain(
      `<activity id="${XAPI_IRI_BASE}courses/five-tier-crisis/practice/contract-exception"`,
    );
  });
});
