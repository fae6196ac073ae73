/**
 * A playthrough's tips in words, as the game words them: the `scorecard.tips.*` sentence in the
 * interface language asked for, its values (the words quoted, the fact's label) filled in by the
 * debrief's own `wordsFor`, so the command line and the scorecard never word a tip two ways.
 */
import type { Tip } from '../core';
import { clock, type PlaythroughRun } from '../core/playthrough/runPlaythrough';
import { createScorecard, traineeIdFromName } from '../core/scoring/scorecard';
import { type DebriefContext, playedContacts, wordsFor } from '../game/debrief/debriefContext';
import { createI18n, UI_LANGUAGES, type UiLanguage } from '../game/i18n';

/** True for a language the interface (and so a tip) can be worded in. */
export function isUiLanguage(language: string): language is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(language);
}

/**
 * Words each tip of `run` in `language`; a tip with no sentence in the translations keeps its key,
 * so a new rubric key shows up rather than vanishing.
 */
export async function tipWording(run: PlaythroughRun, language: UiLanguage): Promise<(tip: Tip) => string> {
  const i18n = await createI18n(language);
  const card = createScorecard(run.session.transcript, run.scenarios, {
    trainee: { name: 'Playthrough', id: traineeIdFromName('Playthrough') },
    attemptId: `playthrough:${run.file}`,
    language: run.language,
    finishedAt: null,
  });
  const played = playedContacts(card, run.scenarios);
  const ctx: DebriefContext = { t: i18n.t, language, clock, duration: clock, scenarios: run.scenarios };
  return (tip) => {
    // The contact the tip is about, for its facts' labels and its currency.
    const about = played.find((p) => p.scores.tips.some((t) => t.key === tip.key && t.seq === tip.seq));
    return i18n.t(`scorecard.tips.${tip.key}`, {
      ...wordsFor(ctx, tip.params, about),
      defaultValue: tip.key,
    });
  };
}
