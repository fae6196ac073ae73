/**
 * What the browser needs while a trainee plays: the engine, the shipped analyser, scoring and
 * scorecards, and the data the scenario language defines. No compiler, checker or YAML parser: the
 * game loads scenarios already compiled (a bundle test keeps it so). Everything here runs unchanged in
 * Node and in the browser.
 */
export { analyseReply, type FullReplyAnalysis } from './analysis/analyseReply';
export { LEXICON_ANALYSER_VERSION, lexiconAnalyser } from './analysis/lexiconAnalyser';
export type {
  Analyser,
  AnalyserRef,
  DetectedPromise,
  EffectReason,
  ReplyAnalysis,
  ReplyContext,
  ReplyEffect,
} from './engine/analyser';
export { CHANNEL_RULES, type ChannelRule } from './engine/channelRules';
export { choiceOrder } from './engine/choiceOrder';
export type { Intent, PromiseKind, RefusalReason } from './engine/intents';
export { isOffered, offeredChoices } from './engine/offeredChoices';
export {
  checkPersonaStart,
  type PersonaStartProblem,
  PersonaStartSchema,
} from './engine/personaStart';
export { practiceShift } from './engine/practiceShift';
export { type ReplayProblem, replayTranscript } from './engine/replayTranscript';
export { type Restored, restoreSession, type SaveProblem, saveSession } from './engine/saves';
export {
  ENGINE_VERSION,
  type ScenarioRef,
  ShiftSession,
  type Transcript,
  type TranscriptEntry,
} from './engine/session';
export type { ContactState, ContactStatus, ShiftContext, ShiftEmitted } from './engine/shiftSteps';
export type { PackCheck } from './pack/checkPack';
export { fail, type Result, succeed } from './result';
export {
  CHANNELS,
  DIFFICULTIES,
  DIMENSIONS,
  ENDINGS,
  PHRASE_FAMILIES,
  PROMISE_KINDS,
  RESOLUTION_KINDS,
} from './scenario/schema';
export type * from './scenario/types';
export { isCrisis, neededLevel } from './scoring/contactFacts';
export type { DimensionScore, Evidence, KeyRole } from './scoring/evidence';
export { type AttemptRecord, type ContactRecord, readAttempt } from './scoring/readAttempt';
export { type EvidenceKey, roleOf, TIP_KEYS } from './scoring/rubric';
export {
  type AttemptScore,
  type ContactScore,
  RUBRIC_VERSION,
  scoreAttempt,
  type Tip,
} from './scoring/scoreAttempt';
export {
  type AttemptInfo,
  createScorecard,
  EmployeeIdSchema,
  type LogEntry,
  SCORECARD_FORMAT,
  SCORECARD_VERSION,
  type Scorecard,
  type ScorecardTrainee,
  scorecardToJson,
  TraineeIdSchema,
  transcriptOf,
} from './scoring/scorecard';
export { GRADES, type Grade, gradeFor, MAX_TIPS, overallScore, TIP_BELOW } from './scoring/scoringRules';
