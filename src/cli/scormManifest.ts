/**
 * The manifest of a SCORM package (`imsmanifest.xml`) and the checks a package must pass before it
 * is written: the official control schemas (SCORM 1.2, or 2004 4th Edition), validated for real with
 * xmllint, and what a schema cannot see. A manifest whose item points at no resource, or that lists a
 * file the zip does not hold, still validates, and a learning system would refuse the upload or fail
 * at launch with a message nobody can act on. This module finds those first, and names each one.
 */
import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import type { ScormStandard } from '../game/reporting/launch';

/** What one edition of SCORM writes and checks: namespaces, version text and control schemas. */
interface Edition {
  readonly schemaVersion: string;
  /** The content-packaging namespace, the manifest's own. */
  readonly namespace: string;
  /** Folder under `vendor/scorm-schemas/` and the schema files in it. */
  readonly folder: string;
  readonly schemaFiles: readonly string[];
  /** The namespaces the manifest declares, each with the schema file that defines it. */
  readonly schemaLocations: readonly (readonly [prefix: string, namespace: string, file: string])[];
}

/** The two editions a package can be built for. */
export const EDITIONS: Readonly<Record<ScormStandard, Edition>> = {
  scorm12: {
    schemaVersion: '1.2',
    namespace: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    folder: 'scorm12',
    schemaFiles: ['adlcp_rootv1p2.xsd', 'ims_xml.xsd', 'imscp_rootv1p1p2.xsd', 'imsmd_rootv1p2p1.xsd'],
    schemaLocations: [
      ['', 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'imscp_rootv1p1p2.xsd'],
      // The metadata schema (imsmd) travels with the package as ADL asks, but the manifest uses none
      // of it, and libxml2 refuses to compile it (its content models are not deterministic).
      ['adlcp', 'http://www.adlnet.org/xsd/adlcp_rootv1p2', 'adlcp_rootv1p2.xsd'],
    ],
  },
  scorm2004: {
    schemaVersion: '2004 4th Edition',
    namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    folder: 'scorm2004-4th',
    schemaFiles: [
      'XMLSchema.dtd',
      'adlcp_v1p3.xsd',
      'adlnav_v1p3.xsd',
      'adlseq_v1p3.xsd',
      'datatypes.dtd',
      'imscp_v1p1.xsd',
      'imsss_v1p0.xsd',
      'imsss_v1p0auxresource.xsd',
      'imsss_v1p0control.xsd',
      'imsss_v1p0delivery.xsd',
      'imsss_v1p0limit.xsd',
      'imsss_v1p0objective.xsd',
      'imsss_v1p0random.xsd',
      'imsss_v1p0rollup.xsd',
      'imsss_v1p0seqrule.xsd',
      'imsss_v1p0util.xsd',
      'xml.xsd',
    ],
    schemaLocations: [
      ['', 'http://www.imsglobal.org/xsd/imscp_v1p1', 'imscp_v1p1.xsd'],
      ['adlcp', 'http://www.adlnet.org/xsd/adlcp_v1p3', 'adlcp_v1p3.xsd'],
      ['adlseq', 'http://www.adlnet.org/xsd/adlseq_v1p3', 'adlseq_v1p3.xsd'],
      ['adlnav', 'http://www.adlnet.org/xsd/adlnav_v1p3', 'adlnav_v1p3.xsd'],
      ['imsss', 'http://www.imsglobal.org/xsd/imsss', 'imsss_v1p0.xsd'],
    ],
  },
};

/** The manifest's file name, at the root of every package. */
export const MANIFEST_FILE = 'imsmanifest.xml';

/** What a manifest describes: one SCO that is the whole package. */
export interface ManifestInput {
  readonly standard: ScormStandard;
  /** The manifest's identifier: the same for every build of the same course, so an LMS sees an update. */
  readonly identifier: string;
  /** The pack's version, written as the manifest's version. */
  readonly version: number;
  readonly title: string;
  /** The overall score (0–100) that passes. */
  readonly masteryScore: number;
  /** The page the learning system launches, relative to the package root. */
  readonly launch: string;
  /** Every file of the SCO, relative to the package root (the control files aside). */
  readonly files: readonly string[];
}

