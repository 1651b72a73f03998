import type { Topology } from "./schema";

export const NODE_W = 168;
export const NODE_H = 48;

type Graph = Omit<Topology, "width" | "height" | "nodes" | "edges"> & {
  nodes: Omit<Topology["nodes"][number], "x" | "y">[];
  edges: Omit<Topology["edges"][number], "points">[];
};

/**
 * Lays the graph out left to right with dagre (external network → router → network → instance), in the BFF: the page
 * draws the positions it is given, so the layout library never ships to the browser (the page stays in its JS budget).
 * dagre is imported on the first topology request only.
 */
export async function layoutTopology(t: Graph): Promise<Topology> {
  const { graphlib, layout } = await import("@dagrejs/dagre");
  const g = new graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 72, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of t.nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  const ends = (e: Graph["edges"][number]) => (e.kind === "interface" ? [e.from, e.to] : [e.to, e.from]);
  t.edges.forEach((e, i) => {
    const [v, w] = ends(e);
    g.setEdge(v, w, {}, String(i));
  });
  layout(g);
  const graph = g.graph();
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes: t.nodes.map((n) => {
      const p = g.node(n.id);
      return { ...n, x: Math.round(p.x), y: Math.round(p.y) };
    }),
    edges: t.edges.map((e, i) => {
      const [v, w] = ends(e);
      const pts = (g.edge(v, w, String(i))?.points ?? []) as { x: number; y: number }[];
      return { ...e, points: pts.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })) };
    }),
  };
}
