/**
 * Turning a build of the game into a cmi5 package: `cmi5.xml` at the root, describing one course of
 * one assignable unit (the game page), beside the same game files, launch settings and deterministic
 * zip a SCORM package has (`scormPackage.ts`). A package is checked before it is handed back; one that
 * fails comes back as its problems, never as bytes someone might upload.
 */
import { fail, type Result, succeed } from '../core/result';
import type { LocalizedText, Pack } from '../core/scenario/types';
import type { LmsPlaying } from '../game/reporting/launch';
import {
  type Cmi5Problem,
  COURSE_STRUCTURE_FILE,
  checkCmi5Package,
  courseStructureXml,
} from './cmi5CourseStructure';
import { courseDescription, courseIri } from './lmsCourse';
import { GAME_PAGE, gameEntries, inEnglish, zipPackage } from './scormPackage';

/** What a cmi5 package is built from. */
export interface Cmi5PackageInput {
  /** The compiled pack the build ships: its id names the course, its mastery score passes. */
  readonly pack: Pack;
  /** The scenario or shift the package plays (already checked against the pack); null: the library. */
  readonly playing: LmsPlaying | null;
  /** The title of what is played (the scenario's, the shift's, or the pack's), in its languages. */
  readonly title: LocalizedText;
  /** The game's build: each file's bytes by its path in the build folder, `/`-separated. */
  readonly build: ReadonlyMap<string, Uint8Array>;
}

/** The AU's IRI: inside the course's ({@link courseIri}), and never equal to it. */
export function auIri(pack: Pack, playing: LmsPlaying | null): string {
  return `${courseIri(pack, playing)}/au`;
}

/** The package's zip, checked; or every problem that kept it from being made. */
export async function packageCmi5(input: Cmi5PackageInput): Promise<Result<Uint8Array, Cmi5Problem>> {
  const { pack, playing, title } = input;
  const game = gameEntries(
    input.build,
    { standard: 'cmi5', playing, masteryScore: pack.masteryScore, title: inEnglish(title) },
    new Set([COURSE_STRUCTURE_FILE]),
  );
  if (!game.ok) return game;
  const xml = courseStructureXml({
    courseId: courseIri(pack, playing),
    auId: auIri(pack, playing),
    title,
    description: courseDescription(pack, playing),
    auTitle: title,
    auDescription: auDescription(title, pack.masteryScore),
    masteryScore: pack.masteryScore,
    url: GAME_PAGE,
  });
  const files = [...game.value.keys()];
  const entries = new Map(game.value);
  entries.set(COURSE_STRUCTURE_FILE, new TextEncoder().encode(xml));
  const zip = zipPackage(entries);
  const problems = await checkCmi5Package(zip, files);
  return problems.length > 0 ? fail(problems) : succeed(zip);
}

/** What the AU does and what passes it. */
function auDescription(title: LocalizedText, masteryScore: number): LocalizedText {
  const en = inEnglish(title);
  return {
    en: `${en}, played in Escalation Desk; a score of ${masteryScore} out of 100 or more passes.`,
    es: `${title.es ?? en}, en Escalation Desk; aprueba una puntuación de ${masteryScore} sobre 100 o más.`,
  };
}
