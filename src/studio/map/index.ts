/**
 * The studio's scenario map: a picture of the beats and transitions (for the eye and the mouse) and,
 * beside it, the same graph as an outline of buttons and sentences (for the keyboard and the screen
 * reader). The picture is hidden from assistive technology because the outline says everything it
 * shows, in words.
 */
import { html, nothing, render, svg, type TemplateResult } from 'lit-html';
import { type EdgePlace, layoutMap, MAP_METRICS, type MapPoint, type NodePlace } from './layout';
import { type MapNode, type MapTransition, scenarioMapModel } from './mapModel';
import {
  ANYWHERE_NODE,
  conditionText,
  type DrawnEdge,
  type DrawnNode,
  drawnGraph,
  kindText,
  type Translate,
} from './mapText';
import './map.css';
import type { Ending, Scenario } from '../../core/scenario/types';

/** What the studio gives the map: its words, where each beat is written, and what a choice does. */
export interface ScenarioMapOptions {
  readonly t: Translate;
  /** The 1-based line of the beat's `id` in the file being edited; null when not known. */
  readonly lineOfBeat: (beatId: string) => number | null;
  /** The trainer chose a beat, on the picture or in the outline. */
  readonly onBeat: (beatId: string) => void;
  /** The trainer asked to play the draft from a beat. */
  readonly onPlayFrom: (beatId: string) => void;
}

const ENDING_ORDER: readonly Ending[] = ['satisfied', 'neutral', 'upset', 'abandoned'];

/** The zoom steps the picture offers; 1 is the size its words were measured for. */
const ZOOMS = [0.25, 0.35, 0.5, 0.7, 1, 1.4] as const;

/** What the map remembers per host: its id prefix, the zoom, and the last picture laid out. */
interface HostState {
  /** A prefix for the ids the map uses (SVG markers, headings), so two maps never share one. */
  readonly id: string;
  zoom: number;
  scenario: Scenario | null;
  options: ScenarioMapOptions | null;
  drawn: Drawn | null;
  /** The scenario id whose start the picture last scrolled to, so a re-render keeps the trainer's place. */
  centredOn: string | null;
}

interface Drawn {
  readonly scenario: Scenario;
  readonly t: Translate;
  readonly language: string | undefined;
  readonly model: ReturnType<typeof scenarioMapModel>;
  readonly graph: ReturnType<typeof drawnGraph>;
  readonly layout: ReturnType<typeof layoutMap>;
  /** The drawn graph word for word: the same key, the same layout. */
  readonly key: string;
}

const hosts = new WeakMap<HTMLElement, HostState>();
let hostsSeen = 0;

function stateOf(host: HTMLElement): HostState {
  let state = hosts.get(host);
  if (!state) {
    hostsSeen += 1;
    state = {
      id: `scenario-map-${hostsSeen}`,
      zoom: 1,
      scenario: null,
      options: null,
      drawn: null,
      centredOn: null,
    };
    hosts.set(host, state);
  }
  return state;
}

/**
 * Renders the map of `scenario` into `host` (which the map owns: give it an empty element), replacing
 * what the last call drew. Meant to be called after every successful compile: laying out the largest
 * shipped scenario takes one or two hundred ms, so the layout is kept while the graph's words are the
 * same and zooming reuses it.
 */
export function renderScenarioMap(host: HTMLElement, scenario: Scenario, options: ScenarioMapOptions): void {
  const state = stateOf(host);
  state.scenario = scenario;
  state.options = options;
  draw(host, state);
}

function zoomTo(host: HTMLElement, state: HostState, zoom: number): void {
  const pane = host.querySelector<HTMLElement>('.scenario-map__scroll');
  const ratio = zoom / state.zoom;
  // Keep the middle of what the trainer was looking at in the middle.
  const middle = pane
    ? { x: pane.scrollLeft + pane.clientWidth / 2, y: pane.scrollTop + pane.clientHeight / 2 }
    : null;
  state.zoom = zoom;
  draw(host, state);
  if (pane && middle) {
    pane.scrollLeft = middle.x * ratio - pane.clientWidth / 2;
    pane.scrollTop = middle.y * ratio - pane.clientHeight / 2;
  }
}

