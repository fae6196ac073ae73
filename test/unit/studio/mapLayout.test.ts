/** The map's layout on the shipped scenarios: boxes sized to their words that never overlap. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../../src/studio/locales/map.en.json';
import { layoutMap, type MapBox, type MapLayout, nodeSize } from '../../../src/studio/map/layout';
import { scenarioMapModel } from '../../../src/studio/map/mapModel';
import { type DrawnGraph, drawnGraph, type Translate } from '../../../src/studio/map/mapText';
import { loadStarterPack } from '../../support/starterPack';

let t: Translate;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  t = instance.t.bind(instance) as Translate;
});

const overlap = (a: MapBox, b: MapBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const inside = (box: MapBox, layout: MapLayout) =>
  box.x >= 0 && box.y >= 0 && box.x + box.width <= layout.width && box.y + box.height <= layout.height;

describe('the layout of the map', () => {
  const { scenarios } = loadStarterPack();
  const graphs = () =>
    scenarios.map((scenario) => ({ id: scenario.id, graph: drawnGraph(scenarioMapModel(scenario), t) }));
  const size = (g: DrawnGraph) => g.nodes.length + g.edges.length;
  const largest = () => {
    const all = graphs().sort((a, b) => size(b.graph) - size(a.graph) || a.id.localeCompare(b.id));
    const first = all[0];
    if (!first) throw new Error('no shipped scenario');
    return first;
  };

  it('keeps every beat box and every label apart on the largest shipped scenario', () => {
    const { graph } = largest();
    expect(graph.nodes.length).toBeGreaterThanOrEqual(12);
    const layout = layoutMap(graph);
    expect(layout.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    const labels = layout.edges.flatMap((e) => (e.label ? [e.label] : []));
    expect(labels.length).toBe(graph.edges.filter((e) => e.lines.length > 0).length);
    const boxes = [...layout.nodes, ...labels];
    for (const [i, a] of boxes.entries()) {
      expect(inside(a, layout)).toBe(true);
      for (const b of boxes.slice(i + 1))
        expect(overlap(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false);
    }
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: no two beat boxes overlap', (_, scenario) => {
    const layout = layoutMap(drawnGraph(scenarioMapModel(scenario), t));
    for (const [i, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
    for (const edge of layout.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      expect(edge.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    }
  });

  it('lays out the same graph the same way every time', () => {
    const { graph } = largest();
    expect(layoutMap(graph)).toEqual(layoutMap(graph));
  });

  it('sizes a box from its words, and draws edges from their source towards their target', () => {
    expect(nodeSize(['a-much-longer-beat-id']).width).toBeGreaterThan(nodeSize(['short']).width);
    expect(nodeSize(['short', 'ending: satisfied']).height).toBeGreaterThan(nodeSize(['short']).height);
    const layout = layoutMap({
      nodes: [
        { id: 'one', lines: ['one', 'start'] },
        { id: 'two', lines: ['two'] },
        { id: 'lost', lines: ['lost'] },
      ],
      edges: [
        { id: 'e', from: 'one', to: 'two', lines: ['said: apologise'] },
        { id: 'x', from: 'one', to: 'nowhere', lines: [] },
      ],
    });
    expect(layout.edges.map((e) => e.id)).toEqual(['e']);
    const [one, two] = layout.nodes;
    if (!one || !two) throw new Error('missing node');
    expect(two.y).toBeGreaterThan(one.y + one.height);
    const points = layout.edges[0]?.points ?? [];
    expect(points[0]?.y).toBeCloseTo(one.y + one.height, 0);
    expect(points.at(-1)?.y).toBeCloseTo(two.y, 0);
  });

  it('draws a transition back into its own beat as a loop beside the box', () => {
    const layout = layoutMap({
      nodes: [
        { id: 'waiting', lines: ['waiting'] },
        { id: 'done', lines: ['done', 'ending: satisfied'] },
      ],
      edges: [
        { id: 'loop', from: 'waiting', to: 'waiting', lines: ['after 5m'] },
        { id: 'out', from: 'waiting', to: 'done', lines: ['did: resolve'] },
      ],
    });
    const loop = layout.edges.find((e) => e.id === 'loop');
    const waiting = layout.nodes.find((n) => n.id === 'waiting');
    if (!loop?.label || !waiting) throw new Error('missing loop');
    expect(loop.points.length).toBeGreaterThan(2);
    expect(overlap(loop.label, waiting)).toBe(false);
    for (const box of [...layout.nodes, loop.label]) expect(inside(box, layout)).toBe(true);
  });
});
