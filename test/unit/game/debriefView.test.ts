/**
 * The debrief reads a scorecard through the interface's translations: every dimension and piece of
 * evidence becomes a sentence (no raw keys, no unfilled {{placeholders}}), tips are sentences, and the
 * transcript marks exactly the words that earned or cost points, and the words the learned tone read
 * as warm or curt, in English and in Spanish.
 */
import { describe, expect, it } from 'vitest';
import { debriefView } from '../../../src/game/debrief/debriefView';
import { createI18n } from '../../../src/game/i18n';
import { playedScorecard, replyTextAt } from '../../support/playedScorecard';
import { loadStarterPack } from '../../support/starterPack';

const FILES = [
  'scenarios/level-2/charged-twice-in-public.handled-badly.playthrough.yaml',
  'scenarios/level-4/power-bank-burned-son.handled-well.playthrough.yaml',
  'scenarios/shifts/monday-morning.juggling.playthrough.yaml',
];
const { scenarios } = loadStarterPack();
const format = (language: string) => ({
  clock: (ms: number) => new Date(Date.UTC(2026, 2, 9, 9) + ms).toISOString().slice(11, 16),
  fact: (_contact: string, id: string) => {
    const fact = scenarios.flatMap((s) => s.facts).find((f) => f.id === id);
    return fact?.label[language] ?? id;
  },
});

describe.each(['en', 'es'] as const)('the debrief in %s', (language) => {
  it.each(FILES)('%s reads as sentences with no raw keys', async (file) => {
    const i18n = await createI18n(language);
    const card = playedScorecard(file);
    const view = debriefView(card, i18n.t, language, format(language));
    const texts = [
      view.grade,
      ...view.tips.map((tip) => tip.text),
      ...view.dimensions.flatMap((d) => [d.name, ...d.evidence.map((e) => e.text)]),
      ...view.transcript.flatMap((l) => l.segments.flatMap((s) => [s.text, s.why ?? ''])),
    ].filter((text) => text !== '');
    for (const text of texts) {
      expect(text).not.toMatch(/\{\{|\}\}|^scorecard\./);
    }
    expect(view.grade).toBe(i18n.t(`scorecard.grades.${card.score.grade}`));
  });

  it('marks the very words that earned and cost points in each reply', async () => {
    const i18n = await createI18n(language);
    const card = playedScorecard(FILES[0] ?? '');
    const view = debriefView(card, i18n.t, language, format(language));
    const replies = view.transcript.filter((l) => l.from === 'trainee');
    expect(replies.length).toBeGreaterThan(0);
    for (const line of replies) {
      expect(line.segments.map((s) => s.text).join('')).toBe(replyTextAt(card.log, line.seq));
    }
    expect(replies.some((l) => l.segments.some((s) => s.mark === 'cost' && s.why))).toBe(true);
  });

  it('marks the words the learned tone read as warm or curt, where no evidence marks them', async () => {
    const i18n = await createI18n(language);
    const card = playedScorecard('scenarios/level-2/charged-twice-in-public.typed.playthrough.yaml');
    const view = debriefView(card, i18n.t, language, format(language));
    const warm = i18n.t('debrief.readWarm', { weight: '' }).replace(/\s*\(.*$/, '');
    const curt = i18n.t('debrief.readCurt', { weight: '' }).replace(/\s*\(.*$/, '');
    const toneMarks = view.transcript.flatMap((l) =>
      l.segments.filter((s) => s.why?.startsWith(warm) || s.why?.startsWith(curt)),
    );
    expect(toneMarks.length).toBeGreaterThan(0);
    for (const mark of toneMarks) expect(mark.mark).toBe(mark.why?.startsWith(warm) ? 'credit' : 'cost');
    // The critical errors of the run are named in words.
    expect(view.critical.length).toBe(card.score.critical.length);
    for (const c of view.critical) expect(c.text).not.toMatch(/\{\{|^scorecard\./);
  });
});
