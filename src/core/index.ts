/** The headless core: everything here runs unchanged in Node and in the browser. */

export {
  type AnalyseOptions,
  analyseReply,
  type DetectedPromise,
  type EffectReason,
  type FullReplyAnalysis,
  lexiconAnalyser,
  type ReplyEffect,
} from './analysis/analyseReply';
export { foldText } from './analysis/foldText';
export { GAME_CLOCK_ORIGIN, gameDate, gameMsOf } from './analysis/gameClock';
export {
  type CompiledLexicon,
  compileLexicon,
  LEXICONS,
  type Lexicon,
  LexiconSchema,
} from './analysis/lexicon';
export { contentHash } from './contentHash';
export { type Exploration, exploreScenario } from './engine/exploreScenario';
export { type Intent, IntentSchema, type RefusalReason } from './engine/intents';
export { createPersonaMachine, WALKED_OUT } from './engine/personaMachine';
export type { PersonaContext, PersonaEmitted, PersonaEvent } from './engine/personaSteps';
export type { ReplyAnalyser, ReplyAnalysis, ReplyContext } from './engine/replyAnalyser';
export {
  ENGINE_VERSION,
  type ReplayResult,
  type RestoreResult,
  replayTranscript,
  restoreSession,
  type ScenarioRef,
  ShiftSession,
  saveSession,
  type Transcript,
  type TranscriptEntry,
} from './engine/session';
export { compileShift, practiceShift, type Shift } from './engine/shift';
export type { ShiftInput } from './engine/shiftMachine';
export type { ContactState, ShiftContext, ShiftEmitted } from './engine/shiftSteps';
export { formatRun, runToJson } from './playthrough/formatRun';
export { type PlaythroughRun, runPlaythrough } from './playthrough/runPlaythrough';
export { checkPack, MAX_PROBLEMS_PER_FILE, type PackCheck, type SourceFile } from './scenario/checkPack';
export { compilePack, DEFAULT_PACK, DEFAULT_TIERS } from './scenario/compilePack';
export { type CompileOptions, type CompileResult, compileScenario } from './scenario/compileScenario';
export { isScenarioFile, isShiftFile, PACK_FILE_NAME } from './scenario/files';
export {
  formatProblem,
  hasErrors,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  sortProblems,
} from './scenario/problems';
export { DEFAULT_YAML_LIMITS, readYaml } from './scenario/readYaml';
export { CHANNELS, DIMENSIONS, ENDINGS, PHRASE_FAMILIES, RESOLUTION_KINDS } from './scenario/schema';
export type * from './scenario/types';
export { type AttemptRecord, type ContactRecord, readAttempt } from './scoring/readAttempt';
export {
  type AttemptScore,
  type ContactScore,
  type DimensionScore,
  type Evidence,
  RUBRIC_VERSION,
  scoreAttempt,
  type Tip,
} from './scoring/scoreAttempt';
export {
  type AttemptInfo,
  createScorecard,
  type Difference,
  type LogEntry,
  MAX_SCORECARD_CHARS,
  type ParseScorecardResult,
  parseScorecard,
  SCORECARD_FORMAT,
  SCORECARD_VERSION,
  type Scorecard,
  type ScorecardProblem,
  ScorecardSchema,
  scorecardToJson,
  type Verification,
  verifyScorecard,
} from './scoring/scorecard';
export { GRADES, type Grade, gradeFor, overallScore } from './scoring/scoringRules';
