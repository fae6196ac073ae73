/**
 * The debrief reads a scorecard through the interface's translations: every dimension and piece of
 * evidence becomes a sentence (no raw keys, no unfilled {{placeholders}}), tips are sentences, and the
 * transcript marks exactly the words that earned or cost points, and the words the learned tone read
 * as warm or curt, in English and in Spanish. It opens with how each contact ended, shows the
 * trainee's actions in place in the transcript, says what good handling looked like from the scenario
 * itself, ranks tips by the points they cost across a shift's customers, words them for the case's
 * level, and keeps "nothing to improve" for an attempt whose every dimension is Exceptional.
 */
import { describe, expect, it } from 'vitest';
import { runPlaythrough } from '../../../src/core/playthrough/runPlaythrough';
import { createScorecard, type Scorecard } from '../../../src/core/scoring/scorecard';
import { wordsFor } from '../../../src/game/debrief/debriefContext';
import { type DebriefView, debriefView } from '../../../src/game/debrief/debriefView';
import { createI18n } from '../../../src/game/i18n';
import { playedScorecard, replyTextAt } from '../../support/playedScorecard';
import { loadStarterPack } from '../../support/starterPack';

const FILES = [
  'scenarios/level-2/charged-twice-in-public.handled-badly.playthrough.yaml',
  'scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml',
  'scenarios/shifts/monday-morning.juggling.playthrough.yaml',
];
const pack = loadStarterPack();
/** Game times as the desk shows them: a weekday and a 24-hour clock from 09:00 on the first day. */
const clockText = (ms: number, language: string) =>
  new Intl.DateTimeFormat(language, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2026, 2, 9, 9) + ms));
const durationText = (ms: number) => `${Math.round(ms / 60_000)} min`;
const { scenarios } = pack;

async function view(card: Scorecard, language: 'en' | 'es' = 'en') {
  const i18n = await createI18n(language);
  const built = debriefView(card, {
    t: i18n.t,
    language,
    clock: (ms) => clockText(ms, language),
    duration: durationText,
    scenarios,
  });
  return { view: built, t: i18n.t };
}

/** Plays a playthrough written here, for runs no shipped file ends in (a handoff still pending). */
function playedFrom(yaml: string): Scorecard {
  const result = runPlaythrough(yaml, {
    file: 'inline.playthrough.yaml',
    pack: pack.pack,
    scenarios,
    shifts: pack.shifts,
  });
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return createScorecard(result.value.session.transcript, scenarios, {
    trainee: { name: 'Ana Ruiz', id: 'trainee-1' },
    attemptId: 'attempt-1',
    language: 'en',
    finishedAt: '2026-11-22T10:00:00.000Z',
  });
}

/** Every text of a debrief, to check none is a raw key or has a placeholder left. */
function textsOf(v: DebriefView): string[] {
  return [
    v.grade,
    ...v.outcomes.flatMap((o) => [o.text, ...o.details, ...o.critical.map((c) => c.text)]),
    ...v.tips.map((tip) => tip.text),
    ...v.polish.map((n) => n.text),
    ...v.limits.map((n) => n.text),
    ...v.expected.flatMap((e) => [e.title, e.level, e.why, ...e.resolutions, ...e.handoff, e.followUp]),
    ...v.legend.grades.flatMap((g) => [g.name, g.range, g.meaning]),
    v.legend.cap,
    ...v.dimensions.flatMap((d) => [d.name, ...d.evidence.map((e) => e.text)]),
    ...v.transcript.flatMap((l) => [
      l.who,
      l.quote ?? '',
      l.statusText ?? '',
      ...l.notes.map((n) => n.text),
      ...l.segments.flatMap((s) => [s.text, s.why ?? '']),
    ]),
  ].filter((text) => text !== '');
}