/** The text of `imsmanifest.xml` for `input`; the same input always gives the same text. */
export function manifestXml(input: ManifestInput): string {
  const edition = EDITIONS[input.standard];
  const is12 = input.standard === 'scorm12';
  const id = input.identifier;
  const title = escapeXml(input.title);
  const namespaces = edition.schemaLocations
    .map(([prefix, namespace]) => `\n  xmlns${prefix ? `:${prefix}` : ''}="${namespace}"`)
    .join('');
  const locations = edition.schemaLocations.map(([, namespace, file]) => `${namespace} ${file}`).join(' ');
  // 1.2 gives the LMS the passing score on the item (cmi.student_data.mastery_score). 2004 has no such
  // element: a primary objective satisfied by measure makes the LMS set cmi.scaled_passing_score.
  const passing = is12
    ? `        <adlcp:masteryscore>${input.masteryScore}</adlcp:masteryscore>\n`
    : [
        '        <imsss:sequencing>',
        '          <imsss:objectives>',
        `            <imsss:primaryObjective objectiveID="${id}.passed" satisfiedByMeasure="true">`,
        `              <imsss:minNormalizedMeasure>${scaled(input.masteryScore)}</imsss:minNormalizedMeasure>`,
        '            </imsss:primaryObjective>',
        '          </imsss:objectives>',
        '        </imsss:sequencing>',
        '',
      ].join('\n');
  const files = [...new Set(input.files)]
    .sort()
    .map((file) => `      <file href="${escapeXml(hrefOf(file))}"/>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="${input.version}"${namespaces}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${locations}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${edition.schemaVersion}</schemaversion>
  </metadata>
  <organizations default="${id}.organization">
    <organization identifier="${id}.organization">
      <title>${title}</title>
      <item identifier="${id}.item" identifierref="${id}.sco">
        <title>${title}</title>
${passing}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}.sco" type="webcontent" adlcp:${is12 ? 'scormtype' : 'scormType'}="sco" href="${escapeXml(hrefOf(input.launch))}">
${files}    </resource>
  </resources>
</manifest>
`;
}

/** 70 → "0.7": the 2004 measure runs from -1 to 1. */
function scaled(score: number): string {
  return String(Math.round(score * 100) / 10_000);
}

/** A path as an href: each segment percent-encoded, so a space or `#` in a name stays part of it. */
function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );
}

/** Why a package cannot be handed to a learning system. */
export interface PackageProblem {
  readonly code:
    | 'not-a-zip'
    | 'no-manifest'
    | 'schema-invalid'
    | 'wrong-edition'
    | 'duplicate-identifier'
    | 'dangling-identifierref'
    | 'no-default-organization'
    | 'wrong-scormtype'
    | 'invalid-mastery-score'
    | 'no-launch'
    | 'unsafe-href'
    | 'missing-file'
    | 'unlisted-file'
    | 'missing-schema-file';
  readonly message: string;
}

/**
 * Every problem in a SCORM package (an empty list: it can be uploaded). The manifest is validated
 * against the edition's official schemas (this project's copy, not the package's), then checked for
 * what they miss: identifiers that resolve, the default organization, a launchable SCO, hrefs that are
 * relative and stay inside the package, every listed file present, every file listed, and the control
 * schemas beside the manifest. `standard` is the edition it must be; without it the manifest's
 * namespace says which.
 */
