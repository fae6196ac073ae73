/**
 * What names and describes a course to a learning system that keeps xAPI records: its IRI, what it
 * says about itself, and the language tags its text carries. The cmi5 package (`cmi5Package.ts`) and
 * the xAPI package (`xapiPackage.ts`) both take them from here, so the same course is the same
 * activity, with the same words, whichever of the two a learning system imports.
 */

import { unzipSync } from 'fflate';
import type { LocalizedText, Pack } from '../core/scenario/types';
import type { LmsPlaying } from '../game/reporting/launch';
import { XAPI_IRI_BASE } from '../game/reporting/xapi';
import { messageOf, pathOf } from './scormManifest';
import { inEnglish } from './scormPackage';

/**
 * The course's IRI, under the project's xAPI base so the course and the statements the game sends
 * share one home: the same for every build of the same course, so a learning system sees an update
 * rather than a new course.
 */
export function courseIri(pack: Pack, playing: LmsPlaying | null): string {
  const what = playing ? `${playing.mode}/${encodeURIComponent(playing.id)}` : 'library';
  return `${XAPI_IRI_BASE}courses/${encodeURIComponent(pack.id)}/${what}`;
}

/**
 * The languages a course's text is written in: a pack language and the tag written on it. English is
 * always written (a learning system shows something); Spanish when the text has it.
 */
const LANGUAGE_TAGS = [
  ['en', 'en-US'],
  ['es', 'es'],
] as const;

/**
 * `value` as (tag, text) pairs in {@link LANGUAGE_TAGS} order; text with no English gives its first
 * language as English, so there is always one.
 */
export function inLanguages(value: LocalizedText): (readonly [tag: string, text: string])[] {
  return LANGUAGE_TAGS.flatMap(([language, tag]) => {
    const said = value[language] ?? (language === 'en' ? Object.values(value)[0] : undefined);
    return said === undefined ? [] : [[tag, said] as const];
  });
}

/** What the course is, in English and Spanish, from the pack's title. */
export function courseDescription(pack: Pack, playing: LmsPlaying | null): LocalizedText {
  const en = inEnglish(pack.title);
  const es = pack.title.es ?? en;
  if (playing === null) {
    return {
      en: `Every scenario and shift of ${en}, chosen from the menu.`,
      es: `Todos los escenarios y turnos de ${es}, elegidos desde el menú.`,
    };
  }
  if (playing.mode === 'practice') {
    return {
      en: `A practice scenario from ${en}: one customer, scored on empathy, promises and the right tier.`,
      es: `Un escenario de práctica de ${es}: un cliente, puntuado por empatía, promesas y el nivel adecuado.`,
    };
  }
  return {
    en: `A shift from ${en}: customers on several channels at once, scored on empathy, promises and the right tier.`,
    es: `Un turno de ${es}: clientes por varios canales a la vez, puntuado por empatía, promesas y el nivel adecuado.`,
  };
}

/** A problem the launch-page and file checks share between the cmi5 and xAPI packages. */
export interface PackageFileProblem {
  readonly code: 'unsafe-launch' | 'missing-file' | 'unlisted-file';
  readonly message: string;
}

/**
 * The launch page a course file names (`<url>` in cmi5.xml, `<launch>` in tincan.xml), trimmed as a
 * learning system reads it: relative, inside the package, and in it. Adds the path to `launched` when
 * it is one. `where` names the element, as `cmi5.xml: <au id="…">`.
 */
export function launchPageProblems(
  where: string,
  tag: 'url' | 'launch',
  text: string,
  files: ReadonlySet<string>,
  launched: Set<string>,
): PackageFileProblem[] {
  const url = text.trim();
  const path = pathOf(url);
  if (typeof path !== 'string') {
    return [
      {
        code: 'unsafe-launch',
        message: `${where} <${tag}>${url}</${tag}> ${path.why}; give the game page's path in the package, such as index.html.`,
      },
    ];
  }
  launched.add(path);
  return files.has(path)
    ? []
    : [
        {
          code: 'missing-file',
          message: `${where} <${tag}>${url}</${tag}> names a file the package does not hold; package the game page there or correct the ${tag}.`,
        },
      ];
}

/**
 * Every file in the zip is the course file or a file of the game, and every file of the game is there
 * (a launch page already reported missing is not reported again).
 */
export function packageFileProblems(
  files: ReadonlySet<string>,
  courseFile: string,
  expected: Iterable<string>,
  launched: ReadonlySet<string>,
): PackageFileProblem[] {
  const problems: PackageFileProblem[] = [];
  const wanted = new Set([courseFile, ...expected]);
  for (const file of [...files].sort()) {
    if (!wanted.has(file)) {
      problems.push({
        code: 'unlisted-file',
        message: `The package holds ${file}, which is not part of the game; leave it out of the package.`,
      });
    }
  }
  for (const file of [...wanted].sort()) {
    if (!files.has(file) && !launched.has(file)) {
      problems.push({
        code: 'missing-file',
        message: `The package lacks ${file}, a file of the game; package the whole build.`,
      });
    }
  }
  return problems;
}

/** A package opened for checking: its course file's text, and the files it holds. */
export interface OpenedPackage {
  readonly xml: string;
  readonly files: ReadonlySet<string>;
}

/**
 * Opens a package's zip and finds `courseFile` at its root. A zip that cannot be read is `not-a-zip`;
 * one without the file is `missing`, whose words (why a learning system needs it, how to fix it) each
 * standard gives.
 */
export function openPackage<P extends { readonly code: string; readonly message: string }>(
  zip: Uint8Array,
  courseFile: string,
  missing: P,
): OpenedPackage | P | { readonly code: 'not-a-zip'; readonly message: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch (error) {
    return { code: 'not-a-zip', message: `The package is not a zip file (${messageOf(error)}).` };
  }
  const bytes = entries[courseFile];
  if (!bytes) return missing;
  return {
    xml: new TextDecoder().decode(bytes),
    files: new Set(Object.keys(entries).filter((name) => !name.endsWith('/'))),
  };
}