describe.each(['en', 'es'] as const)('the debrief in %s', (language) => {
  it.each(FILES)('%s reads as sentences with no raw keys', async (file) => {
    const card = playedScorecard(file);
    const { view: v, t } = await view(card, language);
    for (const text of textsOf(v)) {
      expect(text).not.toMatch(/\{\{|\}\}|^(?:scorecard|debrief|desk)\./);
    }
    expect(v.grade).toBe(t(`scorecard.grades.${card.score.grade}`));
  });

  it('marks the very words that earned and cost points in each reply', async () => {
    const card = playedScorecard(FILES[0] ?? '');
    const { view: v } = await view(card, language);
    const replies = v.transcript.filter((l) => l.from === 'trainee');
    expect(replies.length).toBeGreaterThan(0);
    for (const line of replies) {
      expect(line.segments.map((s) => s.text).join('')).toBe(replyTextAt(card.log, line.seq));
    }
    expect(replies.some((l) => l.segments.some((s) => s.mark === 'cost' && s.why))).toBe(true);
  });

  it('marks the words the learned tone read as warm or curt, where no evidence marks them', async () => {
    const card = playedScorecard('scenarios/level-2/charged-twice-in-public.typed.playthrough.yaml');
    const { view: v, t } = await view(card, language);
    const warm = t('debrief.readWarm', { weight: '' }).replace(/\s*\(.*$/, '');
    const curt = t('debrief.readCurt', { weight: '' }).replace(/\s*\(.*$/, '');
    const toneMarks = v.transcript.flatMap((l) =>
      l.segments.filter((s) => s.why?.startsWith(warm) || s.why?.startsWith(curt)),
    );
    expect(toneMarks.length).toBeGreaterThan(0);
    for (const mark of toneMarks) expect(mark.mark).toBe(mark.why?.startsWith(warm) ? 'credit' : 'cost');
    // The critical errors of the run are named in words.
    expect(v.critical.length).toBe(card.score.critical.length);
    for (const c of v.critical) expect(c.text).not.toMatch(/\{\{|^scorecard\./);
  });

  it('says what good looked like in the scenario’s own words, in the trainee’s language', async () => {
    const { view: v } = await view(playedScorecard(FILES[1] ?? ''), language);
    const scenario = scenarios.find((s) => s.id === 'power-bank-burned-son');
    expect(v.expected).toHaveLength(1);
    expect(v.expected[0]?.why).toBe(scenario?.expected.why[language]);
    expect(v.expected[0]?.title).toBe(scenario?.title[language]);
    // No offer settles a crisis; the note had to carry every fact the scenario names.
    expect(v.expected[0]?.resolutions).toHaveLength(1);
    expect(v.expected[0]?.handoff).toEqual(
      scenario?.expected.handoff.map((id) => scenario.facts.find((f) => f.id === id)?.label[language]),
    );
  });
});

describe('outcome lines', () => {
  it('say how each contact ended, after how long, with its critical errors', async () => {
    const { view: v } = await view(
      playedScorecard('scenarios/level-4/power-bank-burned-son.handled-badly.playthrough.yaml'),
    );
    expect(v.outcomes).toHaveLength(1);
    const [hannah] = v.outcomes;
    expect(hannah?.text).toMatch(/^Hannah Moreau left upset after \d+ min\.$/);
    expect(hannah?.tone).toBe('bad');
    expect(hannah?.details).toContainEqual(
      expect.stringMatching(/^Level 2: senior support sent the case back/),
    );
    expect(hannah?.details).toContainEqual(expect.stringMatching(/^You broke your promise \(an email, due /));
    expect(hannah?.critical.map((c) => c.text)).toEqual([
      'A crisis that needed level 4 was kept at level 2.',
      'A promise to a customer in crisis was broken.',
      'The customer left upset: what they needed was not done.',
    ]);
  });

  it('say a case is still with a tier, and by when it will answer', async () => {
    const card = playedFrom(`scenario: power-bank-burned-son
title: Handed over, then the attempt ends
language: en
steps:
  - at: 4s
    do: answer
  - at: 10s
    choice: him-first
  - at: 40s
    ask: injury
  - at: 1m
    escalate: { tier: 4, note: "Power bank burned her son; second-degree burn; device kept in a tin." }
expect:
  refusals: 0
`);
    const { view: v } = await view(card);
    const line = v.outcomes[0];
    expect(line?.text).toMatch(
      /^Hannah Moreau's case is with Level 4: crisis team, who will answer by .+\.$/,
    );
    expect(line?.tone).toBe('open');
  });

  it('name a customer who left without an answer in a shift, and one still waiting', async () => {
    const { view: v } = await view(playedScorecard(FILES[2] ?? ''));
    expect(v.outcomes.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Dana Whitfield', 'Samuel Okoye', 'Mercedes Albarrán']),
    );
    expect(v.outcomes.find((o) => o.name === 'Dana Whitfield')?.text).toMatch(
      /^Dana Whitfield left satisfied after \d+ min\.$/,
    );
    expect(v.outcomes.find((o) => o.name === 'Mercedes Albarrán')?.text).toBe(
      'Mercedes Albarrán was still waiting for an answer when you ended.',
    );
  });
});

describe('the transcript', () => {
  it('shows the trainee’s actions in place, in log order, with notes, promises and their fate', async () => {
    const card = playedScorecard('scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml');
    const { view: v } = await view(card);
    const seqs = v.transcript.map((l) => l.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const texts = v.transcript.map((l) => `${l.from}: ${l.segments.map((s) => s.text).join('')}`);
    const at = (pattern: RegExp) => texts.findIndex((x) => pattern.test(x));
    // Asked about the injury, then Hannah answers; the escalation with its note; the promises kept.
    expect(at(/^action: Asked: “How is Luc/)).toBeGreaterThan(at(/^customer: He's all right/));
    expect(at(/^customer: Second-degree, they said/)).toBeGreaterThan(at(/^action: Asked: “How is Luc/));
    expect(at(/^action: Looked up the record\. Learnt: Product, Batch reports\./)).toBeGreaterThan(-1);
    const escalation = v.transcript.find((l) => l.segments[0]?.text === 'Escalated to Level 4: crisis team.');
    expect(escalation?.quote).toMatch(/Kinetra PowerCell 20/);
    expect(escalation?.notes.map((n) => n.text)).toContain(
      'You escalated to level 4, the level the case needed.',
    );
    const promises = v.transcript.filter((l) => /^Promised a call back by /.test(l.segments[0]?.text ?? ''));
    expect(promises.map((p) => p.status)).toEqual(['kept', 'kept']);
    expect(at(/^action: Called back, as promised\./)).toBeGreaterThan(-1);
    expect(at(/^action: Scheduled a follow-up for /)).toBeGreaterThan(-1);
    expect(at(/^colleague: Took the case over\./)).toBeGreaterThan(at(/^action: Escalated/));
  });

  it('shows a broken promise and a refused intent as such', async () => {
    const { view: v } = await view(playedScorecard(FILES[2] ?? ''));
    const broken = v.transcript.find((l) => /^Promised an email by /.test(l.segments[0]?.text ?? ''));
    expect(broken?.status).toBe('broken');
    expect(broken?.who).toBe('You, to Kemi Adeyemi');
    const refused = v.transcript.find((l) => l.status === 'refused');
    expect(refused?.statusText).toMatch(/^refused: You are on another call/);
  });
});

describe('tips', () => {
  it('in a shift are ranked by the points they cost across every customer, a critical error first', async () => {
    const { view: v } = await view(playedScorecard(FILES[2] ?? ''));
    expect(v.tips.length).toBe(5);
    expect(v.tips[0]?.critical).toBe(true);
    // The same advice for two customers who walked out is one tip naming both.
    expect(v.tips[0]?.names).toEqual(['Samuel Okoye', 'Rubén Castaño']);
    const costs = v.tips.filter((tip) => !tip.critical).map((tip) => tip.cost ?? 0);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    // Spread over the customers: nobody is named in more than two tips, and at least three are named.
    const named = v.tips.flatMap((tip) => tip.names);
    for (const name of new Set(named)) expect(named.filter((n) => n === name).length).toBeLessThanOrEqual(2);
    expect(new Set(named).size).toBeGreaterThanOrEqual(3);
  });

  it('in a crisis give crisis advice, never a general one that would make things worse', async () => {
    const { view: badly, t } = await view(
      playedScorecard('scenarios/level-4/power-bank-burned-son.handled-badly.playthrough.yaml'),
    );
    expect(badly.tips[0]?.text).toBe(t('scorecard.tips.critical.crisis-kept-below'));
    const generic = [
      t('scorecard.tips.problem_solving.general'),
      t('scorecard.tips.problem_solving.ending'),
      t('scorecard.tips.follow_up.missing'),
    ];
    for (const tip of badly.tips) expect(generic).not.toContain(tip.text);

    // Handled well: the best ending a crisis allows holds problem solving down, which is said, not tipped.
    const { view: well } = await view(
      playedScorecard('scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml'),
    );
    for (const note of [...well.tips, ...well.polish]) expect(generic).not.toContain(note.text);
    expect(well.limits.map((n) => n.dimension)).toEqual(['Problem solving']);
  });

  it('never tell the trainee to schedule a follow-up for a case that expects none', async () => {
    // An older rubric (or a future one) might tip a follow-up anyway; the scenario says none is needed.
    const card = playedScorecard('scenarios/level-1/app-closes-on-use-photo.handled-badly.playthrough.yaml');
    const scenario = scenarios.find((s) => s.id === 'app-closes-on-use-photo');
    expect(scenario?.expected.followUp).toBe(false);
    const contact = card.score.contacts[0];
    if (!contact) throw new Error('no contact');
    const withFollowUp: Scorecard = {
      ...card,
      score: {
        ...card.score,
        contacts: [
          {
            ...contact,
            tips: [
              ...contact.tips,
              { dimension: 'follow_up', key: 'follow_up.missing', seq: null, params: {} },
            ],
          },
        ],
      },
    };
    const { view: v } = await view(withFollowUp);
    expect(v.tips.length).toBeGreaterThan(0);
    for (const tip of v.tips) expect(tip.text).not.toMatch(/follow-up/i);
  });

  /** A scorecard of one contact scoring 100 everywhere but `score` in attention. */
  function withAttention(score: number): Scorecard {
    const card = playedScorecard(
      'scenarios/level-1/free-delivery-forty-or-fifty.handled-well.playthrough.yaml',
    );
    const contact = card.score.contacts[0];
    if (!contact) throw new Error('no contact');
    const dimensions = { ...contact.dimensions, attention: { ...contact.dimensions.attention, score } };
    return { ...card, score: { ...card.score, contacts: [{ ...contact, dimensions, tips: [] }] } };
  }

  it.each([
    [85, false, true],
    [84, true, false],
    [70, true, false],
  ])('with attention at %i: a note to polish %s, nothing to improve %s', async (score, polish, nothing) => {
    const { view: v } = await view(withAttention(score));
    expect(v.tips).toEqual([]);
    expect(v.polish.some((n) => n.dimension === 'Attention')).toBe(polish);
    expect(v.nothingToImprove).toBe(nothing);
  });

  it('say nothing is left to improve only when every dimension is Exceptional', async () => {
    const { view: v } = await view(
      playedScorecard('scenarios/level-1/free-delivery-forty-or-fifty.handled-well.playthrough.yaml'),
    );
    expect(v.nothingToImprove).toBe(true);
    const { view: polished } = await view(
      playedScorecard('scenarios/level-1/locked-out-before-payroll.handled-well.playthrough.yaml'),
    );
    expect(polished.nothingToImprove).toBe(false);
    expect(polished.polish.map((n) => n.dimension)).toEqual(['Problem solving', 'Listening']);
  });
});

describe('the legend', () => {
  it.each(['en', 'es'] as const)(
    'explains the four grades in %s, with the attempt’s own marked',
    async (language) => {
      const card = playedScorecard('scenarios/level-4/power-bank-burned-son.handled-badly.playthrough.yaml');
      const { view: v } = await view(card, language);
      expect(v.legend.grades.map((g) => g.grade)).toEqual([
        'Unsatisfactory',
        'Expected',
        'Desired',
        'Exceptional',
      ]);
      expect(v.legend.grades.map((g) => g.range)).toEqual(['0–49', '50–69', '70–84', '85–100']);
      expect(v.legend.grades.filter((g) => g.current).map((g) => g.grade)).toEqual(['Unsatisfactory']);
      for (const g of v.legend.grades) expect(g.meaning.length).toBeGreaterThan(40);
    },
  );
});

describe('readings in the debrief', () => {
  it('shows a tone as a person reads it, rounded in the page language', async () => {
    for (const [language, expected] of [
      ['en', '-0.57'],
      ['es', '-0,57'],
    ] as const) {
      const i18n = await createI18n(language);
      const ctx = { t: i18n.t, language, clock: String, duration: String, scenarios };
      expect(wordsFor(ctx, { tone: -0.5718 }, undefined).tone).toBe(expected);
      expect(i18n.t('scorecard.evidence.empathy.tone', wordsFor(ctx, { tone: 0.4 }, undefined))).toContain(
        language === 'en' ? '+0.40' : '+0,40',
      );
    }
  });
});
