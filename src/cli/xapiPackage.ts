/**
 * Turning a build of the game into an xAPI package (a "Tin Can" package, for learning systems that take
 * xAPI content without cmi5): `tincan.xml` at the root, describing the course as one activity launched
 * at the game page, beside the same game files, launch settings and deterministic zip the SCORM and
 * cmi5 packages have (`scormPackage.ts`). The activity is the course cmi5 describes, with the same IRI
 * and words (`lmsCourse.ts`). A package is checked before it is handed back; one that fails comes back
 * as its problems, never as bytes someone might upload.
 */
import { fail, type Result, succeed } from '../core/result';
import type { LocalizedText, Pack } from '../core/scenario/types';
import type { LmsPlaying } from '../game/reporting/launch';
import { courseDescription, courseIri } from './lmsCourse';
import { GAME_PAGE, gameEntries, inEnglish, zipPackage } from './scormPackage';
import { checkXapiPackage, TINCAN_FILE, tincanXml, type XapiProblem } from './tincanXml';

/** What an xAPI package is built from. */
export interface XapiPackageInput {
  /** The compiled pack the build ships: its id names the course, its mastery score passes. */
  readonly pack: Pack;
  /** The scenario or shift the package plays (already checked against the pack); null: the library. */
  readonly playing: LmsPlaying | null;
  /** The title of what is played (the scenario's, the shift's, or the pack's), in its languages. */
  readonly title: LocalizedText;
  /** The game's build: each file's bytes by its path in the build folder, `/`-separated. */
  readonly build: ReadonlyMap<string, Uint8Array>;
}

/** The package's zip, checked; or every problem that kept it from being made. */
export async function packageXapi(input: XapiPackageInput): Promise<Result<Uint8Array, XapiProblem>> {
  const { pack, playing, title } = input;
  const game = gameEntries(
    input.build,
    { standard: 'xapi', playing, masteryScore: pack.masteryScore, title: inEnglish(title) },
    new Set([TINCAN_FILE]),
  );
  if (!game.ok) return game;
  const xml = tincanXml({
    id: courseIri(pack, playing),
    name: title,
    description: courseDescription(pack, playing),
    launch: GAME_PAGE,
  });
  const files = [...game.value.keys()];
  const entries = new Map(game.value);
  entries.set(TINCAN_FILE, new TextEncoder().encode(xml));
  const zip = zipPackage(entries);
  const problems = await checkXapiPackage(zip, files);
  return problems.length > 0 ? fail(problems) : succeed(zip);
}
