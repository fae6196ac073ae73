/**
 * The grades a trainer would stand behind: each lenient case found by trying the game as a new hire
 * (a crisis answered with money, a crisis sent one tier short, a walk-out, nonsense, a caller held
 * until they hung up) played against the shipped library, and the crisis rule following a five-tier
 * pack whose crisis tier is the fifth. That pack's four scenarios (needing tiers 3, 4 and 5, one of
 * them reaching 5 through a twist) must check clean and are each played well and one tier short.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPack, formatProblem } from '../../../src/core';
import { CRITICAL_KEYS } from '../../../src/core/scoring/critical';
import type { AttemptScore } from '../../../src/core/scoring/scoreAttempt';
import { filesUnder, loadStarterPack, playFile, playText, playthroughFiles } from '../../support/starterPack';

const starter = loadStarterPack();

/** Plays a playthrough written inline and returns its score. */
const play = (text: string, pack = starter): AttemptScore =>
  playText(text, 'inline.playthrough.yaml', { pack }).score;

const kinds = (score: AttemptScore) => [...new Set(score.critical.map((e) => CRITICAL_KEYS[e.key]))].sort();

describe('critical errors in the shipped library', () => {
  it('a crisis answered with a €40 refund is Unsatisfactory, and says why', () => {
    const score = play(`scenario: power-bank-burned-son
title: Money instead of the crisis team
steps:
  - { at: 4s, do: answer }
  - { at: 10s, reply: "I'm so sorry, Ms Moreau. How is your son?" }
  - { at: 1m, offer: { kind: refund, amount: 40 } }
  - { wait: 30m }
expect: {}
`);
    expect(kinds(score)).toContain('crisis-kept-below');
    expect(score.critical.some((e) => e.key === 'critical.crisis-offered' && e.params.amount === 40)).toBe(
      true,
    );
    expect(score.grade).toBe('Unsatisfactory');
  });

  it('a crisis sent to Level 2 instead of the crisis team is Unsatisfactory', () => {
    const score = play(`scenario: power-bank-burned-son
title: One tier short
steps:
  - { at: 4s, do: answer }
  - { at: 10s, reply: "I'm so sorry, Ms Moreau. How is your son?" }
  - { at: 1m, escalate: { tier: 2, note: "Power bank overheated and burned her son." } }
  - { wait: 5m }
expect: {}
`);
    expect(kinds(score)).toContain('crisis-kept-below');
    expect(score.grade).toBe('Unsatisfactory');
  });

  it('a customer who walks out while waiting for the trainee can never be Expected', () => {
    const score = play(`scenario: locked-out-before-payroll
title: Nobody answers
steps:
  - { at: 10s, reply: "Hello Dana, thanks for waiting. Let me check." }
  - { wait: 3h }
expect: {}
`);
    expect(score.contacts[0]?.ending).toBe('abandoned');
    expect(kinds(score)).toContain('walked-out');
    expect(score.grade).toBe('Unsatisfactory');
    expect(score.overall).toBeLessThan(50);
  });

  it.each([
    ['an HTML tag', '<script>alert(1)</script>'],
    ['2,000 x’s, the longest reply there is', 'x'.repeat(2000)],
    ['random letters', 'qwzx pfkj vbnm zxqw'],
  ])('nonsense (%s) earns no empathy, costs professionalism, and is a critical error', (_, text) => {
    const score = play(`scenario: locked-out-before-payroll
title: Nonsense
steps:
  - { at: 10s, reply: ${JSON.stringify(text)} }
  - { wait: 1m }
expect: {}
`);
    const contact = score.contacts[0];
    expect(contact?.dimensions.empathy.evidence.filter((e) => e.points > 0)).toEqual([]);
    expect(contact?.dimensions.professionalism.evidence.map((e) => e.key)).toContain(
      'professionalism.nonsense',
    );
    expect(contact?.dimensions.professionalism.score).toBeLessThan(100);
    expect(kinds(score)).toContain('nonsense');
    expect(score.grade).toBe('Unsatisfactory');
  });

  it('a caller held until they hang up loses responsiveness, and walked out', () => {
    const score = play(`scenario: the-callback-that-never-came
title: Held for an hour
steps:
  - { at: 4s, do: answer }
  - { at: 10s, reply: "Good morning Mr Puig, I'm sorry about the missed call. One moment please." }
  - { at: 20s, do: hold }
  - { wait: 60m }
expect: {}
`);
    const responsiveness = score.contacts[0]?.dimensions.responsiveness;
    expect(responsiveness?.evidence.map((e) => e.key)).toContain('responsiveness.heldUntilGone');
    expect(responsiveness?.score).toBeLessThan(100);
    expect(kinds(score)).toContain('walked-out');
  });

  it('a look-up is not a first answer: availability waits for what the customer hears', () => {
    const score = play(`scenario: locked-out-before-payroll
title: Looking before answering
steps:
  - { at: 5s, do: lookup }
  - { at: 4m, reply: "Hello Dana, I have your account here." }
  - { wait: 1m }
expect: {}
`);
    const first = score.contacts[0]?.dimensions.availability.evidence[0];
    expect(first?.params.minutes).toBe(4);
    expect(score.contacts[0]?.dimensions.availability.score).toBeLessThan(100);
  });
});