function draw(host: HTMLElement, state: HostState): void {
  const { scenario, options } = state;
  if (!scenario || !options) return;
  const { t } = options;
  const { id, zoom } = state;
  const pageLanguage = host.closest('[lang]')?.getAttribute('lang')?.slice(0, 2);
  const language = pageLanguage && scenario.languages.includes(pageLanguage) ? pageLanguage : undefined;
  const last = state.drawn;
  const drawn =
    last && last.scenario === scenario && last.t === t && last.language === language
      ? last
      : laidOut(scenario, t, language, last);
  state.drawn = drawn;
  const { model, graph, layout } = drawn;
  const drawnNodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const drawnEdges = new Map(graph.edges.map((e) => [e.id, e]));
  const exempt = model.nodes.filter((n) => n.kind !== 'ending' && !n.anywhere).map((n) => n.id);
  const step = ZOOMS.indexOf(zoom as (typeof ZOOMS)[number]);
  const zoomBy = (by: number) => {
    const next = ZOOMS[step + by];
    if (next !== undefined) zoomTo(host, state, next);
  };

  const picture = html`<svg
    class="scenario-map__svg"
    aria-hidden="true"
    focusable="false"
    width=${Math.ceil(layout.width * zoom)}
    height=${Math.ceil(layout.height * zoom)}
    viewBox="0 0 ${layout.width} ${layout.height}"
  >
    <defs>
      <marker id="${id}-arrow" class="scenario-map__arrow" viewBox="0 0 10 10" refX="9" refY="5"
        markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z"></path>
      </marker>
      <marker id="${id}-arrow-anywhere" class="scenario-map__arrow scenario-map__arrow--anywhere" viewBox="0 0 10 10"
        refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z"></path>
      </marker>
    </defs>
    <g class="scenario-map__edges">
      ${layout.edges.map((edge) => edgeLine(edge, drawnEdges.get(edge.id), id))}
    </g>
    <g class="scenario-map__nodes">
      ${layout.nodes.map((place) => nodeBox(place, drawnNodes.get(place.id), options))}
    </g>
    <g class="scenario-map__labels">
      ${layout.edges.map((edge) => edgeLabel(edge, drawnEdges.get(edge.id)))}
    </g>
  </svg>`;

  const legend = html`<ul class="scenario-map__legend" aria-label=${t('map.legendName')}>
    <li><span class="scenario-map__swatch scenario-map__swatch--start" aria-hidden="true"></span>${t('map.legend.start')}</li>
    <li><span class="scenario-map__swatch" aria-hidden="true"></span>${t('map.legend.beat')}</li>
    ${ENDING_ORDER.map(
      (ending) =>
        html`<li><span class="scenario-map__swatch scenario-map__swatch--${ending}" aria-hidden="true"></span>${t(
          'map.legend.ending',
          { ending: t(`map.ending.${ending}`) },
        )}</li>`,
    )}
    <li><span class="scenario-map__swatch scenario-map__swatch--unreachable" aria-hidden="true"></span>${t('map.legend.unreachable')}</li>
    ${
      graph.nodes.some((n) => n.id === ANYWHERE_NODE)
        ? html`<li><span class="scenario-map__swatch scenario-map__swatch--anywhere" aria-hidden="true"></span>${t('map.legend.anywhere')}</li>`
        : nothing
    }
  </ul>`;

  const outline = html`<section class="scenario-map__outline" aria-labelledby="${id}-outline">
    <h3 id="${id}-outline" class="scenario-map__heading">${t('map.outline')}</h3>
    <ul class="scenario-map__beats">
      ${model.nodes.map((node) => outlineBeat(node, model.transitions.get(node.id) ?? [], options))}
      ${
        model.anywhere.length > 0
          ? html`<li class="scenario-map__beat scenario-map__beat--anywhere">
            <p class="scenario-map__anywhere">${
              exempt.length > 0
                ? t('map.anywhereExcept', { beats: exempt.join(', ') })
                : t('map.anywhereHeading')
            }</p>
            ${transitionList(model.anywhere, t, false)}
          </li>`
          : nothing
      }
    </ul>
  </section>`;

  render(
    html`<div class="scenario-map">
      <div class="scenario-map__picture">
        ${legend}
        <div class="scenario-map__zoom" role="group" aria-label=${t('map.zoom')}>
          ${zoomButton(t('map.zoomOut'), step > 0, () => zoomBy(-1))}
          ${zoomButton(t('map.zoomIn'), step < ZOOMS.length - 1, () => zoomBy(1))}
          ${zoomButton(t('map.zoomReset'), zoom !== 1, () => zoomTo(host, state, 1))}
          <output class="scenario-map__zoom-level" aria-live="polite">${t('map.zoomLevel', { percent: Math.round(zoom * 100) })}</output>
        </div>
        <div class="scenario-map__scroll" role="region" tabindex="0" aria-label=${t('map.picture')}>${picture}</div>
      </div>
      ${outline}
    </div>`,
    host,
  );
  if (state.centredOn !== scenario.id) {
    state.centredOn = scenario.id;
    const pane = host.querySelector<HTMLElement>('.scenario-map__scroll');
    const start = layout.nodes.find((n) => n.id === scenario.start);
    if (pane && start) pane.scrollLeft = (start.x + start.width / 2) * zoom - pane.clientWidth / 2;
  }
}

