import type { LineageTreeRow } from "./schema";
import type { Lineage, LineageNode } from "./types";

/**
 * A gathered lineage indexed once per gather: nodes by spec, each tree's rows in depth-first order, and the root
 * every node hangs from. Summary, trees and search all answer from it.
 */
export interface Forest {
  lineage: Lineage;
  byNode: Map<string, LineageNode>;
  /** root spec → its tree's rows, depth-first (children by spec). */
  rows: Map<string, LineageTreeRow[]>;
  /** node spec → the root of its tree; absent for a node under no root in `images`. */
  rootOf: Map<string, string>;
}

const childrenOf = (n: LineageNode) => n.snapshots.flatMap((s) => s.children.map((spec) => ({ spec, via: s.name })));

export function treeRow(n: LineageNode, depth: number, via: string | null): LineageTreeRow {
  return {
    spec: n.spec,
    kind: n.kind,
    depth,
    via,
    owner: n.owner,
    orphan: n.orphan,
    ownerUnknown: n.ownerUnknown,
    cinderDeleted: n.cinderDeleted,
    provisionedBytes: n.provisionedBytes,
    usedBytes: n.usedBytes,
    usageNote: n.usageNote,
    blockedBy: n.blockedBy.length,
    children: childrenOf(n).length,
  };
}

export function indexForest(lineage: Lineage): Forest {
  const byNode = new Map(lineage.nodes.map((n) => [n.spec, n]));
  const rows = new Map<string, LineageTreeRow[]>();
  const rootOf = new Map<string, string>();
  for (const { root } of lineage.trees) {
    const out: LineageTreeRow[] = [];
    // Iterative depth-first walk (a tree can be thousands deep in clones of clones); a spec is visited once.
    const stack: { spec: string; depth: number; via: string | null }[] = [{ spec: root, depth: 0, via: null }];
    while (stack.length) {
      const { spec, depth, via } = stack.pop()!;
      const n = byNode.get(spec);
      if (!n || rootOf.has(spec)) continue;
      rootOf.set(spec, root);
      out.push(treeRow(n, depth, via));
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ spec: kids[i].spec, depth: depth + 1, via: kids[i].via });
    }
    rows.set(root, out);
  }
  return { lineage, byNode, rows, rootOf };
}
