/**
 * The debrief screen, in the order a new hire learns from it: the grade and how each customer's
 * contact ended (with every critical error, in plain words); the tips, most costly first, and lighter
 * notes to polish; what good handling of the case looked like; what the four grades mean; each
 * dimension with its evidence; and the transcript, with the words that earned (green) or cost (red)
 * points marked and explained and the trainee's actions in place. From here the trainee tries again,
 * exports the scorecard as a JSON file, prints, or returns to the menu.
 */
import type { TFunction } from 'i18next';
import type { DebriefView, TranscriptLine } from '../debrief/debriefView';
import { button, card, el } from './dom';
import { gradeEmblemNode } from './emblems';

/** What the debrief asks the game to do. */
export interface DebriefActions {
  /** Left out where the attempt cannot be played again from here (a manager's drill-down). */
  readonly tryAgain?: () => void;
  /** What the try-again button says, when not "Try again" (a draft from the studio is played again). */
  readonly tryAgainLabel?: string;
  /**
   * Saves the play as a playthrough file (a draft play from the trainer's studio); the button shows
   * only when this is given.
   */
  readonly saveAsPlaythrough?: () => void;
  readonly exportScorecard: () => void;
  readonly print: () => void;
  /** Where the last button goes, and what it says (the game's menu; the manager's trainee). */
  readonly back: { readonly label: string; readonly go: () => void };
}

function gradeCard(
  view: DebriefView,
  meta: { readonly trainee: string },
  actions: DebriefActions,
  t: TFunction,
): HTMLElement {
  const score = view.overall === null ? '–' : String(Math.round(view.overall));
  // The grade earned is the legend's current one; its medal is revealed with a short animation.
  const earned = view.legend.grades.find((g) => g.current)?.grade;
  return card(
    { id: 'debrief-grade', heading: t('debrief.grade'), className: 'grade' },
    earned ? gradeEmblemNode(earned, 64, 'grade-emblem grade-reveal') : null,
    el('p', { class: 'grade-value', text: view.grade }),
    el('p', { class: 'grade-score', text: t('debrief.overall', { score }) }),
    view.uncapped === null
      ? null
      : el('p', { class: 'grade-capped', text: t('debrief.capped', { score: view.uncapped }) }),
    meta.trainee ? el('p', { text: t('debrief.trainee', { name: meta.trainee }) }) : null,
    el(
      'div',
      { class: 'action-row' },
      actions.tryAgain
        ? button(actions.tryAgainLabel ?? t('debrief.tryAgain'), actions.tryAgain, { class: 'primary' })
        : null,
      actions.saveAsPlaythrough ? button(t('debrief.saveAsPlaythrough'), actions.saveAsPlaythrough) : null,
      button(t('debrief.export'), actions.exportScorecard),
      button(t('debrief.print'), actions.print),
      button(actions.back.label, actions.back.go),
    ),
  );
}

function outcomesCard(view: DebriefView, shift: boolean, t: TFunction): HTMLElement {
  return card(
    { id: 'debrief-outcomes', heading: t('debrief.outcomes'), className: 'outcomes-card' },
    el(
      'ul',
      { class: 'outcomes' },
      ...view.outcomes.map((o) =>
        el(
          'li',
          { class: `outcome tone-${o.tone}` },
          el('p', { class: 'outcome-text', text: o.text }),
          o.details.length > 0
            ? el('ul', { class: 'outcome-details' }, ...o.details.map((d) => el('li', { text: d })))
            : null,
          o.critical.length > 0
            ? el(
                'ul',
                {
                  class: 'critical',
                  'aria-label': shift ? t('debrief.criticalWith', { name: o.name }) : t('debrief.critical'),
                },
                ...o.critical.map((c) => el('li', { text: c.text })),
              )
            : null,
        ),
      ),
    ),
    view.critical.length > 0 ? el('p', { class: 'critical-intro', text: t('debrief.criticalIntro') }) : null,
  );
}

function tipsCard(view: DebriefView, t: TFunction): HTMLElement {
  const note = (n: DebriefView['polish'][number]) =>
    el(
      'li',
      {},
      el('span', {
        class: 'tip-who',
        text: t('debrief.noteHead', { name: n.names.join(', '), dimension: n.dimension, score: n.score }),
      }),
      ' ',
      n.text,
    );
  return card(
    { id: 'debrief-tips', heading: t('debrief.tips'), className: 'tips-card' },
    view.tips.length > 0
      ? el(
          'ol',
          { class: 'tips' },
          ...view.tips.map((tip) =>
            el(
              'li',
              { class: tip.critical ? 'tip critical-tip' : 'tip' },
              el('span', { class: 'tip-who', text: t('debrief.tipWho', { names: tip.names.join(', ') }) }),
              ' ',
              tip.text,
              ' ',
              el('span', {
                class: 'tip-cost',
                text:
                  tip.cost === null
                    ? t('debrief.tipCapped')
                    : t('debrief.tipCost', { count: Math.max(1, Math.round(tip.cost)) }),
              }),
            ),
          ),
        )
      : null,
    view.polish.length > 0 ? el('h3', { id: 'debrief-polish', text: t('debrief.polish') }) : null,
    view.polish.length > 0
      ? el('ul', { class: 'polish', 'aria-labelledby': 'debrief-polish' }, ...view.polish.map(note))
      : null,
    view.limits.length > 0 ? el('ul', { class: 'limits' }, ...view.limits.map(note)) : null,
    view.nothingToImprove ? el('p', { text: t('debrief.noTips') }) : null,
  );
}

