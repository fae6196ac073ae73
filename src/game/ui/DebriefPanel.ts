/**
 * The debrief screen: the grade, each dimension with its score and evidence, the tips, and the
 * transcript with the words that earned (green) or cost (red) points marked and explained. From here
 * the trainee tries again, exports the scorecard as a JSON file, prints, or returns to the menu.
 */
import type { TFunction } from 'i18next';
import type { DebriefView } from '../debrief/debriefView';
import { button, card, el } from './dom';

/** What the debrief asks the game to do. */
export interface DebriefActions {
  readonly tryAgain: () => void;
  readonly exportScorecard: () => void;
  readonly print: () => void;
  readonly menu: () => void;
}

/** Renders the debrief into `root`. */
export function renderDebrief(
  root: HTMLElement,
  view: DebriefView,
  meta: {
    readonly title: string;
    readonly trainee: string;
    readonly shift: boolean;
    readonly clock: (ms: number) => string;
    readonly names: (contact: string) => string;
  },
  actions: DebriefActions,
  t: TFunction,
): void {
  const score = view.overall === null ? '–' : String(Math.round(view.overall));
  const dimensions = card(
    { id: 'debrief-dimensions', heading: t('debrief.dimensions') },
    ...view.dimensions.map((d) =>
      el(
        'details',
        { class: 'dimension' },
        el(
          'summary',
          {},
          el('span', { class: 'dimension-name', text: d.name }),
          el('span', {
            class: 'dimension-score',
            text:
              d.score === null ? t('debrief.notScored') : t('debrief.score', { score: Math.round(d.score) }),
          }),
          el('meter', { min: 0, max: 100, value: d.score ?? 0, 'aria-hidden': 'true' }),
        ),
        el(
          'ul',
          { class: 'evidence' },
          ...d.evidence.map((e) =>
            el(
              'li',
              { class: e.points > 0 ? 'credit' : e.points < 0 ? 'cost' : 'note' },
              el('span', {
                class: 'points',
                text: e.points === 0 ? '·' : `${e.points > 0 ? '+' : '−'}${Math.abs(e.points)}`,
              }),
              ' ',
              e.text,
            ),
          ),
        ),
      ),
    ),
  );
  // Critical errors sit with the grade they capped, before anything else: they are the lesson.
  const critical =
    view.critical.length === 0
      ? []
      : [
          el('h3', { id: 'debrief-critical', text: t('debrief.critical') }),
          el('p', { text: t('debrief.criticalIntro') }),
          el(
            'ul',
            { class: 'critical', 'aria-labelledby': 'debrief-critical' },
            ...view.critical.map((c) =>
              el('li', {
                text: meta.shift
                  ? t('debrief.criticalFor', { name: meta.names(c.contact), error: c.text })
                  : c.text,
              }),
            ),
          ),
        ];
  const tips = card(
    { id: 'debrief-tips', heading: t('debrief.tips') },
    view.tips.length > 0
      ? el(
          'ul',
          { class: 'tips' },
          ...view.tips.map((tip) =>
            el('li', {
              text: meta.shift
                ? t('debrief.tipFor', { name: meta.names(tip.contact), tip: tip.text })
                : tip.text,
            }),
          ),
        )
      : el('p', { text: t('debrief.noTips') }),
  );
  const transcript = card(
    { id: 'debrief-transcript', heading: t('debrief.transcript') },
    el(
      'ol',
      { class: 'transcript' },
      ...view.transcript.map((line) =>
        el(
          'li',
          { class: `line from-${line.from}` },
          el('span', {
            class: 'who',
            text: line.from === 'customer' ? meta.names(line.contact) : t('desk.you'),
          }),
          el('span', { class: 'when', text: meta.clock(line.at) }),
          el(
            'p',
            { class: 'words' },
            ...line.segments.map((s) =>
              s.mark
                ? el(
                    'mark',
                    { class: s.mark, title: s.why ?? undefined, text: s.text },
                    el('span', { class: 'sr-only', text: ` (${s.why ?? ''})` }),
                  )
                : s.text,
            ),
          ),
        ),
      ),
    ),
  );
  root.replaceChildren(
    el(
      'div',
      { class: 'debrief' },
      el(
        'header',
        { class: 'masthead' },
        el('h1', { text: t('debrief.heading') }),
        el('p', { text: meta.title }),
      ),
      card(
        { id: 'debrief-grade', heading: t('debrief.grade'), className: 'grade' },
        el('p', { class: 'grade-value', text: view.grade }),
        el('p', { class: 'grade-score', text: t('debrief.overall', { score }) }),
        ...(view.uncapped === null
          ? []
          : [el('p', { class: 'grade-capped', text: t('debrief.capped', { score: view.uncapped }) })]),
        ...critical,
        el('p', { text: meta.trainee ? t('debrief.trainee', { name: meta.trainee }) : '' }),
        el(
          'div',
          { class: 'action-row' },
          button(t('debrief.tryAgain'), actions.tryAgain, { class: 'primary' }),
          button(t('debrief.export'), actions.exportScorecard),
          button(t('debrief.print'), actions.print),
          button(t('debrief.menu'), actions.menu),
        ),
      ),
      tips,
      dimensions,
      transcript,
    ),
  );
}
