/**
 * Places the map's beats in layers, top to bottom, with dagre: boxes sized from their words, edges as
 * polylines that avoid the boxes, and room kept for each edge's label. Pure: the same graph always
 * gets the same picture, so the map does not jump about while a trainer types.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

export interface LayoutNodeInput {
  readonly id: string;
  /** The first line is the beat's id, drawn larger. */
  readonly lines: readonly string[];
}

export interface LayoutEdgeInput {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** The label, one condition a line; empty: no label. */
  readonly lines: readonly string[];
}

export interface MapPoint {
  readonly x: number;
  readonly y: number;
}

/** A rectangle by its top-left corner. */
export interface MapBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface NodePlace extends MapBox {
  readonly id: string;
}

export interface EdgePlace {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** From the source box's border to the target box's border. */
  readonly points: readonly MapPoint[];
  /** Where the label goes; null when the edge has none. */
  readonly label: MapBox | null;
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly NodePlace[];
  readonly edges: readonly EdgePlace[];
}

/**
 * Text metrics the picture is drawn with. Beat ids are set in a monospace face, so their width is
 * known exactly; labels use the interface face, measured generously so they never spill.
 */
export const MAP_METRICS = {
  titleSize: 14,
  textSize: 12,
  labelSize: 11,
  /** Width of one character of a monospace face, in ems. */
  monoEm: 0.62,
  /** A generous average width of one character of a proportional face, in ems. */
  sansEm: 0.58,
  lineGap: 1.35,
  padX: 12,
  padY: 8,
  labelPad: 4,
} as const;

/** The size of a beat's box: its id in the title face, the other lines in the text face. */
export function nodeSize(lines: readonly string[]): { width: number; height: number } {
  const m = MAP_METRICS;
  const [title = '', ...rest] = lines;
  const widest = Math.max(
    title.length * m.titleSize * m.monoEm,
    ...rest.map((line) => line.length * m.textSize * m.sansEm),
  );
  const height = m.titleSize * m.lineGap + rest.length * m.textSize * m.lineGap;
  return { width: Math.ceil(widest + 2 * m.padX), height: Math.ceil(height + 2 * m.padY) };
}

/** The size of an edge's label. */
export function labelSize(lines: readonly string[]): { width: number; height: number } {
  const m = MAP_METRICS;
  if (lines.length === 0) return { width: 0, height: 0 };
  const widest = Math.max(...lines.map((line) => line.length * m.labelSize * m.sansEm));
  return {
    width: Math.ceil(widest + 2 * m.labelPad),
    height: Math.ceil(lines.length * m.labelSize * m.lineGap + 2 * m.labelPad),
  };
}

/** Lays out the graph top to bottom. Edges whose ends are not among the nodes are left out. */
export function layoutMap(input: {
  readonly nodes: readonly LayoutNodeInput[];
  readonly edges: readonly LayoutEdgeInput[];
}): MapLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 20, edgesep: 8, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes) g.setNode(node.id, nodeSize(node.lines));
  const ids = new Set(input.nodes.map((n) => n.id));
  const edges = input.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  for (const edge of edges) {
    const size = labelSize(edge.lines);
    g.setEdge(edge.from, edge.to, { ...size, labelpos: 'c', minlen: 1 }, edge.id);
  }
  dagre.layout(g);

  const nodes = input.nodes.map((node): NodePlace => {
    const placed = g.node(node.id);
    const { width, height } = placed;
    return { id: node.id, x: (placed.x ?? 0) - width / 2, y: (placed.y ?? 0) - height / 2, width, height };
  });
  const placedEdges = edges.map((edge): EdgePlace => {
    const placed = g.edge({ v: edge.from, w: edge.to, name: edge.id });
    const width = placed.width ?? 0;
    const height = placed.height ?? 0;
    const label =
      edge.lines.length === 0 || placed.x === undefined || placed.y === undefined
        ? null
        : { x: placed.x - width / 2, y: placed.y - height / 2, width, height };
    return {
      id: edge.id,
      from: edge.from,
      to: edge.to,
      points: (placed.points ?? []).map((p) => ({ x: p.x, y: p.y })),
      label,
    };
  });
  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes,
    edges: placedEdges,
  };
}
