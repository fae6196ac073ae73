/**
 * The learned tone measured on the held-out fifths only (see `toneData`): how well it separates the
 * top from the bottom quarter of people's politeness ratings (AUC), how often it puts our labelled
 * replies in the band people gave them, and how far apart warm and cold replies' tones lie. Each figure
 * is given for the families alone too (the tone before the model), so the gain is visible.
 */
import { analyseReply } from '../../src/core/analysis/analyseReply';
import { isHeldOut, labelledReplies } from './evaluateAnalyser';
import { auc, ratedQuartiles, ratedRows, toneBand } from './toneData';

/** The tone figures of one reading (the model, or the families alone). */
export interface ToneFigures {
  readonly ratedAuc: number;
  readonly bands: Readonly<Record<string, { right: number; of: number }>>;
  readonly separation: Readonly<Record<string, number>>;
}

const toneOf = (text: string, language: string, customer: string, familiesOnly: boolean) =>
  analyseReply(
    text,
    { language, customerName: customer, previous: [] },
    familiesOnly ? { toneModels: {} } : {},
  ).tone;

/** Measures the held-out fifths, with the model or with the families alone. */
export function measureTone(familiesOnly = false): ToneFigures {
  const rows = ratedRows();
  const { low, high } = ratedQuartiles(rows);
  const held = rows.filter((r) => r.heldOut);
  const top = held.filter((r) => r.score >= high).map((r) => toneOf(r.text, 'en', '', familiesOnly));
  const bottom = held.filter((r) => r.score <= low).map((r) => toneOf(r.text, 'en', '', familiesOnly));
  const bands: Record<string, { right: number; of: number }> = {};
  const separation: Record<string, number> = {};
  for (const language of ['en', 'es']) {
    const held = labelledReplies(language).filter(isHeldOut);
    const tones = held.map((r) => ({
      band: r.tone,
      tone: toneOf(r.text, language, r.customer, familiesOnly),
    }));
    bands[language] = { right: tones.filter((t) => toneBand(t.tone) === t.band).length, of: tones.length };
    const mean = (band: string) => {
      const of = tones.filter((t) => t.band === band);
      return of.reduce((s, t) => s + t.tone, 0) / Math.max(1, of.length);
    };
    separation[language] = mean('warm') - mean('cold');
  }
  return { ratedAuc: auc(top, bottom), bands, separation };
}

/** The figures as lines to print. */
export function formatToneFigures(model: ToneFigures, families: ToneFigures): string {
  const pct = (b: { right: number; of: number }) =>
    `${Math.round((100 * b.right) / Math.max(1, b.of))}% of ${b.of}`;
  return [
    '## tone (held-out fifths only)',
    '| figure | learned tone | families alone |',
    '|---|---|---|',
    `| en rated requests, top vs bottom quarter: AUC | ${model.ratedAuc.toFixed(3)} | ${families.ratedAuc.toFixed(3)} |`,
    ...['en', 'es'].flatMap((l) => [
      `| ${l} labelled replies in their band | ${pct(model.bands[l] ?? { right: 0, of: 0 })} | ${pct(families.bands[l] ?? { right: 0, of: 0 })} |`,
      `| ${l} mean tone, warm minus cold | ${(model.separation[l] ?? 0).toFixed(2)} | ${(families.separation[l] ?? 0).toFixed(2)} |`,
    ]),
  ].join('\n');
}
