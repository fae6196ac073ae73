/**
 * What the game does differently inside a learning management system, wired to its services: every
 * save is kept there as resume data (and the trainee told when a long attempt no longer fits), a save
 * the learning system kept is offered on the menu, the session ends with the page, and the finished
 * attempt is reported with its decisions. Loaded with `lmsMode.ts`, only in a package.
 */
import type { Scorecard } from '../../core/scoring/scorecard';
import { clockText, type GameServices } from '../services';
import { adoptResume, type LmsMode, passes, seedOf } from './lmsMode';
import type { ReportProblem } from './reporting';

/** A learning system's problem in the trainee's language, with its own error number when it gave one. */
function problemText(t: GameServices['i18n']['t'], problem: ReportProblem | null | undefined): string {
  if (!problem) return '';
  const error = problem.lmsError && problem.lmsError !== '0' ? problem.lmsError : '';
  const said = t(`lms.problems.${problem.code}`);
  return `${said}${error ? ` ${t('lms.errorNumber', { error })}` : ''}.`;
}

/** Joins the game to the learning system `lms` opened: resume, resume data, and the page's end. */
export function joinLms(services: GameServices, lms: LmsMode): void {
  const t = services.i18n.t;
  const session = lms.session;
  if (!session) {
    services.notify(t('lms.notConnected', { reason: problemText(t, lms.problem) }));
    return;
  }
  const language = () => services.settings.value.language;
  if (lms.problem) services.notify(problemText(t, lms.problem));
  if (session.resume) {
    const taken = adoptResume(
      session.resume,
      services.store,
      services.settings.value,
      services.now().toISOString(),
    );
    if (taken && session.resume.cutAt !== null)
      services.notify(t('lms.resumedCut', { time: clockText(session.resume.cutAt, language()) }));
  }
  // Said once per attempt: a save too long to keep whole (later saves keep the same part), or one the
  // learning system would not take.
  let told: unknown = null;
  services.store.alsoKeep = (stored) => {
    const outcome = session.suspend(stored.save);
    lms.lastSuspend = outcome;
    const seed = seedOf(stored.save);
    if ((outcome.kept === 'whole' && !outcome.problem) || told === seed) return;
    told = seed;
    services.notify(
      outcome.problem
        ? t('lms.resumeNotKept', { reason: problemText(t, outcome.problem) })
        : outcome.kept === 'cut' && outcome.cutAt !== null
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
export async function reportFinished(
  services: GameServices,
  lms: LmsMode,
  scorecard: Scorecard,
): Promise<void> {
  const t = services.i18n.t;
  if (!lms.session) return;
  // The learning system's own mastery score (cmi5's launch data) comes before the package's.
  const mastery = lms.session.masteryScore ?? lms.launch.masteryScore;
  const reported = await lms.session.finish({
    scorecard,
    masteryScore: mastery,
    sessionMs: Math.max(0, Date.now() - lms.openedAt),
  });
  const score = scorecard.score.overall;
  const problem = reported.ok ? null : reported.problems[0];
  const said =
    problem?.code === 'queued'
      ? t('lms.queued')
      : problem?.code === 'refused'
        ? t('lms.refused', { detail: problem.message.split('. Statement:')[0]?.slice(0, 300) })
        : problem?.code === 'not-recorded'
          ? t('lms.notRecorded')
          : problem
            ? t('lms.notReported', { reason: problemText(t, problem) })
            : score === null
              ? t('lms.reportedUnscored')
              : t(passes(scorecard, mastery) ? 'lms.reportedPassed' : 'lms.reportedFailed', {
                  score,
                  mastery,
                });
  services.notify(said);
  services.announce(said);
  if (problem?.code === 'queued') {
    lms.session.whenDelivered?.(() => {
      const sent = t('lms.deliveredLater');
      services.notify(sent);
      services.announce(sent);
    });
  }
}
