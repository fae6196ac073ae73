/**
 * The headless core, whole: the runtime the game plays with (see `runtime`), and the compilers,
 * checkers, explorer and playthroughs the command-line tools and the tests use. Everything here runs
 * unchanged in Node and in the browser; the game imports `runtime` so that it never ships a compiler.
 */

export { GAME_CLOCK_ORIGIN, gameDate, gameMsOf } from './analysis/gameClock';
export {
  type CompiledLexicon,
  compileLexicon,
  LEXICONS,
  type Lexicon,
  LexiconSchema,
} from './analysis/lexicon';
export { noteCarries, readNote } from './analysis/readNote';
export { contentHash } from './contentHash';
export { type Exploration, exploreScenario } from './engine/exploreScenario';
export { IntentSchema } from './engine/intents';
export { createPersonaMachine, WALKED_OUT } from './engine/personaMachine';
export type { PersonaContext, PersonaEmitted, PersonaEvent } from './engine/personaSteps';
export type { ShiftInput } from './engine/shiftMachine';
export { checkPack, MAX_PROBLEMS_PER_FILE, type SourceFile } from './pack/checkPack';
export { scenarioJsonSchemas } from './pack/jsonSchemas';
export { formatRun, runToJson } from './playthrough/formatRun';
export { type PlaythroughRun, runPlaythrough } from './playthrough/runPlaythrough';
export * from './runtime';
export { compilePack, DEFAULT_PACK, DEFAULT_TIERS } from './scenario/compilePack';
export { type CompileOptions, type CompileResult, compileScenario } from './scenario/compileScenario';
export { compileShift } from './scenario/compileShift';
export { isScenarioFile, isShiftFile, PACK_FILE_NAME } from './scenario/files';
export { foldText } from './scenario/foldText';
export {
  formatProblem,
  hasErrors,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  sortProblems,
} from './scenario/problems';
export { DEFAULT_YAML_LIMITS, readYaml } from './scenario/readYaml';
export {
  type ParseScorecardResult,
  parseScorecard,
  type ReadScorecard,
  type ScorecardProblem,
} from './scoring/readScorecard';
export {
  MAX_SCORECARD_CHARS,
  ScorecardSchema,
  type ScorecardSummary,
  traineeIdFromName,
} from './scoring/scorecard';
export {
  type Verdict,
  type Verification,
  type VerifyProblem,
  verdictOf,
  verifyScorecard,
} from './scoring/verifyScorecard';
