/**
 * `npm run analyze -- --lang en|es [--name NAME] [--at MINUTES]`: reads replies one per line on stdin
 * and prints, for each, one JSON object: the text, its tone, every effect with its span, family,
 * weight and explanation key, and the promises it makes with their deadlines on the game clock.
 * Lets a trainer see exactly how the analyser reads a phrase before writing it into a scenario.
 */
import { createInterface } from 'node:readline';
import { analyseReply, gameDate, LEXICONS, lexiconAnalyser } from '../core';
import { runCli } from './runCli';

const HELP =
  'Usage: npm run analyze -- --lang en|es [--name "Customer Name"] [--at GAME_MINUTES] < replies.txt';

function option(args: readonly string[], name: string): string | null | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  return value === undefined || value.startsWith('--') ? null : value;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const known = new Set(['--lang', '--name', '--at']);
  const unknown = args.find((a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''));
  const language = option(args, '--lang');
  const name = option(args, '--name');
  const at = option(args, '--at');
  if (unknown || !language || name === null || at === null) {
    console.error(unknown ? `Unknown option ${unknown}. ${HELP}` : HELP);
    return 2;
  }
  if (!LEXICONS[language]) {
    console.error(`No lexicon for language "${language}"; there are: ${Object.keys(LEXICONS).join(', ')}.`);
    return 2;
  }
  const minutes = at === undefined ? 0 : Number(at);
  if (!Number.isFinite(minutes) || minutes < 0) {
    console.error(`--at takes game minutes since the shift began, not "${at}".`);
    return 2;
  }
  const now = Math.round(minutes * 60_000);
  const previous: string[] = [];
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(
      `${JSON.stringify(readReply(line, { language, customerName: name ?? '', previous, now }))}\n`,
    );
    previous.push(line);
  }
  return 0;
}

/**
 * One reply as the command prints it: the analyser that read it, the text, its tone and families, each
 * effect and promise with the words behind it, and each deadline as a date on the game calendar.
 */
export function readReply(line: string, context: Parameters<typeof analyseReply>[1]) {
  const analysis = analyseReply(line, context);
  return {
    by: `${lexiconAnalyser.id}@${lexiconAnalyser.version}`,
    text: analysis.text,
    tone: analysis.tone,
    families: analysis.families,
    effects: analysis.effects.map((e) => ({ ...e, words: analysis.text.slice(e.start, e.end) })),
    promises: analysis.promises.map((p) => ({
      ...p,
      words: analysis.text.slice(p.start, p.end),
      due: p.dueAt === null ? null : gameDate(p.dueAt).toISOString(),
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) runCli('analyze', main);
