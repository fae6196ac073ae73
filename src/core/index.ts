/** The headless core: everything here runs unchanged in Node and in the browser. */
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
export type * from './scenario/types';
