/**
 * One trainee in the manager's review: who they are, their progress on every dimension over their
 * attempts (a chart, and the same figures as a table), and the list of their attempts, each opening
 * the debrief the trainee saw. And that drill-down itself: the attempt's checks, then the debrief.
 */
import { html, nothing } from 'lit-html';
import { DIMENSIONS } from '../core/scenario/schema';
import { gradeEmblem } from '../game/ui/emblems';
import { type AttemptPoint, traineeTimeline } from './insights';
import { type Attempt, HEADLINE, summaryOf, type TeamRow, traineeKey } from './team';
import { breadcrumb, dayText, hrefOf, scenarioTitle, tableTools, type ViewContext } from './viewContext';

/** The chart's lines: the overall score, then the headline dimensions, told apart by colour and dash. */
export const CHART_LINES = [
  { key: 'overall', color: '#1f3a5f', dash: [] },
  { key: 'empathy', color: '#b5386a', dash: [8, 4] },
  { key: 'promises', color: '#2e7d4f', dash: [2, 3] },
  { key: 'tier', color: '#a35a00', dash: [10, 3, 2, 3] },
] as const;

/** The scores a chart line plots for each attempt. */
export function chartValues(points: readonly AttemptPoint[], key: (typeof CHART_LINES)[number]['key']) {
  return points.map((p) => (key === 'overall' ? p.overall : (p.dimensions[key] ?? null)));
}

function whatWasPlayed(ctx: ViewContext, point: AttemptPoint): string {
  return point.scenarios.map((id) => scenarioTitle(ctx, id)).join(', ');
}

function trustBadge(ctx: ViewContext, trust: Attempt['trust']) {
  return html`<span class="trust-badge" data-trust=${trust}>${ctx.t(`trust.${trust}`)}</span>`;
}

