import type { Forest } from "./forest";
import type { LineageSearch } from "./schema";

type Hit = LineageSearch["hits"][number];

/**
 * Nodes found by RBD spec, owner name or owner id (an exact spec or id first, then containing matches, by spec),
 * each with the root of its tree so the view can open it there. Answers from the gathered facts.
 */
export function searchForest(forest: Forest, q: string, limit: number): { total: number; hits: Hit[] } {
  const needle = q.trim().toLowerCase();
  const exact: Hit[] = [],
    partial: Hit[] = [];
  for (const n of forest.lineage.nodes) {
    const spec = n.spec.toLowerCase(),
      id = n.owner?.id.toLowerCase() ?? "",
      name = n.owner?.name.toLowerCase() ?? "";
    const match: Hit["match"] | null = spec.includes(needle)
      ? "spec"
      : id && id.includes(needle)
        ? "id"
        : name.includes(needle)
          ? "name"
          : null;
    if (!match) continue;
    const hit: Hit = { spec: n.spec, kind: n.kind, owner: n.owner, orphan: n.orphan, root: forest.rootOf.get(n.spec) ?? null, match };
    (spec === needle || id === needle || spec.endsWith(`/${needle}`) ? exact : partial).push(hit);
  }
  const all = [...exact, ...partial];
  return { total: all.length, hits: all.slice(0, limit) };
}
