/**
 * Playthrough files that start from a beat (`from:`), and a played attempt saved as a playthrough:
 * the text a trainer commits must play back to the same ending, and its expectations must be real
 * (an edited ending fails).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lexiconAnalyser } from '../../../src/core/analysis/lexiconAnalyser';
import type { Intent } from '../../../src/core/engine/intents';
import type { PersonaStart } from '../../../src/core/engine/personaStart';
import { practiceShift } from '../../../src/core/engine/practiceShift';
import { ShiftSession } from '../../../src/core/engine/session';
import { formatRun } from '../../../src/core/playthrough/formatRun';
import { durationText, playthroughFromAttempt } from '../../../src/core/playthrough/playthroughFromAttempt';
import { runPlaythrough } from '../../../src/core/playthrough/runPlaythrough';
import { durationToMs } from '../../../src/core/scenario/durations';
import { loadStarterPack, playthroughFiles } from '../../support/starterPack';

const { pack, scenarios, shifts } = loadStarterPack();
const run = (text: string) => runPlaythrough(text, { file: 'x.playthrough.yaml', pack, scenarios, shifts });
const located = (result: ReturnType<typeof run>) =>
  result.ok ? [] : result.problems.map((p) => `${p.code} ${p.line}:${p.col}`);

const scenario = scenarios.find((s) => s.id === 'locked-out-before-payroll');
if (!scenario) throw new Error('the shipped scenario locked-out-before-payroll is missing');

describe('a playthrough file with from:', () => {
  it('plays the scenario from that beat, and simulate prints the start', () => {
    const result = run(
      [
        'scenario: locked-out-before-payroll',
        'title: From the look-up',
        'from: { beat: looked-up, mood: -0.4, facts: [lock-reason] }',
        'steps:',
        '  - at: 30s',
        '    choice: explain-phone',
        '    expect: { beat: explained }',
        '  - at: 1m',
        '    choice: reset-link',
        '    expect: { ended: satisfied }',
        'expect: { ending: satisfied, path: [looked-up, explained, back-in] }',
        '',
      ].join('\n'),
    );
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.value.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.value.passed).toBe(true);
    expect(formatRun(result.value)).toContain(
      'Start        from beat looked-up · mood -0.40 · knows lock-reason',
    );
  });

  it('reports a bad beat or fact where it is written, saying how to fix it', () => {
    const result = run(
      [
        'scenario: locked-out-before-payroll',
        'title: T',
        'from:',
        '  beat: back-in',
        '  facts: [account, phone]',
        'steps:',
        '  - do: lookup',
        'expect: {}',
        '',
      ].join('\n'),
    );
    expect(located(result)).toEqual(['invalid-value 4:9', 'unknown-fact 5:20']);
    expect(result.ok ? '' : result.problems[0]?.message).toContain('is an ending');
    expect(
      located(
        run(
          'scenario: locked-out-before-payroll\ntitle: T\nfrom: { beat: nope }\nsteps:\n  - do: lookup\nexpect: {}\n',
        ),
      ),
    ).toEqual(['unknown-beat 3:15']);
  });

  it('refuses feelings out of range through the schema, at the field', () => {
    const result = run(
      'scenario: locked-out-before-payroll\ntitle: T\nfrom: { beat: opening, trust: 1.5 }\nsteps:\n  - do: lookup\nexpect: {}\n',
    );
    expect(located(result).map((p) => p.split(' ')[1])).toEqual(['3:31']);
  });

  it('plays the example in the trainers’ guide', () => {
    const guide = readFileSync('scenarios/README.md', 'utf8');
    const section = guide.slice(guide.indexOf('### Playing from a beat'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(example).toContain('from:');
    const result = run(example);
    if (!result.ok) throw new Error(result.problems[0]?.message);
    expect(result.value.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('refuses from: on a shift', () => {
    const shift = shifts[0];
    if (!shift) throw new Error('the pack ships a shift');
    const result = run(
      `shift: ${shift.id}\ntitle: T\nfrom: { beat: opening }\nsteps:\n  - wait: 1m\nexpect: {}\n`,
    );
    expect(located(result)).toEqual(['invalid-value 3:1']);
  });
});

/** One of the trainee's intents without its time and contact, and the real time before it. */
type Move = Intent extends infer I
  ? I extends Intent
    ? Omit<I, 'at' | 'contact'> & { after: number }
    : never
  : never;

/** Plays a practice attempt the way the desk does: ticks of real time, then the trainee's intents. */
function play(from: PersonaStart | undefined, moves: readonly Move[]) {
  const session = new ShiftSession({
    scenarios,
    shift: practiceShift(scenario as NonNullable<typeof scenario>, from),
    seed: 11,
    analyser: lexiconAnalyser,
  });
  for (const { after, ...move } of moves) {
    for (let waited = 0; waited < after; waited += 16) session.send({ type: 'clock.tick', ms: 16 });
    session.send({ type: 'trainee.intent', intent: { ...move, at: session.now, contact: 'c1' } as Intent });
  }
  // The desk keeps ticking after the last reply until the attempt is over.
  for (let i = 0; i < 20_000 && !session.isOver; i += 1) session.send({ type: 'clock.tick', ms: 250 });
  return session;
}

const text = (choice: string) =>
  scenario?.beats.flatMap((b) => b.choices).find((c) => c.id === choice)?.text.en ?? choice;