function expectedCard(view: DebriefView, shift: boolean, t: TFunction): HTMLElement {
  return card(
    { id: 'debrief-expected', heading: t('debrief.expected.heading') },
    ...view.expected.map((c, i) =>
      el(
        'div',
        { class: 'expected-case' },
        el('h3', {
          id: `expected-${i}`,
          text: shift ? t('debrief.expected.caseOf', { title: c.title, names: c.names.join(', ') }) : c.title,
        }),
        el('p', { class: 'expected-level', text: c.level }),
        el('p', { class: 'expected-why', text: c.why }),
        el('h4', { text: t('debrief.expected.settles') }),
        el('ul', {}, ...c.resolutions.map((r) => el('li', { text: r }))),
        c.handoff.length > 0 ? el('h4', { text: t('debrief.expected.note') }) : null,
        c.handoff.length > 0 ? el('p', { text: c.handoff.join(t('debrief.listSeparator')) }) : null,
        el('p', { class: 'expected-follow-up', text: c.followUp }),
      ),
    ),
  );
}

function legendCard(view: DebriefView, t: TFunction): HTMLElement {
  return card(
    { id: 'debrief-legend', heading: t('debrief.legend.heading') },
    el(
      'dl',
      { class: 'legend' },
      ...view.legend.grades.flatMap((g) => [
        el(
          'dt',
          { class: g.current ? 'current' : undefined },
          el('span', { class: 'legend-name' }, gradeEmblemNode(g.grade, 24), g.name),
          ' ',
          el('span', { class: 'legend-range', text: g.range }),
          g.current ? el('span', { class: 'legend-yours', text: t('debrief.legend.yours') }) : null,
        ),
        el('dd', { class: g.current ? 'current' : undefined, text: g.meaning }),
      ]),
    ),
    el('p', { class: 'legend-cap', text: view.legend.cap }),
  );
}

function dimensionsCard(view: DebriefView, t: TFunction): HTMLElement {
  return card(
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
}

function transcriptLine(line: TranscriptLine, clock: (ms: number) => string, t: TFunction): HTMLElement {
  return el(
    'li',
    { class: `line from-${line.from}${line.status ? ` status-${line.status}` : ''}` },
    el('span', { class: 'who', text: line.who }),
    el('span', { class: 'when', text: clock(line.at) }),
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
      line.statusText ? ' ' : null,
      line.statusText ? el('span', { class: 'action-status', text: line.statusText }) : null,
    ),
    line.quote ? el('blockquote', { class: 'quote', text: line.quote }) : null,
    line.notes.length > 0
      ? el(
          'ul',
          { class: 'line-notes' },
          ...line.notes.map((n) =>
            el(
              'li',
              { class: n.points > 0 ? 'credit' : 'cost' },
              el('span', {
                class: 'points',
                text: n.critical
                  ? t('debrief.criticalNote')
                  : `${n.points > 0 ? '+' : '−'}${Math.abs(n.points)}`,
              }),
              ' ',
              n.text,
            ),
          ),
        )
      : null,
  );
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
    /** A line under the title saying what kind of play this was (a draft from the studio). */
    readonly notice?: string;
  },
  actions: DebriefActions,
  t: TFunction,
): void {
  const transcript = card(
    { id: 'debrief-transcript', heading: t('debrief.transcript'), className: 'wide' },
    el('p', { class: 'transcript-key', text: t('debrief.transcriptKey') }),
    el('ol', { class: 'transcript' }, ...view.transcript.map((line) => transcriptLine(line, meta.clock, t))),
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
        meta.notice ? el('p', { class: 'debrief-notice', text: meta.notice }) : null,
      ),
      el(
        'div',
        { class: 'debrief-grid' },
        gradeCard(view, meta, actions, t),
        outcomesCard(view, meta.shift, t),
        tipsCard(view, t),
        expectedCard(view, meta.shift, t),
        legendCard(view, t),
        dimensionsCard(view, t),
        transcript,
      ),
    ),
  );
}
