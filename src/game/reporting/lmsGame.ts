/**
 * What the game does differently inside a learning management system, wired to its services: every
 * save is kept there as resume data (and the trainee told when a long attempt no longer fits), a save
 * the learning system kept is offered on the menu, the session ends with the page, and the finished
 * attempt is reported with its decisions. Loaded with `lmsMode.ts`, only in a package.
 */
import type { Scorecard } from '../../core/scoring/scorecard';
import { clockText, type GameServices } from '../services';
import { adoptResume, type LmsMode, passes, seedOf } from './lmsMode';

/** Joins the game to the learning system `lms` opened: resume, resume data, and the page's end. */
export function joinLms(services: GameServices, lms: LmsMode): void {
  const t = services.i18n.t;
  const session = lms.session;
  if (!session) {
    services.notify(t('lms.notConnected', { reason: lms.problem ?? '' }));
    return;
  }
  const language = () => services.settings.value.language;
  if (session.resume) {
    const taken = adoptResume(session.resume, services.store, services.settings.value, services.now().toISOString());
    if (taken && session.resume.cutAt !== null)
      services.notify(t('lms.resumedCut', { time: clockText(session.resume.cutAt, language()) }));
  }
  // Once a save no longer fits, the part that does is kept and stays the same: later saves of the
  // same attempt only add inputs, so they are not cut again (each cut replays the attempt).
  let settled: unknown = null;
  services.store.alsoKeep = (stored) => {
    const seed = seedOf(stored.save);
    if (settled !== null && seed === settled) return;
    const outcome = session.suspend(stored.save);
    lms.lastSuspend = outcome;
    if (outcome.kept === 'whole') return;
    settled = seed;
    services.notify(
      outcome.kept === 'cut' && outcome.cutAt !== null
        ? t('lms.resumeCut', { time: clockText(outcome.cutAt, language()) })
        : t('lms.resumeNone'),
    );
  };
  // Closing the window or leaving the page ends the session; what was kept is committed first.
  window.addEventListener('pagehide', () => session.end());
}

/**
 * Reports a finished attempt to the learning system: status, score, session time and its decisions.
 * Says what was sent, or, when the learning system would not take it after its retries, why, and that
 * the scorecard is kept on this device.
 */
export async function reportFinished(services: GameServices, lms: LmsMode, scorecard: Scorecard): Promise<void> {
  const t = services.i18n.t;
  if (!lms.session) return;
  const reported = await lms.session.finish({
    scorecard,
    masteryScore: lms.launch.masteryScore,
    sessionMs: Math.max(0, Date.now() - lms.openedAt),
  });
  const score = scorecard.score.overall ?? 0;
  const said = reported.ok
    ? t(passes(scorecard, lms.launch.masteryScore) ? 'lms.reportedPassed' : 'lms.reportedFailed', {
        score,
        mastery: lms.launch.masteryScore,
      })
    : t('lms.notReported', { reason: reported.problems[0]?.message ?? '' });
  services.notify(said);
  services.announce(said);
}