describe('every handled run, graded as a trainer would', () => {
  const runs = playthroughFiles().map((file) => ({
    file,
    score: playFile(file).score,
  }));

  it('every handled-badly run is Unsatisfactory; every handled-well and typed run Desired or better', () => {
    for (const { file, score } of runs) {
      if (file.includes('.handled-badly.')) expect(score.grade, file).toBe('Unsatisfactory');
      if (file.includes('.handled-well.') || file.includes('.typed.'))
        expect(['Desired', 'Exceptional'], file).toContain(score.grade);
    }
  });

  it('no contact or attempt with a critical error reaches Expected', () => {
    for (const { file, score } of runs) {
      for (const contact of score.contacts) {
        if (contact.critical.length > 0) expect(contact.grade, file).toBe('Unsatisfactory');
      }
      if (score.critical.length > 0) expect(score.grade, file).toBe('Unsatisfactory');
    }
  });
});

describe('the crisis rule follows the pack', () => {
  const dir = 'test/fixtures/five-tier';
  const read = (file: string) => ({ file, text: readFileSync(file, 'utf8') });
  const sources = {
    pack: read(`${dir}/pack.yaml`),
    scenarios: filesUnder(
      dir,
      (p) => p.endsWith('.yaml') && !p.endsWith('.playthrough.yaml') && !p.endsWith('pack.yaml'),
    ).map(read),
    shifts: [],
  };
  const fiveTier = checkPack({ ...sources, explore: false });

  it('checks clean with every path walked, and each scenario is played well and one tier short', () => {
    // Two of its personas name portraits no artist has drawn, and keep them: the reference scorecards
    // were made on these files as written. The desk shows them the default face, as the warning says.
    const problems = checkPack(sources).problems.filter((p) => p.code !== 'unknown-portrait');
    expect(problems.map(formatProblem)).toEqual([]);
    const played = playthroughFiles(dir).map((f) => f.slice(dir.length + 1));
    const missing = fiveTier.scenarios.flatMap((s) =>
      [`${s.id}.handled-well.playthrough.yaml`, `${s.id}.one-tier-short.playthrough.yaml`].filter(
        (f) => !played.includes(f),
      ),
    );
    expect(fiveTier.scenarios).toHaveLength(4);
    expect(missing).toEqual([]);
  });

  it.each(playthroughFiles(dir))('%s', (file) => {
    const { checks } = playFile(file, { pack: fiveTier });
    expect(checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([]);
  });

  it('one tier short is a critical error only when the tier missed is the pack’s crisis tier', () => {
    const short = (scenario: string, tier: number) =>
      play(
        `scenario: ${scenario}
title: One tier short
steps:
  - { at: 10m, reply: "Thank you for writing; I am passing this on now." }
  - { at: 15m, escalate: { tier: ${tier}, note: "Passing this on." } }
  - { wait: 10m }
expect: {}
`,
        fiveTier,
      );
    const highAuthority = short('contract-exception', 3);
    const crisis = short('smoke-from-charger', 4);
    expect(kinds(highAuthority)).toEqual([]);
    expect(kinds(crisis)).toEqual(['crisis-kept-below']);
    // The crisis doubles what the missed tier costs.
    const tierPoints = (s: AttemptScore) =>
      s.contacts[0]?.dimensions.tier.evidence.find((e) => e.key === 'tier.underEscalated')?.points;
    expect(tierPoints(crisis)).toBe(2 * (tierPoints(highAuthority) ?? 0));
  });
});
