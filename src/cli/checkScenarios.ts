/**
 * `npm run check:scenarios [-- [--json] paths...]`: checks scenario packs the way a compiler checks
 * code. Prints one `file:line:col: error|warning CODE message` line per problem and a summary; exits 1
 * on any error, 2 on a usage error. With no paths it checks `scenarios/`.
 */
import { checkPack, DEFAULT_YAML_LIMITS, formatProblem, type Problem, type SourceFile } from '../core';
import { problem } from '../core/scenario/problems';
import { openExploreCache } from './exploreCache';
import { runCli } from './runCli';
import { findScenarioFiles, readSourceFile } from './scenarioFiles';

interface Options {
  readonly json: boolean;
  readonly explore: boolean;
  readonly paths: readonly string[];
}

function parseArgs(argv: readonly string[]): Options | string {
  const paths: string[] = [];
  let json = false;
  let explore = true;
  for (const arg of argv) {
    if (arg === '--json') json = true;
    else if (arg === '--no-explore') explore = false;
    else if (arg === '--help' || arg === '-h') return 'help';
    else if (arg.startsWith('-'))
      return `Unknown option ${arg}. Use --json, or give files and folders to check.`;
    else paths.push(arg);
  }
  return { json, explore, paths: paths.length > 0 ? paths : ['scenarios'] };
}

const HELP = `Usage: npm run check:scenarios [-- [--json] [--no-explore] [paths...]]
Checks every scenario file under the given files and folders (default: scenarios/) against its
pack.yaml, and walks every persona's paths to warn about scenarios that cannot be won or lost
(--no-explore skips the walk). Prints file:line:col: error|warning CODE message per problem; exits 1
on any error. Walk results are cached by content hash in node_modules/.cache/escalation-desk/.`;

/** What checking some paths found: every problem, and how many files and scenarios were read. */
export interface CheckReport {
  readonly files: number;
  readonly scenarios: number;
  readonly errors: number;
  readonly warnings: number;
  readonly ms: number;
  readonly problems: readonly Problem[];
}

/** Checks the scenario files under `paths`, each group against its pack, walking personas if asked. */
export async function checkPaths(paths: readonly string[], explore: boolean): Promise<CheckReport> {
  const found = await findScenarioFiles(paths);
  const cache = await openExploreCache();
  const started = performance.now();
  const problems: Problem[] = [...found.problems];
  let scenarioCount = 0;
  for (const group of found.groups) {
    const read = async (file: string): Promise<SourceFile | null> => {
      const source = await readSourceFile(file, DEFAULT_YAML_LIMITS.maxChars);
      if (source.ok) return source.value;
      for (const p of source.problems) {
        const code = p.code === 'too-large' ? 'file-too-large' : 'file-unreadable';
        const advice = p.code === 'too-large' ? ' Split it into several scenarios.' : '';
        problems.push(problem(code, `${p.message}${advice}`, file, { line: 1, col: 1 }));
      }
      return null;
    };
    const pack = group.pack ? await read(group.pack) : null;
    const scenarios = (await Promise.all(group.scenarios.map(read))).filter(
      (s): s is SourceFile => s !== null,
    );
    const shifts = (await Promise.all(group.shifts.map(read))).filter((s): s is SourceFile => s !== null);
    const result = checkPack({ pack, scenarios, shifts, explore: explore ? cache.explore : false });
    scenarioCount += result.scenarios.length;
    problems.push(...result.problems);
  }
  const ms = performance.now() - started;
  await cache.save();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const files = found.groups.reduce((n, g) => n + g.scenarios.length + g.shifts.length + (g.pack ? 1 : 0), 0);
  return { files, scenarios: scenarioCount, errors, warnings: problems.length - errors, ms, problems };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  const report = await checkPaths(options.paths, options.explore);
  const { files, scenarios, errors, warnings, ms, problems } = report;
  if (options.json) {
    console.log(
      JSON.stringify({ files, scenarios, errors, warnings, ms: Math.round(ms), problems }, null, 2),
    );
  } else {
    for (const p of problems) console.log(formatProblem(p));
    console.log(
      `${files} file${files === 1 ? '' : 's'} checked, ${scenarios} scenario${scenarios === 1 ? '' : 's'} compiled: ` +
        `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${ms.toFixed(0)} ms)`,
    );
  }
  return errors > 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) runCli('check:scenarios', main);
