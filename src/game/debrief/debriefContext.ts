/**
 * What every part of the debrief reads a scorecard with: the interface's translations and formats,
 * and each contact joined to the scenario version it played, its record in the log and its scores. The
 * debrief only projects what the scorecard and its log already hold; nothing here judges again.
 */
import type { TFunction } from 'i18next';
import {
  type ContactRecord,
  isCrisis,
  neededLevel,
  readAttempt,
  type Scenario,
  type Scorecard,
  transcriptOf,
} from '../../core/runtime';
import { inLanguage, moneyText } from '../text';

/** The translations, formats and scenarios a debrief is built with. */
export interface DebriefContext {
  readonly t: TFunction;
  readonly language: string;
  /** A game time as a clock reading. */
  readonly clock: (gameMs: number) => string;
  /** A span of game time in words ("6 min"). */
  readonly duration: (ms: number) => string;
  /** The scenarios loaded; each contact is matched to the exact version it played. */
  readonly scenarios: readonly Scenario[];
}

/** One contact's scores as the scorecard holds them. */
export type ContactScores = Scorecard['score']['contacts'][number];

/** One contact of the attempt with everything the debrief says about it. */
export interface PlayedContact {
  readonly contact: string;
  readonly name: string;
  readonly scenario: Scenario;
  readonly record: ContactRecord;
  readonly scores: ContactScores;
  /** The level the case came to need, twists included. */
  readonly needed: number;
  /** Whether that level is a crisis tier of the pack. */
  readonly crisis: boolean;
}

/**
 * Every contact of the scorecard joined to its scenario (the version played, by content hash, or the
 * same id when that version is not loaded) and its record; contacts whose scenario is not loaded at all
 * are left out, as nothing can be said about them.
 */
export function playedContacts(scorecard: Scorecard, scenarios: readonly Scenario[]): PlayedContact[] {
  const records = readAttempt(transcriptOf(scorecard)).contacts;
  return scorecard.score.contacts.flatMap((scores) => {
    const ref = scorecard.scenarios.find((r) => r.id === scores.scenario);
    const scenario =
      scenarios.find((s) => s.id === scores.scenario && s.contentHash === ref?.contentHash) ??
      scenarios.find((s) => s.id === scores.scenario);
    const record = records.find((r) => r.contact === scores.contact);
    if (!scenario || !record) return [];
    return [
      {
        contact: scores.contact,
        name: scenario.persona.name,
        scenario,
        record,
        scores,
        needed: neededLevel(record, scenario).level,
        crisis: isCrisis(record, scenario),
      },
    ];
  });
}

/** A tier of the scenario's ladder by its name in the trainee's language ("Level 4: crisis team"). */
export function tierName(scenario: Scenario, level: number, language: string): string {
  const tier = scenario.tiers[level - 1];
  return tier ? inLanguage(tier.name, language) : String(level);
}

/** An amount in the scenario's currency. */
export function money(amount: number, scenario: Scenario, language: string): string {
  return moneyText(amount, scenario.currency, language);
}

type Params = Readonly<Record<string, string | number>>;

/**
 * The values a scorecard text needs, in words: families, endings, promise kinds and offers by their
 * names, times as clock readings, facts by their labels, amounts in the currency, readings rounded.
 */
export function wordsFor(
  ctx: DebriefContext,
  params: Params,
  played: PlayedContact | undefined,
): Record<string, string | number> {
  const { t } = ctx;
  const out: Record<string, string | number> = { ...params };
  if (typeof params.family === 'string') out.family = t(`scorecard.families.${params.family}`);
  if (typeof params.ending === 'string') out.ending = t(`scorecard.endings.${params.ending}`);
  if (typeof params.what === 'string') out.what = t(`scorecard.promiseKinds.${params.what}`);
  if (typeof params.due === 'number') out.due = ctx.clock(params.due);
  if (typeof params.fact === 'string') {
    const fact = played?.scenario.facts.find((f) => f.id === params.fact);
    out.fact = fact ? inLanguage(fact.label, ctx.language) : params.fact;
  }
  if (typeof params.kind === 'string') {
    out.kind = t([`scorecard.nonsense.${params.kind}`, `debrief.offerKinds.${params.kind}`], {
      defaultValue: params.kind,
    });
  }
  // A reading such as a tone is shown as a person reads it, to two decimals in the page's language.
  if (typeof params.tone === 'number') {
    out.tone = new Intl.NumberFormat(ctx.language, {
      maximumFractionDigits: 2,
      minimumFractionDigits: 2,
      signDisplay: 'exceptZero',
    }).format(params.tone);
  }
  if (typeof params.amount === 'number' && played)
    out.amount = money(params.amount, played.scenario, ctx.language);
  return out;
}
