/**
 * What every view of the manager's review reads: the translations, the imported attempts, the
 * scenario versions the page holds, and the game's debrief once it has loaded (for evidence in words).
 */
import type { TFunction } from 'i18next';
import { html } from 'lit-html';
import type { Scenario } from '../core/scenario/types';
import type { UiLanguage } from '../game/i18n';
import { inLanguage } from '../game/text';
import type { Cell } from './csv';
import type { DebriefReader } from './debriefReader';
import type { Attempt } from './team';

export interface ViewContext {
  readonly t: TFunction;
  readonly language: UiLanguage;
  readonly attempts: readonly Attempt[];
  readonly scenarios: readonly Scenario[];
  /** Null until the debrief has loaded; views show evidence keys until then. */
  readonly reader: DebriefReader | null;
  /** Offers a table as a CSV file (header first). */
  readonly saveCsv: (name: string, rows: readonly (readonly Cell[])[]) => void;
}

/** A view's "Export CSV" and "Print", for the table it shows. */
export function tableTools(ctx: ViewContext, name: string, rows: () => readonly (readonly Cell[])[]) {
  return html`<div class="table-tools">
    <button type="button" @click=${() => ctx.saveCsv(name, rows())}>${ctx.t('team.csv')}</button>
    <button type="button" class="secondary" @click=${() => window.print()}>${ctx.t('team.print')}</button>
  </div>`;
}

/** Where a link inside the review goes: `#team`, `#trainee/<key>`, `#scenarios`, `#scenario/<id>`, `#attempt/<hash>`. */
export type Route =
  | { readonly view: 'team' }
  | { readonly view: 'trainee'; readonly key: string }
  | { readonly view: 'scenarios' }
  | { readonly view: 'scenario'; readonly id: string }
  | { readonly view: 'attempt'; readonly hash: string };

/** The route a location hash names; anything unknown is the team. */
export function routeOf(hash: string): Route {
  const [view, ...rest] = hash.replace(/^#/, '').split('/');
  const value = decodeURIComponent(rest.join('/'));
  if (view === 'trainee' && value) return { view, key: value };
  if (view === 'scenarios') return { view };
  if (view === 'scenario' && value) return { view, id: value };
  if (view === 'attempt' && value) return { view, hash: value };
  return { view: 'team' };
}

/** The location hash of a route. */
export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'team':
    case 'scenarios':
      return `#${route.view}`;
    case 'trainee':
      return `#trainee/${encodeURIComponent(route.key)}`;
    case 'scenario':
      return `#scenario/${encodeURIComponent(route.id)}`;
    case 'attempt':
      return `#attempt/${encodeURIComponent(route.hash)}`;
  }
}

/** A scenario's title in the page's language (the newest version the page holds), or its id. */
export function scenarioTitle(ctx: ViewContext, id: string): string {
  const scenario = ctx.scenarios.find((s) => s.id === id);
  return scenario ? inLanguage(scenario.title, ctx.language) : id;
}

/** A date as the page's language writes it; a dash when there is none. */
export function dayText(ctx: ViewContext, iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso.slice(0, 10)
    : new Intl.DateTimeFormat(ctx.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The trail back to the team from a view, ending at the view's own name. */
export function breadcrumb(
  ctx: ViewContext,
  steps: readonly { readonly label: string; readonly href?: string }[],
) {
  return html`<nav class="breadcrumb" aria-label=${ctx.t('nav.trail')}>
    <ol>${steps.map((s) => html`<li>${s.href ? html`<a href=${s.href}>${s.label}</a>` : html`<span aria-current="page">${s.label}</span>`}</li>`)}</ol>
  </nav>`;
}