describe('playthroughFromAttempt', () => {
  it('writes game times a playthrough reads back exactly', () => {
    for (const ms of [0, 1000, 61_000, 3_723_000, 12_345, 999, 3_600_001, 7_211_901])
      expect(durationToMs(durationText(ms))).toBe(ms);
    expect(durationText(7_211_901)).toBe('2h0m11.901s');
    expect(durationText(3_723_000)).toBe('1:02:03');
  });

  it('round-trips an attempt played from the start', () => {
    const session = play(undefined, [
      {
        type: 'reply',
        after: 9_000,
        text: "Good morning, Dana. I'm sorry for the scare before payroll. Let me look at your account.",
        choice: null,
        language: 'en',
      },
      { type: 'lookup', after: 20_000 },
      { type: 'reply', after: 15_000, text: text('explain-phone'), choice: 'explain-phone', language: 'en' },
      { type: 'reply', after: 12_000, text: text('reset-link'), choice: 'reset-link', language: 'en' },
    ]);
    const ending = session.context.contacts[0]?.ending;
    expect(ending).toBe('satisfied');
    const yaml = playthroughFromAttempt({ transcript: session.transcript, scenarios, title: 'Handled well' });
    const file = parse(yaml);
    expect(file).toMatchObject({ scenario: scenario.id, title: 'Handled well', language: 'en', seed: 11 });
    expect(file.from).toBeUndefined();
    expect(
      file.steps.map((s: Record<string, unknown>) =>
        Object.keys(s).filter((k) => k !== 'at' && k !== 'expect'),
      ),
    ).toEqual([['reply'], ['do'], ['choice'], ['choice']]);
    expect(file.expect.ending).toBe('satisfied');
    const replayed = run(yaml);
    if (!replayed.ok) throw new Error(replayed.problems[0]?.message);
    expect(replayed.value.checks.filter((c) => !c.ok)).toEqual([]);
    expect(replayed.value.session.context.contacts[0]?.ending).toBe(ending);
    // The same inputs at the same game times: the same events, whatever the frames were.
    expect(replayed.value.session.events.filter((e) => e.type !== 'intent.refused')).toEqual(
      session.events.filter((e) => e.type !== 'intent.refused'),
    );
  });

  it('round-trips an attempt played from a beat, and its expectations can fail', () => {
    const from: PersonaStart = {
      beat: 'looked-up',
      mood: -0.6,
      trust: 0.3,
      patience: 0.4,
      facts: ['lock-reason'],
    };
    const session = play(from, [
      { type: 'reply', after: 5_000, text: text('blame-her'), choice: 'blame-her', language: 'en' },
      { type: 'reply', after: 5_000, text: text('explain-phone'), choice: 'explain-phone', language: 'en' },
      { type: 'reply', after: 8_000, text: text('blame-her'), choice: 'blame-her', language: 'en' },
    ]);
    const ending = session.context.contacts[0]?.ending;
    expect(ending).not.toBeNull();
    const yaml = playthroughFromAttempt({
      transcript: session.transcript,
      scenarios,
      title: 'From the look-up',
    });
    const file = parse(yaml);
    expect(file.from).toEqual(from);
    // The first choice was not on offer in that beat: the file expects its refusal.
    expect(file.steps[0]).toMatchObject({ choice: 'blame-her', expect: { refused: 'unknown-choice' } });
    expect(file.steps.at(-1).expect.ended).toBe(ending);
    expect(file.expect).toMatchObject({ ending });
    expect(file.expect.grade).toBeDefined();

    const replayed = run(yaml);
    if (!replayed.ok) throw new Error(replayed.problems[0]?.message);
    expect(replayed.value.checks.filter((c) => !c.ok)).toEqual([]);
    expect(replayed.value.session.context.contacts[0]?.ending).toBe(ending);
    expect(replayed.value.session.transcript.shift.arrivals[0]?.from).toEqual(from);

    const untitled = parse(playthroughFromAttempt({ transcript: session.transcript, scenarios, title: ' ' }));
    expect(untitled.title).toBe('Played from looked-up');

    const other = ending === 'satisfied' ? 'upset' : 'satisfied';
    const edited = run(yaml.replace(`ending: ${ending}`, `ending: ${other}`));
    if (!edited.ok) throw new Error(edited.problems[0]?.message);
    expect(edited.value.passed).toBe(false);
    expect(edited.value.checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([
      `The contact should end ${other}; it ended ${ending}.`,
    ]);
    // Without the start, the same steps do not come out the same way.
    const fromStart = run(yaml.replace(/^from:\n(?: {2}.*\n)+/m, ''));
    if (!fromStart.ok) throw new Error(fromStart.problems[0]?.message);
    expect(fromStart.value.passed).toBe(false);
  });
});

describe('every shipped playthrough, saved again from its own run', () => {
  // A run of a shipped file is an attempt like any other: saved as a playthrough, it must play back
  // to the same events, whatever the scenario, the language or the shift.
  it.each(playthroughFiles())('%s', { timeout: 30_000 }, (path) => {
    const first = run(readFileSync(path, 'utf8'));
    if (!first.ok) throw new Error(first.problems[0]?.message);
    const { session, title, language } = first.value;
    const yaml = playthroughFromAttempt({ transcript: session.transcript, scenarios, title, language });
    const again = run(yaml);
    if (!again.ok) throw new Error(`${again.problems[0]?.message}\n${yaml}`);
    expect(again.value.checks.filter((c) => !c.ok)).toEqual([]);
    expect(again.value.session.events).toEqual(session.events);
  });
});