/**
 * The model, the drawn graph and its layout. Most edits (a line the persona says, a fact's value) leave
 * the graph as it was, so the last layout is kept whenever the drawn graph is the same, word for word:
 * dagre is the slow part, and the picture then does not move under the trainer's eyes.
 */
function laidOut(scenario: Scenario, t: Translate, language: string | undefined, last: Drawn | null): Drawn {
  const model = scenarioMapModel(scenario, language ? { language } : {});
  const graph = drawnGraph(model, t);
  const key = graphKey(graph);
  const layout = last && last.key === key ? last.layout : layoutMap(graph);
  return { scenario, t, language, model, graph, layout, key };
}

function graphKey(graph: ReturnType<typeof drawnGraph>): string {
  return JSON.stringify([
    graph.nodes.map((n) => [n.id, n.lines]),
    graph.edges.map((e) => [e.id, e.from, e.to, e.lines]),
  ]);
}

/**
 * A zoom button that stays focusable at its limit (aria-disabled, not disabled), so pressing it to the
 * end never drops the keyboard's focus to the page.
 */
function zoomButton(label: string, enabled: boolean, zoom: () => void): TemplateResult {
  return html`<button type="button" aria-disabled=${enabled ? 'false' : 'true'}
    @click=${() => {
      if (enabled) zoom();
    }}>${label}</button>`;
}

function outlineBeat(node: MapNode, transitions: readonly MapTransition[], options: ScenarioMapOptions) {
  const { t } = options;
  const line = options.lineOfBeat(node.id);
  const about = [
    kindText(node, t),
    ...(line === null ? [] : [t('map.line', { line })]),
    ...(node.reachable ? [] : [t('map.unreachable')]),
  ].join(', ');
  const classes = [
    'scenario-map__beat',
    `scenario-map__beat--${node.ending ?? node.kind}`,
    node.reachable ? '' : 'scenario-map__beat--unreachable',
  ].join(' ');
  return html`<li class=${classes}>
    <div class="scenario-map__row">
      <button type="button" class="scenario-map__open" data-beat=${node.id} @click=${() => options.onBeat(node.id)}>
        <span class="scenario-map__id">${node.id}</span>
        <span class="scenario-map__about">(${about})</span>
      </button>
      ${
        node.kind === 'ending'
          ? nothing
          : html`<button type="button" class="scenario-map__play" data-beat=${node.id}
              @click=${() => options.onPlayFrom(node.id)}>${t('map.playFrom', { beat: node.id })}</button>`
      }
    </div>
    ${transitionList(transitions, t, node.anywhere)}
  </li>`;
}

