import { describe, expect, it } from 'vitest';
import { lexiconAnalyser } from '../../src/core/analysis/lexiconAnalyser';
import { practiceShift } from '../../src/core/engine/practiceShift';
import { ShiftSession } from '../../src/core/engine/session';
import { readingMs } from '../../src/core/playthrough/humanTiming';
import { loadStarterPack, playFile, playthroughFiles } from '../support/starterPack';

const pack = loadStarterPack();
const good = playthroughFiles().filter((f) => /\.(handled-well|typed)\.playthrough\.yaml$/.test(f));

describe('at a person’s pace', () => {
  it('covers a good run of every shipped scenario', () => {
    const covered = new Set(good.map((f) => f.split('/').pop()?.split('.')[0]));
    expect(pack.scenarios.filter((s) => !covered.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it.each(good)('%s keeps its outcome and grade band', (file) => {
    const run = playFile(file, { timing: 'human' });
    expect(run.checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([]);
    // Checked: the ending, the refusals, the grade and the score band.
    expect(run.checks.length).toBeGreaterThanOrEqual(3);
    expect(run.realMs).toBeGreaterThan(0);
  });

  it('says in the menu about as long as a practice really takes a person (within half to twice)', () => {
    const longest = new Map<string, number>();
    for (const file of good) {
      const run = playFile(file, { timing: 'human' });
      const id = run.scenarios[0]?.id ?? '';
      longest.set(id, Math.max(longest.get(id) ?? 0, (run.realMs ?? 0) / 60_000));
    }
    const off = pack.scenarios.flatMap((s) => {
      const real = longest.get(s.id) ?? 0;
      return s.minutes !== null && s.minutes >= real / 2 && s.minutes <= real * 2
        ? []
        : [`${s.id}: minutes ${s.minutes}, a person takes ${real.toFixed(1)}`];
    });
    expect(off).toEqual([]);
  });

  it.each(pack.scenarios.map((s) => [s.id, s] as const))(
    '%s: a trainee who reads the first message and then stops answering loses the customer',
    (_id, scenario) => {
      const session = new ShiftSession({
        scenarios: [scenario],
        shift: practiceShift(scenario),
        seed: 1,
        analyser: lexiconAnalyser,
      });
      const opening = session.events.flatMap((e) => (e.type === 'persona.said' ? [e.line.en ?? ''] : []));
      let realMs = readingMs(opening.join(' '));
      session.send({ type: 'clock.tick', ms: realMs });
      // A frame every second of real time until the customer is gone, for at most two real hours.
      while (!session.context.contacts[0]?.ending && realMs < 2 * 3_600_000) {
        session.send({ type: 'clock.tick', ms: 1000 });
        realMs += 1000;
      }
      expect(['abandoned', 'upset']).toContain(session.context.contacts[0]?.ending);
    },
  );
});