export function traineeView(ctx: ViewContext, row: TeamRow) {
  const t = ctx.t;
  const points = traineeTimeline(ctx.attempts, row.key);
  const name = row.name || '—';
  const scored = points.filter((p) => p.overall !== null);
  return html`${breadcrumb(ctx, [{ label: t('team.heading'), href: hrefOf({ view: 'team' }) }, { label: name }])}
    <section class="card view" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${name}${row.employeeId ? html` <span class="who-id">(${row.employeeId})</span>` : nothing}</h2>
      <p>${t('trainee.summary', {
        attempts: row.attempts,
        verified: row.verified,
        latest: row.latestGrade ? t(`grades.${row.latestGrade}`) : '—',
        best: row.bestGrade ? t(`grades.${row.bestGrade}`) : '—',
        last: dayText(ctx, row.lastActive),
      })}${row.unchecked > 0 ? ` ${t('trainee.unchecked', { count: row.unchecked })}` : ''}</p>
      ${row.id ? html`<p class="field-hint">${t('trainee.id', { id: row.id })}</p>` : nothing}
    </section>
    <section class="card view" aria-labelledby="progress-heading">
      <h2 id="progress-heading">${t('trainee.progress')}</h2>
      ${
        scored.length < 2
          ? html`<p class="empty">${t('trainee.tooFew')}</p>`
          : html`<figure class="chart">
              <div id="progress-chart" class="chart-area" aria-hidden="true"></div>
              <figcaption>${t('trainee.chartCaption')}</figcaption>
            </figure>
            <ul class="chart-key" aria-hidden="true">
              ${CHART_LINES.map(
                (line) =>
                  html`<li><svg width="36" height="10"><line x1="0" y1="5" x2="36" y2="5" stroke=${line.color} stroke-width="3" stroke-dasharray=${line.dash.join(' ')} /></svg>${t(line.key === 'overall' ? 'trainee.overall' : `team.columns.${line.key}`)}</li>`,
              )}
            </ul>`
      }
      <details class="as-table" ?open=${scored.length < 2 && points.length > 0}>
        <summary>${t('trainee.asTable')}</summary>
        <div class="table-wrap">
          <table class="data">
            <caption>${t('trainee.tableCaption', { name })}</caption>
            <thead><tr>
              <th scope="col">${t('trainee.attemptN')}</th>
              <th scope="col">${t('trainee.when')}</th>
              <th scope="col">${t('trainee.overall')}</th>
              ${DIMENSIONS.map((d) => html`<th scope="col">${t(`dimensions.${d}`)}</th>`)}
            </tr></thead>
            <tbody>
              ${points.map(
                (p, i) => html`<tr>
                  <th scope="row">${i + 1}</th>
                  <td>${dayText(ctx, p.finishedAt)}</td>
                  <td>${p.overall ?? '—'}</td>
                  ${DIMENSIONS.map((d) => html`<td>${p.dimensions[d] ?? '—'}</td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </section>
    <section class="card view" aria-labelledby="list-heading">
      <h2 id="list-heading">${t('trainee.attempts')}</h2>
      ${tableTools(ctx, `${name.replace(/[^\p{L}\p{N}]+/gu, '-') || 'trainee'}.csv`, () => [
        [
          t('trainee.when'),
          t('trainee.played'),
          t('trainee.grade'),
          t('trainee.overall'),
          ...DIMENSIONS.map((d) => t(`dimensions.${d}`)),
          t('trainee.critical'),
          t('trainee.check'),
        ],
        ...points.map((p) => [
          p.finishedAt,
          whatWasPlayed(ctx, p),
          p.grade ? t(`grades.${p.grade}`) : null,
          p.overall,
          ...DIMENSIONS.map((d) => p.dimensions[d]),
          p.critical,
          t(`trust.${p.trust}`),
        ]),
      ])}
      <div class="table-wrap">
        <table class="data">
          <caption class="sr-only">${t('trainee.attemptsOf', { name })}</caption>
          <thead><tr>
            <th scope="col">${t('trainee.when')}</th>
            <th scope="col">${t('trainee.played')}</th>
            <th scope="col">${t('trainee.grade')}</th>
            ${HEADLINE.map((d) => html`<th scope="col">${t(`team.columns.${d}`)}</th>`)}
            <th scope="col">${t('trainee.critical')}</th>
            <th scope="col">${t('trainee.check')}</th>
          </tr></thead>
          <tbody>
            ${[...points].reverse().map(
              (p) => html`<tr>
                <th scope="row"><a href=${hrefOf({ view: 'attempt', hash: p.hash })}>${dayText(ctx, p.finishedAt)}</a></th>
                <td>${whatWasPlayed(ctx, p)}${p.mode === 'shift' ? html` <span class="who-id">(${t('trainee.shift')})</span>` : nothing}</td>
                <td class="grade-cell">${gradeEmblem(p.grade)}${p.grade ? t(`grades.${p.grade}`) : '—'} ${p.overall ?? ''}</td>
                ${HEADLINE.map((d) => html`<td>${p.dimensions[d] ?? '—'}</td>`)}
                <td>${p.critical}</td>
                <td>${trustBadge(ctx, p.trust)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="field-hint">${t('trainee.openHint')}</p>
    </section>`;
}

/** The drill-down's frame: the trail back, what the checks said, and the place the debrief goes. */
export function attemptView(ctx: ViewContext, attempt: Attempt) {
  const t = ctx.t;
  const s = summaryOf(attempt);
  const name = s.trainee.name || '—';
  const what = s.scenarios.map((x) => scenarioTitle(ctx, x.id)).join(', ');
  return html`${breadcrumb(ctx, [
    { label: t('team.heading'), href: hrefOf({ view: 'team' }) },
    { label: name, href: hrefOf({ view: 'trainee', key: traineeKey(attempt) }) },
    { label: `${what} · ${dayText(ctx, s.attempt.finishedAt)}` },
  ])}
    <section class="card view" aria-labelledby="view-heading" data-trust=${attempt.trust}>
      <h2 id="view-heading" tabindex="-1">${t('drill.heading', { name, what })}</h2>
      <p>${trustBadge(ctx, attempt.trust)} ${t(`trust.about.${attempt.trust}`)}</p>
      ${attempt.fields.length > 0 ? html`<p class="fields">${t('attempts.fields', { fields: attempt.fields.join(', ') })}</p>` : nothing}
      <p class="field-hint">${t('drill.file', { file: attempt.file })}</p>
      ${
        attempt.read.current
          ? nothing
          : html`<p class="warning-text">${t('statement' in attempt.read ? 'drill.statementOnly' : 'drill.oldFormat')}</p>`
      }
    </section>
    ${attempt.read.current ? html`<div id="drill" class="drill"><p class="empty">${t('drill.loading')}</p></div>` : nothing}`;
}
