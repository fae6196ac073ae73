/**
 * The game's own debrief, for the manager: the same view, the same translations and the same
 * annotated transcript the trainee saw, so a manager's drill-down reads exactly what the trainee read.
 * Loaded only when a manager opens an attempt or a scenario (it brings the game's translations and the
 * debrief's code), and kept per language.
 */
import type { i18n as I18n } from 'i18next';
import type { Scenario } from '../core/scenario/types';
import type { Scorecard } from '../core/scoring/scorecard';
import { type DebriefContext, playedContacts, wordsFor } from '../game/debrief/debriefContext';
import { debriefView } from '../game/debrief/debriefView';
import { createI18n, type UiLanguage } from '../game/i18n';
import { clockText, durationText } from '../game/services';
import { type DebriefActions, renderDebrief } from '../game/ui/DebriefPanel';

type Params = Readonly<Record<string, string | number>>;

/** What the manager's views ask of the debrief. */
export interface DebriefReader {
  /** A piece of evidence in words, as the trainee's debrief says it. */
  evidence(card: Scorecard, contact: string, key: string, params: Params): string;
  /** A critical error in words. */
  critical(card: Scorecard, contact: string, key: string, params: Params): string;
  /** Renders the whole debrief of a scorecard into `root`. */
  render(root: HTMLElement, card: Scorecard, title: string, actions: DebriefActions): void;
}

const instances = new Map<UiLanguage, Promise<I18n>>();

/** The debrief in a language, with the scenario versions the page holds. */
export async function openDebriefReader(
  language: UiLanguage,
  scenarios: readonly Scenario[],
): Promise<DebriefReader> {
  let loading = instances.get(language);
  if (!loading) {
    loading = createI18n(language);
    instances.set(language, loading);
  }
  const i18n = await loading;
  const ctx: DebriefContext = {
    t: i18n.t,
    language,
    clock: (ms) => clockText(ms, language),
    duration: (ms) => durationText(ms, language),
    scenarios,
  };
  const words = (card: Scorecard, contact: string, params: Params) =>
    wordsFor(
      ctx,
      params,
      playedContacts(card, scenarios).find((p) => p.contact === contact),
    );
  return {
    evidence: (card, contact, key, params) =>
      i18n.t(`scorecard.evidence.${key}`, words(card, contact, params)),
    critical: (card, contact, key, params) =>
      i18n.t(`scorecard.critical.${key}`, words(card, contact, params)),
    render(root, card, title, actions) {
      renderDebrief(
        root,
        debriefView(card, ctx),
        { title, trainee: card.trainee.name, shift: card.attempt.mode === 'shift', clock: ctx.clock },
        actions,
        i18n.t,
      );
    },
  };
}