function transitionList(transitions: readonly MapTransition[], t: Translate, alsoAnywhere: boolean) {
  if (transitions.length === 0 && !alsoAnywhere) return nothing;
  return html`<ul class="scenario-map__transitions">
    ${transitions.map((transition) => {
      const when = conditionText(transition.condition, t);
      return html`<li>${
        transition.to === null ? t('map.stay', { when }) : t('map.go', { when, beat: transition.to })
      }</li>`;
    })}
    ${alsoAnywhere ? html`<li class="scenario-map__also">${t('map.alsoAnywhere')}</li>` : nothing}
  </ul>`;
}

function nodeBox(
  place: NodePlace,
  drawn: DrawnNode | undefined,
  options: ScenarioMapOptions,
): TemplateResult {
  const beat = drawn?.beat ?? null;
  const lines = drawn?.lines ?? [place.id];
  const m = MAP_METRICS;
  const classes = [
    'scenario-map__node',
    beat === null ? 'scenario-map__node--anywhere' : `scenario-map__node--${beat.ending ?? beat.kind}`,
    beat !== null && !beat.reachable ? 'scenario-map__node--unreachable' : '',
  ].join(' ');
  const onClick = beat === null ? null : () => options.onBeat(beat.id);
  const centre = place.width / 2;
  return svg`<g class=${classes} data-beat=${beat?.id ?? nothing} transform="translate(${place.x} ${place.y})"
      @click=${onClick ?? nothing}>
    <rect width=${place.width} height=${place.height} rx="6" ry="6"></rect>
    ${lines.map((text, index) => {
      const y =
        index === 0
          ? m.padY + baseline(m.titleSize)
          : m.padY + m.titleSize * m.lineGap + (index - 1) * m.textSize * m.lineGap + baseline(m.textSize);
      return svg`<text class=${index === 0 ? 'scenario-map__title' : 'scenario-map__kind'} x=${centre} y=${y}
        text-anchor="middle">${text}</text>`;
    })}
  </g>`;
}

function edgeLine(place: EdgePlace, drawn: DrawnEdge | undefined, id: string): TemplateResult {
  const anywhere = drawn?.anywhere ?? false;
  return svg`<path class="scenario-map__edge ${anywhere ? 'scenario-map__edge--anywhere' : ''}" d=${curve(place.points)}
    marker-end="url(#${id}-arrow${anywhere ? '-anywhere' : ''})"></path>`;
}

function edgeLabel(place: EdgePlace, drawn: DrawnEdge | undefined): TemplateResult | typeof nothing {
  if (!place.label || !drawn) return nothing;
  const m = MAP_METRICS;
  const { x, y, width, height } = place.label;
  return svg`<g class="scenario-map__label ${drawn.anywhere ? 'scenario-map__label--anywhere' : ''}"
      transform="translate(${x} ${y})">
    <title>${drawn.full}</title>
    <rect width=${width} height=${height} rx="3" ry="3"></rect>
    ${drawn.lines.map(
      (text, index) =>
        svg`<text x=${width / 2} y=${m.labelPad + index * m.labelSize * m.lineGap + baseline(m.labelSize)}
          text-anchor="middle">${text}</text>`,
    )}
  </g>`;
}

/** Where the baseline of a line of text of `size` sits below the top of its line box. */
function baseline(size: number): number {
  return ((MAP_METRICS.lineGap - 1) / 2) * size + 0.8 * size;
}

/** A smooth line through dagre's points: straight to the first, curves through the middle ones. */
function curve(points: readonly MapPoint[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  const f = (n: number) => Math.round(n * 10) / 10;
  let d = `M${f(first.x)},${f(first.y)}`;
  for (let i = 0; i < rest.length - 1; i += 1) {
    const p = rest[i] as MapPoint;
    const next = rest[i + 1] as MapPoint;
    d += ` Q${f(p.x)},${f(p.y)} ${f((p.x + next.x) / 2)},${f((p.y + next.y) / 2)}`;
  }
  const last = rest.at(-1);
  if (last) d += ` L${f(last.x)},${f(last.y)}`;
  return d;
}
