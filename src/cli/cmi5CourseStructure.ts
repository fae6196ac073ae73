/**
 * The course structure of a cmi5 package (`cmi5.xml`) and the checks a package must pass before it is
 * written: the cmi5 Course Structure schema, validated for real with xmllint, and what the schema
 * cannot see. The schema takes `<url>../elsewhere.html</url>`, a relative course id, an AU with the
 * course's own id and a zip full of files nothing launches; a learning system would then refuse the
 * import, launch nothing, or mix up the course's records with the AU's. This module finds those first
 * and names the field and the fix.
 */
import { readFile } from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';
import type { LocalizedText } from '../core/scenario/types';
import { inLanguages, launchPageProblems, openPackage, packageFileProblems } from './lmsCourse';
import { descendants, escapeXml, messageOf, readXml, type XmlElement } from './scormManifest';

/** The course structure's file name, at the root of every cmi5 package (cmi5 section 14.1). */
export const COURSE_STRUCTURE_FILE = 'cmi5.xml';

/** The namespace of a Quartz course structure, which is also where its schema is published. */
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

/** This project's copy of the schema (see vendor/cmi5-schemas/SOURCE.md). */
const SCHEMA_FILE = 'CourseStructure.xsd';

/** What a course structure describes: one course of one AU, the game page. */
export interface CourseStructureInput {
  /** The course's IRI: the same for every build of the same course, so a learning system sees an update. */
  readonly courseId: string;
  /** The AU's IRI, distinct from the course's. */
  readonly auId: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly auTitle: LocalizedText;
  readonly auDescription: LocalizedText;
  /** The overall score (a whole number, 0–100) that passes; written scaled, 0 to 1. */
  readonly masteryScore: number;
  /** The page the learning system launches, relative to the package root. */
  readonly url: string;
}

/** 70 → "0.70": cmi5's masteryScore is scaled, 0 to 1, with up to four decimals (section 13.1.4). */
export function scaledMastery(score: number): string {
  return (Math.round(score * 100) / 10_000).toFixed(Number.isInteger(score) ? 2 : 4);
}

