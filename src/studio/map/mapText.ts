/**
 * The map's words: a transition's condition, a beat's kind, and the graph the picture draws, all
 * through the studio's translate function so the map speaks the interface language.
 */
import type { MapCondition, MapModel, MapNode } from './mapModel';

/** The studio's i18next `t`, or any function with its shape. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** What moves the persona along a transition, in words: "said: apologise and mood below -0.5". */
export function conditionText(condition: MapCondition, t: Translate): string {
  if (condition.phrases.length === 0) return t('map.when.atOnce');
  return condition.phrases.map((p) => t(p.key, p.vars)).join(t('map.when.and'));
}

/** A beat's kind in words: "start", "beat", "ending: satisfied". */
export function kindText(node: MapNode, t: Translate): string {
  if (node.kind === 'ending' && node.ending !== null)
    return t('map.kind.ending', { ending: t(`map.ending.${node.ending}`) });
  return t(node.kind === 'start' ? 'map.kind.start' : 'map.kind.ordinary');
}

/** The id the picture gives the node that stands for the scenario's `anywhere` transitions. */
export const ANYWHERE_NODE = '\u0000anywhere';

/** The most condition lines an edge shows in the picture; the outline always has them all. */
export const EDGE_LINES_SHOWN = 2;
/** The most characters of one condition line in the picture. */
export const EDGE_LINE_CHARS = 26;

export interface DrawnNode {
  readonly id: string;
  /** The beat's id first, then its kind or "unreachable" when worth saying. */
  readonly lines: readonly string[];
  /** null for the `anywhere` node. */
  readonly beat: MapNode | null;
}

export interface DrawnEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The conditions, cut to fit; `full` has every one in full (a tooltip). */
  readonly lines: readonly string[];
  readonly full: string;
  readonly anywhere: boolean;
}

export interface DrawnGraph {
  readonly nodes: readonly DrawnNode[];
  readonly edges: readonly DrawnEdge[];
}

/**
 * The graph the picture draws. The `anywhere` transitions are drawn once, from one `anywhere` node,
 * rather than from every beat that tries them: on the larger scenarios that is sixty arrows fewer,
 * and the outline says under each beat that it tries them.
 */
export function drawnGraph(model: MapModel, t: Translate): DrawnGraph {
  const nodes: DrawnNode[] = model.nodes.map((node) => ({
    id: node.id,
    lines: nodeLines(node, t),
    beat: node,
  }));
  const edges: DrawnEdge[] = [];
  for (const edge of model.edges) {
    const own = edge.conditions.filter((c) => !c.anywhere);
    if (own.length > 0)
      edges.push(drawnEdge(`${edge.from}\u0000${edge.to}`, edge.from, edge.to, own, false, t));
  }
  const anywhereTargets = new Map<string, MapCondition[]>();
  for (const transition of model.anywhere) {
    if (transition.to === null) continue;
    anywhereTargets.set(transition.to, [...(anywhereTargets.get(transition.to) ?? []), transition.condition]);
  }
  if (anywhereTargets.size > 0 && model.nodes.some((n) => n.anywhere)) {
    nodes.push({ id: ANYWHERE_NODE, lines: [t('map.anywhere')], beat: null });
    const known = new Set(model.nodes.map((n) => n.id));
    for (const [to, conditions] of anywhereTargets) {
      if (known.has(to))
        edges.push(drawnEdge(`${ANYWHERE_NODE}${to}`, ANYWHERE_NODE, to, conditions, true, t));
    }
  }
  return { nodes, edges };
}

function nodeLines(node: MapNode, t: Translate): string[] {
  const kind = node.kind === 'ordinary' ? [] : [kindText(node, t)];
  return [node.label, ...kind, ...(node.reachable ? [] : [t('map.unreachable')])];
}

function drawnEdge(
  id: string,
  from: string,
  to: string,
  conditions: readonly MapCondition[],
  anywhere: boolean,
  t: Translate,
): DrawnEdge {
  const texts = conditions.map((c) => conditionText(c, t));
  const shown = texts.length > EDGE_LINES_SHOWN ? texts.slice(0, EDGE_LINES_SHOWN - 1) : texts;
  const lines = shown.map(cut);
  if (shown.length < texts.length) lines.push(t('map.more', { count: texts.length - shown.length }));
  return { id, from, to, lines, full: texts.join('\n'), anywhere };
}

function cut(text: string): string {
  return text.length <= EDGE_LINE_CHARS ? text : `${text.slice(0, EDGE_LINE_CHARS - 1).trimEnd()}…`;
}