export async function checkScormPackage(
  zip: Uint8Array,
  standard?: ScormStandard,
): Promise<PackageProblem[]> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return [{ code: 'not-a-zip', message: `The package is not a zip file (${messageOf(error)}).` }];
  }
  const bytes = entries[MANIFEST_FILE];
  if (!bytes) {
    return [
      {
        code: 'no-manifest',
        message: `The package has no ${MANIFEST_FILE} at its root; every SCORM package needs one there.`,
      },
    ];
  }
  const xml = new TextDecoder().decode(bytes);
  const root = readXml(xml);
  const edition = standard ?? editionOf(root);
  if (edition === null) {
    return [
      {
        code: 'wrong-edition',
        message: `${MANIFEST_FILE} is in neither SCORM 1.2's namespace (${EDITIONS.scorm12.namespace}) nor SCORM 2004's (${EDITIONS.scorm2004.namespace}).`,
      },
    ];
  }
  const files = Object.keys(entries).filter((name) => !name.endsWith('/'));
  return [...(await schemaProblems(xml, edition)), ...manifestProblems(root, edition, new Set(files))];
}

/** The manifest checked against the edition's control schemas, one problem per schema error. */
export async function schemaProblems(xml: string, standard: ScormStandard): Promise<PackageProblem[]> {
  const edition = EDITIONS[standard];
  const schemas = await controlSchemas(standard);
  // One small schema that imports every namespace the manifest uses, so xmllint checks the adlcp and
  // imsss parts too: the content-packaging schema alone lets them through its wildcards unchecked,
  // or fails them for want of a declaration.
  const imports = edition.schemaLocations
    .map(([, namespace, file]) => `<xs:import namespace="${namespace}" schemaLocation="${file}"/>`)
    .join('');
  const driver = `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${imports}</xs:schema>`;
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: { fileName: MANIFEST_FILE, contents: xml },
      schema: { fileName: 'scorm-control.xsd', contents: driver },
      preload: schemas,
    });
  } catch (error) {
    // xmllint throws when the schemas themselves do not compile: a broken copy in vendor/, not the
    // package's fault, but no package can be vouched for without them.
    const why = messageOf(error).split('\n').slice(-3).join(' ');
    return [
      {
        code: 'schema-invalid',
        message: `The SCORM ${edition.schemaVersion} schemas in vendor/scorm-schemas/${edition.folder} did not compile (${why}).`,
      },
    ];
  }
  if (result.valid) return [];
  // 1.2's ims_xml.xsd always draws a namespace warning (ADL's 1.2 schemas are not strictly valid);
  // only what xmllint says about the manifest is the package's problem.
  const errors = result.errors.filter((e) => e.rawMessage.startsWith(`${MANIFEST_FILE}:`));
  if (errors.length === 0) {
    return [
      { code: 'schema-invalid', message: `${MANIFEST_FILE} does not validate: ${result.rawOutput.trim()}` },
    ];
  }
  return errors.map((error) => ({
    code: 'schema-invalid',
    message: `${MANIFEST_FILE}${error.loc ? `:${error.loc.lineNumber}` : ''}: ${error.message.trim()} (SCORM ${edition.schemaVersion} schema)`,
  }));
}

/** The edition's control schema files, as the package carries them beside its manifest. */
export async function controlSchemas(standard: ScormStandard): Promise<XMLFileInfo[]> {
  const edition = EDITIONS[standard];
  const folder = new URL(`../../vendor/scorm-schemas/${edition.folder}/`, import.meta.url);
  return Promise.all(
    edition.schemaFiles.map(async (fileName) => ({
      fileName,
      contents: await readFile(new URL(fileName, folder), 'utf8'),
    })),
  );
}

