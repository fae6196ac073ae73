/**
 * How each scenario goes across the team: a table of every scenario played (how often, by how many
 * trainees, its grades, walk-outs and critical errors), and one scenario in detail: its grade
 * distribution, the dimensions that score lowest, the evidence that cost the most points (in the words
 * the trainee's debrief used), the beats where customers walk out, and the critical errors made, each
 * with an attempt to open.
 */
import { html, nothing } from 'lit-html';
import { styleMap } from 'lit-html/directives/style-map.js';
import { GRADES } from '../core/scoring/scoringRules';
import { inLanguage } from '../game/text';
import { gradeEmblem } from '../game/ui/emblems';
import { type Example, type ScenarioStats, scenarioStats } from './insights';
import type { Attempt } from './team';
import { breadcrumb, hrefOf, scenarioTitle, tableTools, type ViewContext } from './viewContext';

/** How many of the costliest pieces of evidence the detail lists. */
const COSTLY_SHOWN = 8;

function gradeBars(ctx: ViewContext, stats: ScenarioStats) {
  const graded = GRADES.reduce((n, g) => n + stats.grades[g], 0);
  return html`<table class="data grades">
    <caption>${ctx.t('scenario.gradesCaption', { count: graded })}</caption>
    <thead><tr><th scope="col">${ctx.t('scenario.grade')}</th><th scope="col">${ctx.t('scenario.plays')}</th><th scope="col"><span class="sr-only">${ctx.t('scenario.share')}</span></th></tr></thead>
    <tbody>
      ${GRADES.map((g) => {
        const share = graded === 0 ? 0 : Math.round((100 * stats.grades[g]) / graded);
        return html`<tr>
          <th scope="row" class="grade-cell">${gradeEmblem(g)}${ctx.t(`grades.${g}`)}</th>
          <td>${stats.grades[g]}</td>
          <td class="bar-cell"><span class="bar grade-${g}" style=${styleMap({ width: `${share}%` })}></span> <span class="share">${share}%</span></td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** Every scenario the team played, most played first. */
export function scenariosView(ctx: ViewContext) {
  const t = ctx.t;
  const all = scenarioStats(ctx.attempts);
  return html`<section class="card view" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('scenarios.heading')}</h2>
    ${
      all.length === 0
        ? html`<p class="empty">${t('team.empty')}</p>`
        : html`${tableTools(ctx, 'scenarios.csv', () => [
            [
              t('scenarios.scenario'),
              t('scenarios.level'),
              t('scenario.plays'),
              t('scenarios.trainees'),
              ...GRADES.map((g) => t(`grades.${g}`)),
              t('scenarios.walkOuts'),
              t('scenarios.critical'),
            ],
            ...all.map((s) => [
              scenarioTitle(ctx, s.id),
              ctx.scenarios.find((x) => x.id === s.id)?.level ?? null,
              s.plays,
              s.trainees,
              ...GRADES.map((g) => s.grades[g]),
              s.walkOuts,
              s.critical.reduce((n, c) => n + c.count, 0),
            ]),
          ])}<div class="table-wrap"><table class="data">
            <caption class="sr-only">${t('scenarios.heading')}</caption>
            <thead><tr>
              <th scope="col">${t('scenarios.scenario')}</th>
              <th scope="col">${t('scenarios.level')}</th>
              <th scope="col">${t('scenario.plays')}</th>
              <th scope="col">${t('scenarios.trainees')}</th>
              ${GRADES.map((g) => html`<th scope="col">${t(`grades.${g}`)}</th>`)}
              <th scope="col">${t('scenarios.walkOuts')}</th>
              <th scope="col">${t('scenarios.critical')}</th>
            </tr></thead>
            <tbody>${all.map((s) => {
              const scenario = ctx.scenarios.find((x) => x.id === s.id);
              return html`<tr>
                <th scope="row"><a href=${hrefOf({ view: 'scenario', id: s.id })}>${scenarioTitle(ctx, s.id)}</a></th>
                <td>${scenario ? scenario.level : '—'}</td>
                <td>${s.plays}</td>
                <td>${s.trainees}</td>
                ${GRADES.map((g) => html`<td>${s.grades[g]}</td>`)}
                <td>${s.walkOuts}</td>
                <td>${s.critical.reduce((n, c) => n + c.count, 0)}</td>
              </tr>`;
            })}</tbody>
          </table></div>`
    }
  </section>`;
}

function exampleLink(ctx: ViewContext, example: Example) {
  return html`<a href=${hrefOf({ view: 'attempt', hash: example.hash })}>${ctx.t('scenario.seeIt')}</a>`;
}

/** What a piece of evidence or a critical error says, in the debrief's words once it has loaded. */
function inWords(
  ctx: ViewContext,
  example: Example,
  key: string,
  say: (
    reader: NonNullable<ViewContext['reader']>,
    card: Extract<Attempt['read'], { current: true }>['scorecard'],
  ) => string,
): string {
  const attempt = ctx.attempts.find((a) => a.hash === example.hash);
  if (!ctx.reader || !attempt?.read.current) return key;
  return say(ctx.reader, attempt.read.scorecard);
}

/** One scenario across the team. */
export function scenarioView(ctx: ViewContext, id: string) {
  const t = ctx.t;
  const stats = scenarioStats(ctx.attempts).find((s) => s.id === id);
  const title = scenarioTitle(ctx, id);
  const scenario = ctx.scenarios.find((s) => s.id === id);
  const trail = breadcrumb(ctx, [
    { label: t('scenarios.heading'), href: hrefOf({ view: 'scenarios' }) },
    { label: title },
  ]);
  if (!stats) {
    return html`${trail}<section class="card view" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${title}</h2><p class="empty">${t('scenario.none')}</p></section>`;
  }
  const beatLine = (beat: string) => {
    const says = scenario?.beats.find((b) => b.id === beat)?.says[0];
    return says ? inLanguage(says, ctx.language) : null;
  };
  return html`${trail}
    <section class="card view" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${title}</h2>
      <p>${t('scenario.summary', { plays: stats.plays, trainees: stats.trainees, walkOuts: stats.walkOuts })}</p>
      ${scenario ? html`<p class="field-hint">${t('levelN', { level: scenario.level })} · ${t(`channels.${scenario.channel}`)}</p>` : nothing}
    </section>
    <div class="view-grid">
      <section class="card" aria-labelledby="grades-heading">
        <h3 id="grades-heading">${t('scenario.grades')}</h3>
        ${gradeBars(ctx, stats)}
      </section>
      <section class="card" aria-labelledby="dimensions-heading">
        <h3 id="dimensions-heading">${t('scenario.dimensions')}</h3>
        <table class="data">
          <caption class="sr-only">${t('scenario.dimensions')}</caption>
          <thead><tr><th scope="col">${t('scenario.dimension')}</th><th scope="col">${t('scenario.mean')}</th><th scope="col">${t('scenario.plays')}</th></tr></thead>
          <tbody>${stats.dimensions.map(
            (d) =>
              html`<tr><th scope="row">${t(`dimensions.${d.dimension}`)}</th><td>${d.mean}</td><td>${d.plays}</td></tr>`,
          )}</tbody>
        </table>
      </section>
    </div>
    <section class="card view" aria-labelledby="costly-heading">
      <h3 id="costly-heading">${t('scenario.costly')}</h3>
      ${
        stats.costly.length === 0
          ? html`<p class="empty">${t('scenario.nothingCostly')}</p>`
          : html`<ol class="costly">${stats.costly.slice(0, COSTLY_SHOWN).map(
              (c) => html`<li>
                <span class="costly-what">${inWords(ctx, c.example, c.key, (r, card) => r.evidence(card, c.example.contact, c.key, c.example.params))}</span>
                <span class="costly-cost">${t('scenario.lost', { dimension: t(`dimensions.${c.dimension}`), points: Math.round(c.lost), plays: c.plays })}</span>
                ${exampleLink(ctx, c.example)}
              </li>`,
            )}</ol>`
      }
    </section>
    <div class="view-grid">
      <section class="card" aria-labelledby="walkouts-heading">
        <h3 id="walkouts-heading">${t('scenario.walkOuts')}</h3>
        ${
          stats.walkOutBeats.length === 0
            ? html`<p class="empty">${t('scenario.noWalkOuts')}</p>`
            : html`<ul>${stats.walkOutBeats.map((b) => {
                const line = beatLine(b.beat);
                return html`<li>${t('scenario.walkOutBeat', { beat: b.beat, count: b.count })}${line ? html`<blockquote class="quote">${line}</blockquote>` : nothing}</li>`;
              })}</ul>`
        }
      </section>
      <section class="card" aria-labelledby="critical-heading">
        <h3 id="critical-heading">${t('scenario.critical')}</h3>
        ${
          stats.critical.length === 0
            ? html`<p class="empty">${t('scenario.noCritical')}</p>`
            : html`<ul class="critical-list">${stats.critical.map(
                (
                  c,
                ) => html`<li>${inWords(ctx, c.example, c.key, (r, card) => r.critical(card, c.example.contact, c.key, c.example.params))}
                  <span class="costly-cost">${t('scenario.times', { count: c.count })}</span> ${exampleLink(ctx, c.example)}</li>`,
              )}</ul>`
        }
      </section>
    </div>`;
}
