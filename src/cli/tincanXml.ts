import { validateXML } from 'xmllint-wasm';
import type { LocalizedText } from '../core/scenario/types';
import { isAbsoluteIri } from './cmi5CourseStructure';
import { inLanguages, launchPageProblems, openPackage, packageFileProblems } from './lmsCourse';
import { escapeXml, readXml, type XmlElement } from './scormManifest';

/** The activity list's file name, at the root of every xAPI package. */
export const TINCAN_FILE = 'tincan.xml';

/** The namespace of `tincan.xml`, as learning systems that import xAPI packages expect it. */
export const TINCAN_NAMESPACE = 'http://projecttincan.com/tincan.xsd';

/** The activity type of the one activity: a course, as in the statements' context. */
export const COURSE_ACTIVITY_TYPE = 'http://adlnet.gov/expapi/activities/course';

/** What `tincan.xml` describes: one activity, the course, launched at the game page. */
export interface TincanInput {
  /** The course's IRI: the same for every build of the same course, so a learning system sees an update. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  /** The page the learning system launches, relative to the package root. */
  readonly launch: string;
}

/** The text of `tincan.xml` for `input`; the same input always gives the same text. */
export function tincanXml(input: TincanInput): string {
  const text = (element: string, value: LocalizedText) =>
    inLanguages(value)
      .map(([tag, said]) => `      <${element} lang="${tag}">${escapeXml(said)}</${element}>\n`)
      .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="${TINCAN_NAMESPACE}">
  <activities>
    <activity id="${escapeXml(input.id)}" type="${COURSE_ACTIVITY_TYPE}">
${text('name', input.name)}${text('description', input.description)}      <launch lang="en-US">${escapeXml(input.launch)}</launch>
    </activity>
  </activities>
</tincan>
`;
}

/** Why an xAPI package cannot be handed to a learning system. */
export interface XapiProblem {
  readonly code:
    | 'not-a-zip'
    | 'no-tincan'
    | 'not-well-formed'
    | 'wrong-root'
    | 'activity-count'
    | 'invalid-iri'
    | 'no-launch'
    | 'unsafe-launch'
    | 'missing-file'
    | 'unlisted-file';
  readonly message: string;
}

/**
 * Every problem in an xAPI package (an empty list: it can be imported). `tincan.xml` must be
 * well-formed ({@link tincanWellFormedProblems}); only then is it read for the rest
 * ({@link tincanProblems}), since a broken document would only echo its first fault. `expected` are
 * the files the package should carry beside `tincan.xml`; every other file in the zip is a problem.
 */
export async function checkXapiPackage(zip: Uint8Array, expected: readonly string[]): Promise<XapiProblem[]> {
  const opened = openPackage<XapiProblem>(zip, TINCAN_FILE, {
    code: 'no-tincan',
    message: `The package has no ${TINCAN_FILE} at its root; a learning system imports an xAPI package by it. Build the package again (npm run build:xapi).`,
  });
  if (!('xml' in opened)) return [opened];
  const { xml, files } = opened;
  const broken = await tincanWellFormedProblems(xml);
  if (broken.length > 0) return broken;
  return tincanProblems(readXml(xml), files, expected);
}

/** `tincan.xml` parsed by xmllint without a schema: one problem per parser error, none when well-formed. */
export async function tincanWellFormedProblems(xml: string): Promise<XapiProblem[]> {
  const result = await validateXML({ xml: { fileName: TINCAN_FILE, contents: xml }, schema: [] });
  if (result.valid) return [];
  const fix = 'write it as well-formed XML (npm run build:xapi does)';
  // xmllint echoes the offending line and a caret after each error; only the located lines are errors.
  const errors = result.errors.filter((e) => e.rawMessage.startsWith(`${TINCAN_FILE}:`));
  if (errors.length === 0) {
    return [
      {
        code: 'not-well-formed',
        message: `${TINCAN_FILE} is not well-formed XML (${result.rawOutput.trim()}); ${fix}.`,
      },
    ];
  }
  return errors.map((error) => ({
    code: 'not-well-formed',
    message: `${TINCAN_FILE}${error.loc ? `:${error.loc.lineNumber}` : ''}: ${error.message.trim()}; ${fix}.`,
  }));
}

/**
 * What a learning system needs from a well-formed `tincan.xml`: the root `<tincan>` in
 * {@link TINCAN_NAMESPACE} (read from its default namespace, which is how this builder writes it);
 * exactly one `<activity>` in `<activities>` (this package is one course, and a second activity would
 * be a second thing to launch); its id an absolute IRI (xAPI identifies activities by IRI); one
 * `<launch>`, relative, inside the package and present in it; and the zip holding `tincan.xml` and the
 * `expected` files, nothing else and nothing less. `files` are the zip's file names.
 */
export function tincanProblems(
  root: XmlElement | null,
  files: ReadonlySet<string>,
  expected: readonly string[],
): XapiProblem[] {
  const at = TINCAN_FILE;
  if (root === null || root.name !== 'tincan') {
    return [
      {
        code: 'wrong-root',
        message: `${at} has ${root ? `<${root.name}>` : 'no element'} at its root; it must be <tincan xmlns="${TINCAN_NAMESPACE}">.`,
      },
    ];
  }
  const problems: XapiProblem[] = [];
  const namespace = root.attributes.get('xmlns');
  if (namespace !== TINCAN_NAMESPACE) {
    problems.push({
      code: 'wrong-root',
      message: `${at}: <tincan> is in the namespace ${namespace === undefined ? '(none)' : `"${namespace}"`}; write <tincan xmlns="${TINCAN_NAMESPACE}">, which learning systems look for.`,
    });
  }

  const activities = root.children
    .filter((e) => e.name === 'activities')
    .flatMap((e) => e.children.filter((c) => c.name === 'activity'));
  if (activities.length !== 1) {
    problems.push({
      code: 'activity-count',
      message:
        activities.length === 0
          ? `${at} has no <activity> in <activities>, so a learning system has nothing to import; describe the course as one <activity>.`
          : `${at} has ${activities.length} <activity> elements in <activities>; an Escalation Desk package is one course, so keep one <activity>.`,
    });
  }

  const launched = new Set<string>();
  for (const activity of activities) {
    const id = activity.attributes.get('id');
    const name = `<activity id="${id ?? ''}">`;
    if (id === undefined || !isAbsoluteIri(id)) {
      problems.push({
        code: 'invalid-iri',
        message: `${at}: ${name} ${id === undefined ? 'has no id' : 'is not an absolute IRI'}; give it a full address with a scheme, such as https://w3id.org/escalation-desk/xapi/courses/….`,
      });
    }
    const launches = activity.children.filter((e) => e.name === 'launch');
    if (launches.length !== 1) {
      problems.push({
        code: 'no-launch',
        message: `${at}: ${name} has ${launches.length === 0 ? 'no <launch>' : `${launches.length} <launch> elements`}; give it one <launch>, the game page's path in the package (index.html).`,
      });
      continue;
    }
    // A learning system may trim the text around the path, so the check reads it as one would.
    const url = (launches[0] as XmlElement).text;
    problems.push(...launchPageProblems(`${at}: ${name}`, 'launch', url, files, launched));
  }
  problems.push(...packageFileProblems(files, TINCAN_FILE, expected, launched));
  return problems;
}