/** What a schema cannot see: see {@link checkScormPackage}. `files` are the zip's file names. */
export function manifestProblems(
  root: XmlElement | null,
  standard: ScormStandard,
  files: ReadonlySet<string>,
): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const edition = EDITIONS[standard];
  if (root === null || root.name !== 'manifest') {
    return [{ code: 'schema-invalid', message: `${MANIFEST_FILE} has no <manifest> element to read.` }];
  }
  const all = descendants(root);
  const version = all.find((e) => e.name === 'schemaversion')?.text.trim() ?? null;
  if (version !== edition.schemaVersion) {
    problems.push({
      code: 'wrong-edition',
      message: `${MANIFEST_FILE} says <schemaversion>${version ?? 'nothing'}</schemaversion>; a SCORM ${edition.schemaVersion} package says ${edition.schemaVersion}.`,
    });
  }
  const identifiers = new Map<string, XmlElement>();
  for (const element of all) {
    const id = element.attributes.get('identifier');
    if (id === undefined) continue;
    if (identifiers.has(id)) {
      problems.push({
        code: 'duplicate-identifier',
        message: `${MANIFEST_FILE}: the identifier "${id}" is used twice; each must be unique.`,
      });
    }
    identifiers.set(id, element);
  }
  const resources = new Map(
    all
      .filter((e) => e.name === 'resource')
      .flatMap((e) => {
        const id = e.attributes.get('identifier');
        return id === undefined ? [] : [[id, e] as const];
      }),
  );
  for (const element of all) {
    const ref = element.attributes.get('identifierref');
    if (ref !== undefined && !resources.has(ref)) {
      problems.push({
        code: 'dangling-identifierref',
        message: `${MANIFEST_FILE}: <${element.name}> points at identifierref="${ref}", but no <resource> has that identifier.`,
      });
    }
  }

  const organizations = all.find((e) => e.name === 'organizations');
  const wanted = organizations?.attributes.get('default');
  const organization = all.find(
    (e) => e.name === 'organization' && e.attributes.get('identifier') === wanted,
  );
  if (!organization) {
    problems.push({
      code: 'no-default-organization',
      message: `${MANIFEST_FILE}: <organizations default="${wanted ?? ''}"> names no <organization> in the manifest.`,
    });
  } else {
    for (const item of descendants(organization).filter((e) => e.name === 'item')) {
      const mastery = item.children.find((e) => e.name === 'masteryscore')?.text.trim();
      if (mastery !== undefined && !/^(100(\.0+)?|[1-9]?\d(\.\d+)?)$/.test(mastery)) {
        problems.push({
          code: 'invalid-mastery-score',
          message: `${MANIFEST_FILE}: <adlcp:masteryscore>${mastery}</adlcp:masteryscore> is not a score from 0 to 100.`,
        });
      }
    }
    const launches = descendants(organization)
      .filter((e) => e.name === 'item')
      .map((e) => resources.get(e.attributes.get('identifierref') ?? ''))
      .filter((r) => r !== undefined && scormTypeOf(r) === 'sco' && r.attributes.has('href'));
    if (launches.length === 0) {
      problems.push({
        code: 'no-launch',
        message: `${MANIFEST_FILE}: no item of the default organization launches a SCO (a <resource> with scormtype sco and an href).`,
      });
    }
  }

  // 2004's resource takes any attribute from another namespace without checking it, so the 1.2
  // spelling passes its schema and the LMS then sees no SCO at all.
  const attribute = standard === 'scorm12' ? 'adlcp:scormtype' : 'adlcp:scormType';
  for (const resource of resources.values()) {
    const written = [...resource.attributes.keys()].find(
      (name) => name.toLowerCase() === 'adlcp:scormtype' && name !== attribute,
    );
    if (written) {
      problems.push({
        code: 'wrong-scormtype',
        message: `${MANIFEST_FILE}: <resource identifier="${resource.attributes.get('identifier')}"> has ${written}; SCORM ${edition.schemaVersion} spells it ${attribute}.`,
      });
    }
  }

  const listed = new Set<string>();
  for (const element of all) {
    if (element.name !== 'resource' && element.name !== 'file') continue;
    const href = element.attributes.get('href');
    if (href === undefined) continue;
    const path = pathOf(href);
    if (typeof path !== 'string') {
      problems.push({
        code: 'unsafe-href',
        message: `${MANIFEST_FILE}: <${element.name} href="${href}"> ${path.why}.`,
      });
      continue;
    }
    if (element.name === 'file') listed.add(path);
    if (!files.has(path)) {
      problems.push({
        code: 'missing-file',
        message: `${MANIFEST_FILE}: <${element.name} href="${href}"> names a file the package does not hold.`,
      });
    }
  }
  const control = new Set([MANIFEST_FILE, ...edition.schemaFiles]);
  for (const file of [...files].sort()) {
    if (!listed.has(file) && !control.has(file)) {
      problems.push({
        code: 'unlisted-file',
        message: `The package holds ${file}, which no <file href> in ${MANIFEST_FILE} lists; list it or leave it out.`,
      });
    }
  }
  for (const file of edition.schemaFiles) {
    if (!files.has(file)) {
      problems.push({
        code: 'missing-schema-file',
        message: `The package lacks ${file}, a SCORM ${edition.schemaVersion} control schema the manifest names; it belongs beside ${MANIFEST_FILE}.`,
      });
    }
  }
  return problems;
}

