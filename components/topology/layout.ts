import type { Topology } from "@/lib/queries/topology";

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
}
export interface Placed {
  width: number;
  height: number;
  nodes: Map<string, PlacedNode>;
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
}

export const NODE_W = 168;
export const NODE_H = 48;

/** Lays the graph out left to right with dagre, loaded here on demand so it ships in the topology page's chunk only. */
export async function layoutTopology(t: Topology): Promise<Placed> {
  const { graphlib, layout } = await import("@dagrejs/dagre");
  const g = new graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 72, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of t.nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  // Edges point from the outside in: external network → router → network → instance.
  for (const e of t.edges) {
    if (e.kind === "gateway") g.setEdge(e.to, e.from);
    else if (e.kind === "interface") g.setEdge(e.from, e.to);
    else g.setEdge(e.to, e.from);
  }
  layout(g);
  const nodes = new Map<string, PlacedNode>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    nodes.set(id, { id, x: n.x, y: n.y });
  }
  const edges = g.edges().map((e) => ({
    from: e.v,
    to: e.w,
    points: ((g.edge(e).points ?? []) as { x: number; y: number }[]).map((p) => ({ x: p.x, y: p.y })),
  }));
  const graph = g.graph();
  return { width: graph.width ?? 0, height: graph.height ?? 0, nodes, edges };
}
