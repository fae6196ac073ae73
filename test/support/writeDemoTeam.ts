/**
 * `npx tsx test/support/writeDemoTeam.ts [DIR]`: a team of twenty new hires as a manager would
 * receive it on a Monday: each trainee's scorecards from two weeks of practice, made by playing the
 * shipped playthroughs (so every one verifies), one file per attempt, in DIR (test-results/demo-team
 * by default). Who plays what, and how well, follows a fixed pattern: some trainees improve, some
 * keep making the same mistake, a few have not started the harder levels. For trying the manager's
 * review by hand and for the screenshots in the closing note.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createScorecard, traineeIdFromName } from '../../src/core/scoring/scorecard';
import { playThrough } from './playedScorecard';
import { playthroughFiles } from './starterPack';

const NAMES = [
  'Ana Ruiz',
  'Bo Chen',
  'Carmen Vidal',
  'Dee Okafor',
  'Eli Park',
  'Farah Haddad',
  'Gil Soto',
  'Hana Sato',
  'Iker Etxeberria',
  'Jo Mensah',
  'Kai Novak',
  'Lena Vogel',
  'Marta Gil',
  'Nadia Rossi',
  'Omar Aziz',
  'Priya Nair',
  'Quinn Byrne',
  'Rosa Lima',
  'Sam Turner',
  'Tomás Ortega',
];

/** The team's scorecards, one file per attempt, as a manager would receive them. */
export function demoTeam(): { name: string; text: string }[] {
  const files = playthroughFiles().filter((f) => /scenarios\/level-[1-4]\//.test(f));
  const badly = files.filter((f) => f.includes('.handled-badly.'));
  const well = files.filter((f) => f.includes('.handled-well.') || f.includes('.typed.'));
  const played = new Map<string, ReturnType<typeof playThrough>>();
  const play = (file: string) => {
    const cached = played.get(file) ?? playThrough(file);
    played.set(file, cached);
    return cached;
  };
  return NAMES.flatMap((name, t) =>
    Array.from({ length: 3 + (t % 5) }, (_, a) => {
      const attempts = 3 + (t % 5);
      // Early attempts go badly more often; trainees 3, 8, 13, 18 keep struggling.
      const struggling = t % 5 === 3;
      const goesBadly = struggling ? a !== 1 : a < 2 && (t + a) % 2 === 0;
      const pool = goesBadly ? badly : well;
      // The first few trainees have only played level 1 and 2.
      const reach = t < 4 ? pool.filter((f) => /level-[12]\//.test(f)) : pool;
      const file = reach[(t * 7 + a * 3) % reach.length] as string;
      const { pack, transcript, run } = play(file);
      const day = new Date(Date.UTC(2026, 10, 23 + Math.floor((a * 12) / attempts), 9 + (t % 8), a * 7));
      const card = createScorecard(transcript, pack.scenarios, {
        trainee: { name, id: traineeIdFromName(name) },
        attemptId: `${traineeIdFromName(name)}-${a + 1}`,
        language: run.language,
        finishedAt: day.toISOString(),
      });
      return { name: `${name.replace(/\W+/g, '-').toLowerCase()}-${a + 1}.json`, text: JSON.stringify(card) };
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? 'test-results/demo-team';
  mkdirSync(dir, { recursive: true });
  const team = demoTeam();
  for (const file of team) writeFileSync(join(dir, file.name), file.text);
  console.log(`Wrote ${team.length} scorecards of ${NAMES.length} trainees to ${dir}.`);
}