/**
 * The path an href (or a cmi5 AU's url) names inside the package, or why it may name something outside
 * it: an absolute path, a Windows path, an address elsewhere, a broken escape or a `.`/`..` segment.
 */
export function pathOf(href: string): string | { why: string } {
  if (href === '') return { why: 'is empty' };
  if (href.startsWith('/')) return { why: 'starts with /; paths in a package are relative to its root' };
  if (href.includes('\\')) return { why: 'uses \\; paths in a package separate folders with /' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(href))
    return { why: 'is an address elsewhere; it must name a file in the package' };
  let path: string;
  try {
    path = decodeURIComponent(href.replace(/[?#].*$/, ''));
  } catch {
    return { why: 'has a broken %-escape' };
  }
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) {
    return { why: 'has a . or .. segment; paths stay inside the package' };
  }
  return path;
}

function scormTypeOf(element: XmlElement): string | undefined {
  for (const [name, value] of element.attributes) {
    if (name.endsWith(':scormtype') || name.endsWith(':scormType')) return value;
  }
  return undefined;
}

function editionOf(root: XmlElement | null): ScormStandard | null {
  const namespace = root?.attributes.get('xmlns');
  if (namespace === EDITIONS.scorm12.namespace) return 'scorm12';
  if (namespace === EDITIONS.scorm2004.namespace) return 'scorm2004';
  return null;
}

/** What an error says, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** An element of the manifest as the checks read it: local name, attributes as written, its text. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

/**
 * Reads the element tree of a manifest, enough for the checks above: element names without their
 * prefix, attributes by the name written, and text. Well-formedness is the schema check's job; here a
 * broken document simply yields what could be read (null when there is no element at all).
 */
export function readXml(xml: string): XmlElement | null {
  const body = xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g, '');
  interface Open {
    name: string;
    attributes: Map<string, string>;
    children: XmlElement[];
    text: string;
  }
  const top: Open = { name: '', attributes: new Map(), children: [], text: '' };
  const stack: Open[] = [top];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (const match of body.matchAll(tag)) {
    const [, closing, qualified, attributeText, selfClosing, text] = match;
    const current = stack[stack.length - 1] as Open;
    if (text !== undefined) {
      current.text += decodeEntities(text);
      continue;
    }
    const name = (qualified ?? '').replace(/^.*:/, '');
    if (closing) {
      if (stack.length > 1 && current.name === name) {
        stack.pop();
        (stack[stack.length - 1] as Open).children.push(current);
      }
      continue;
    }
    const attributes = new Map<string, string>();
    for (const a of (attributeText ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attributes.set(a[1] ?? '', decodeEntities(a[2] ?? a[3] ?? ''));
    }
    const element: Open = { name, attributes, children: [], text: '' };
    if (selfClosing) current.children.push(element);
    else stack.push(element);
  }
  while (stack.length > 1) {
    const open = stack.pop() as Open;
    (stack[stack.length - 1] as Open).children.push(open);
  }
  return top.children[0] ?? null;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, entity: string) => {
    if (!entity.startsWith('#')) return named[entity] ?? whole;
    const hex = entity[1] === 'x' || entity[1] === 'X';
    const code = Number.parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** `element` and every element inside it, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}
