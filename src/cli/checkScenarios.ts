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

  const found = await findScenarioFiles(options.paths);
  const cache = await openExploreCache();
  const started = performance.now();
  const problems: Problem[] = [...found.problems];
  let scenarioCount = 0;
  for (const group of found.groups) {
    const read = async (file: string): Promise<SourceFile | null> => {
      const source = await readSourceFile(file, DEFAULT_YAML_LIMITS.maxChars);
      if ('text' in source) return source;
      problems.push(problem('file-too-large', source.tooLarge, file, { line: 1, col: 1 }));
      return null;
    };
    const pack = group.pack ? await read(group.pack) : null;
    const scenarios = (await Promise.all(group.scenarios.map(read))).filter(
      (s): s is SourceFile => s !== null,
    );
    const shifts = (await Promise.all(group.shifts.map(read))).filter((s): s is SourceFile => s !== null);
    const result = checkPack({ pack, scenarios, shifts, explore: options.explore ? cache.explore : false });
    scenarioCount += result.scenarios.length;
    problems.push(...result.problems);
  }
  const ms = performance.now() - started;
  await cache.save();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = found.groups.reduce((n, g) => n + g.scenarios.length + g.shifts.length + (g.pack ? 1 : 0), 0);

  if (options.json) {
    console.log(
      JSON.stringify(
        { files, scenarios: scenarioCount, errors, warnings, ms: Math.round(ms), problems },
        null,
        2,
      ),
    );
  } else {
    for (const p of problems) console.log(formatProblem(p));
    console.log(
      `${files} file${files === 1 ? '' : 's'} checked, ${scenarioCount} scenario${scenarioCount === 1 ? '' : 's'} compiled: ` +
        `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} (${ms.toFixed(0)} ms)`,
    );
  }
  return errors > 0 ? 1 : 0;
}

runCli('check:scenarios', main);