/** The text of `cmi5.xml` for `input`; the same input always gives the same text. */
export function courseStructureXml(input: CourseStructureInput): string {
  const text = (element: string, value: LocalizedText, indent: string) => {
    const strings = inLanguages(value).map(
      ([tag, said]) => `${indent}  <langstring lang="${tag}">${escapeXml(said)}</langstring>\n`,
    );
    return `${indent}<${element}>\n${strings.join('')}${indent}</${element}>\n`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NAMESPACE}">
  <course id="${escapeXml(input.courseId)}">
${text('title', input.title, '    ')}${text('description', input.description, '    ')}  </course>
  <au id="${escapeXml(input.auId)}" moveOn="CompletedAndPassed" masteryScore="${scaledMastery(input.masteryScore)}" launchMethod="AnyWindow">
${text('title', input.auTitle, '    ')}${text('description', input.auDescription, '    ')}    <url>${escapeXml(input.url)}</url>
  </au>
</courseStructure>
`;
}

/** Why a cmi5 package cannot be handed to a learning system. */
export interface Cmi5Problem {
  readonly code:
    | 'not-a-zip'
    | 'no-course-structure'
    | 'schema-invalid'
    | 'invalid-iri'
    | 'duplicate-id'
    | 'invalid-mastery-score'
    | 'no-launch'
    | 'unsafe-launch'
    | 'missing-file'
    | 'unlisted-file';
  readonly message: string;
}

/**
 * Every problem in a cmi5 package (an empty list: it can be imported). `cmi5.xml` is validated
 * against the cmi5 schema (this project's copy, not anything in the package), then checked for what
 * the schema misses; see {@link courseStructureProblems}. `expected` are the files the package should
 * carry beside `cmi5.xml`; every other file in the zip is a problem.
 */
export async function checkCmi5Package(zip: Uint8Array, expected: readonly string[]): Promise<Cmi5Problem[]> {
  const opened = openPackage<Cmi5Problem>(zip, COURSE_STRUCTURE_FILE, {
    code: 'no-course-structure',
    message: `The package has no ${COURSE_STRUCTURE_FILE} at its root; every cmi5 package needs one there (cmi5 section 14.1).`,
  });
  if (!('xml' in opened)) return [opened];
  const { xml, files } = opened;
  return [
    ...(await courseStructureSchemaProblems(xml)),
    ...courseStructureProblems(readXml(xml), files, expected),
  ];
}

/** `cmi5.xml` checked against the cmi5 Course Structure schema, one problem per schema error. */
export async function courseStructureSchemaProblems(xml: string): Promise<Cmi5Problem[]> {
  const folder = new URL('../../vendor/cmi5-schemas/', import.meta.url);
  const schema = await readFile(new URL(SCHEMA_FILE, folder), 'utf8');
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: { fileName: COURSE_STRUCTURE_FILE, contents: xml },
      schema: { fileName: SCHEMA_FILE, contents: schema },
    });
  } catch (error) {
    // A schema that does not compile is a broken copy in vendor/, not the package's fault; still no
    // package can be vouched for without it.
    const why = messageOf(error).split('\n').slice(-3).join(' ');
    return [
      {
        code: 'schema-invalid',
        message: `The cmi5 schema in vendor/cmi5-schemas/${SCHEMA_FILE} did not compile (${why}).`,
      },
    ];
  }
  if (result.valid) return [];
  const errors = result.errors.filter((e) => e.rawMessage.startsWith(`${COURSE_STRUCTURE_FILE}:`));
  if (errors.length === 0) {
    return [
      {
        code: 'schema-invalid',
        message: `${COURSE_STRUCTURE_FILE} does not validate: ${result.rawOutput.trim()}`,
      },
    ];
  }
  return errors.map((error) => ({
    code: 'schema-invalid',
    message: `${COURSE_STRUCTURE_FILE}${error.loc ? `:${error.loc.lineNumber}` : ''}: ${error.message.trim()} (cmi5 Course Structure schema)`,
  }));
}

/**
 * What the schema cannot see in a course structure: every course, block and AU id an absolute IRI
 * (cmi5 section 3: IRIs are fully qualified) and no two alike (the AU's id names it in statements, so
 * one shared with the course would mix their records); every AU's masteryScore a number from 0 to 1;
 * every AU's url relative, inside the package and present in it (section 14.1: media in the zip is
 * referenced relatively); and the zip holding `cmi5.xml` and the `expected` files, nothing else and
 * nothing less. `files` are the zip's file names.
 */
export function courseStructureProblems(
  root: XmlElement | null,
  files: ReadonlySet<string>,
  expected: readonly string[],
): Cmi5Problem[] {
  const at = COURSE_STRUCTURE_FILE;
  if (root === null || root.name !== 'courseStructure') {
    return [{ code: 'schema-invalid', message: `${at} has no <courseStructure> element to read.` }];
  }
  const problems: Cmi5Problem[] = [];
  const all = descendants(root);
  const identified = all.filter(
    (e) => e.name === 'course' || e.name === 'block' || e.name === 'au' || e.name === 'objective',
  );
  const seen = new Map<string, string>();
  for (const element of identified) {
    const id = element.attributes.get('id');
    if (id === undefined) continue;
    if (!isAbsoluteIri(id)) {
      problems.push({
        code: 'invalid-iri',
        message: `${at}: <${element.name} id="${id}"> is not an absolute IRI; give it a full address with a scheme, such as https://w3id.org/escalation-desk/xapi/courses/….`,
      });
    }
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      problems.push({
        code: 'duplicate-id',
        message: `${at}: <${element.name} id="${id}"> has the same id as a <${earlier}>; every id in a course structure must be its own.`,
      });
    } else {
      seen.set(id, element.name);
    }
  }

  const aus = all.filter((e) => e.name === 'au');
  if (aus.length === 0) {
    problems.push({
      code: 'no-launch',
      message: `${at} has no <au>, so a learning system has nothing to launch.`,
    });
  }
  const launched = new Set<string>();
  for (const au of aus) {
    const name = `<au id="${au.attributes.get('id') ?? ''}">`;
    const mastery = au.attributes.get('masteryScore');
    if (mastery !== undefined && !isScaledScore(mastery)) {
      problems.push({
        code: 'invalid-mastery-score',
        message: `${at}: ${name} has masteryScore="${mastery}"; it must be a decimal from 0 to 1 (0.7 for 70), with at most four decimals.`,
      });
    }
    // A learning system trims the url on import (section 13.1), so the check reads what it will.
    const url = au.children.find((e) => e.name === 'url')?.text ?? '';
    problems.push(...launchPageProblems(`${at}: ${name}`, 'url', url, files, launched));
  }
  problems.push(...packageFileProblems(files, COURSE_STRUCTURE_FILE, expected, launched));
  return problems;
}

/** An IRI with a scheme and something after it, no spaces: what cmi5 and xAPI call fully qualified. */
export function isAbsoluteIri(id: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(id) && URL.canParse(id);
}

/** A decimal from 0 to 1 with at most four decimals ("1", "0.7", "0.70", "1.0000"). */
function isScaledScore(text: string): boolean {
  return /^(0(\.\d{1,4})?|1(\.0{1,4})?|\.\d{1,4})$/.test(text);
}
