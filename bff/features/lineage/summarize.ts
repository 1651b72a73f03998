import type { Forest } from "./forest";
import type { LineageRoot, LineageSummary } from "./schema";
import type { LineageNode } from "./types";

type Space = LineageRoot["space"];
type Totals = LineageSummary["totals"];

/** Adds up the clones' space in a set of nodes: what they read from their parents against full copies of them. */
function spaceOf(nodes: LineageNode[], byNode: Map<string, LineageNode>): Space {
  let clones = 0,
    sharedBytes = 0,
    fullCopyBytes = 0,
    known = 0;
  for (const n of nodes) {
    if (!n.parent) continue;
    clones++;
    fullCopyBytes += n.provisionedBytes;
    const parentUsed = byNode.get(n.parent.split("@")[0])?.usedBytes;
    if (parentUsed != null) {
      sharedBytes += parentUsed;
      known++;
    }
  }
  const certainty = known === clones ? "proven" : known === 0 ? "unknown" : "incomplete";
  return { clones, sharedBytes, fullCopyBytes, certainty };
}

const KINDS = ["instance-snapshot", "root-disk", "volume", "other", "image"] as const;

/** One row per root image: what hangs from it, its bytes, its orphans and whether it can be deleted. */
export function summarizeRoot(forest: Forest, root: string, label: string): LineageRoot {
  const r = forest.byNode.get(root)!;
  const nodes = (forest.rows.get(root) ?? []).map((row) => forest.byNode.get(row.spec)!);
  const children = Object.fromEntries(KINDS.map((k) => [k, 0])) as LineageRoot["children"];
  let provisionedBytes = 0,
    usedBytes = 0,
    usedUnknown = 0,
    orphans = 0;
  for (const n of nodes) {
    if (n !== r) children[n.kind]++;
    provisionedBytes += n.provisionedBytes;
    if (n.usedBytes == null) usedUnknown++;
    else usedBytes += n.usedBytes;
    if (n.orphan) orphans++;
  }
  return {
    root,
    label,
    kind: r.kind,
    owner: r.owner,
    orphan: r.orphan,
    ownerUnknown: r.ownerUnknown,
    nodes: nodes.length,
    children,
    provisionedBytes,
    usedBytes,
    usedUnknown,
    orphans,
    blockedBy: r.blockedBy.length,
    deletable: r.blockedBy.length === 0,
    space: spaceOf(nodes, forest.byNode),
  };
}

/** Every root's row (in the trees' label order) and the cloud's totals: computed once per gather. */
export function summarizeForest(forest: Forest): { roots: LineageRoot[]; totals: Totals } {
  const roots = forest.lineage.trees.map((t) => summarizeRoot(forest, t.root, t.label));
  let usedBytes = 0,
    usedUnknown = 0,
    provisionedBytes = 0;
  for (const n of forest.lineage.nodes) {
    provisionedBytes += n.provisionedBytes;
    if (n.usedBytes == null) usedUnknown++;
    else usedBytes += n.usedBytes;
  }
  return {
    roots,
    totals: {
      nodes: forest.lineage.nodes.length,
      trees: roots.length,
      unrooted: forest.lineage.nodes.length - forest.rootOf.size,
      provisionedBytes,
      usedBytes,
      usedUnknown,
      space: spaceOf(forest.lineage.nodes, forest.byNode),
    },
  };
}

/** Roots whose label, owner id or spec contains `q` (case-insensitive); all of them without one. */
export function filterRoots(roots: LineageRoot[], q: string | undefined): LineageRoot[] {
  const needle = q?.trim().toLowerCase();
  if (!needle) return roots;
  return roots.filter(
    (r) =>
      r.label.toLowerCase().includes(needle) ||
      r.root.toLowerCase().includes(needle) ||
      (r.owner?.id.toLowerCase().includes(needle) ?? false),
  );
}
