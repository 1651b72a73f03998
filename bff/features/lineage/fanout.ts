import type { FanoutBytes, FanoutClone, FanoutLimits, FanoutRow } from "./fanout-schema";
import type { Lineage, LineageNode, RunState } from "./types";

/** When nothing is configured: a parent is busy above 20 running clones or 100 GiB still read from it. */
export const FANOUT_DEFAULTS: FanoutLimits = { maxRunningClones: 20, maxParentBytes: 100 * 1024 ** 3, parallelFlattens: 2 };

const UNKNOWN_RUN: RunState = { state: "unknown", certainty: "unknown", reason: "owner_unknown", status: null };
const rank = { estimate: 0, upper_bound: 1, unknown: 2 } as const;
/** The weaker of two bases: a sum is only as certain as its least certain part. */
export const weaker = (a: FanoutBytes["basis"], b: FanoutBytes["basis"]) => (rank[a] >= rank[b] ? a : b);

/**
 * How much of a clone's data still lives in its parent. With the clone's own used bytes (the dashboard's
 * disk_usage): provisioned − used, an estimate (objects are copied up whole). Lineage never reads a clone's
 * usage (usage-policy: the dashboard counts the parent's data as the clone's), so usually it is at most
 * min(provisioned, the parent's used bytes); with neither known, unknown.
 */
export function inParentOf(
  clone: Pick<LineageNode, "provisionedBytes" | "usedBytes" | "usageNote">,
  parentUsed: number | null,
): FanoutBytes {
  if (clone.usedBytes != null && clone.usageNote === "dashboard")
    return { bytes: Math.max(0, clone.provisionedBytes - clone.usedBytes), basis: "estimate" };
  if (parentUsed != null) return { bytes: Math.min(clone.provisionedBytes, parentUsed), basis: "upper_bound" };
  return { bytes: null, basis: "unknown" };
}

/** Clones between each node and the root of its chain (0: not a clone); a chain is followed at most 1000 deep. */
export function chainDepths(byNode: Map<string, LineageNode>): (spec: string) => number {
  const memo = new Map<string, number>();
  const depth = (spec: string): number => {
    const path: string[] = [];
    let cur: string | undefined = spec;
    // The depth of the node above the top of `path`: -1 above a node that is no clone.
    let base = -1;
    while (cur !== undefined && path.length < 1000) {
      const m = memo.get(cur);
      if (m !== undefined) {
        base = m;
        break;
      }
      path.push(cur);
      const p: string | undefined = byNode.get(cur)?.parent?.split("@")[0];
      // A clone whose parent was not read is still a clone: one level down from something.
      if (p && !byNode.has(p)) base = 0;
      cur = p && byNode.has(p) ? p : undefined;
    }
    for (let i = path.length - 1, d = base + 1; i >= 0; i--, d++) memo.set(path[i], d);
    return memo.get(spec) ?? 0;
  };
  return depth;
}

const count = () => ({ total: 0, running: 0, stopped: 0, unknown: 0 });
const tally = (c: ReturnType<typeof count>, run: RunState) => {
  c.total++;
  c[run.state]++;
};

/** Busiest first: running before the rest, then more bytes in the parent (unknown last), then by spec. */
const byBusy = (a: FanoutClone, b: FanoutClone) =>
  (a.run.state === "running" ? 0 : 1) - (b.run.state === "running" ? 0 : 1) ||
  (b.inParent.bytes ?? -1) - (a.inParent.bytes ?? -1) ||
  a.spec.localeCompare(b.spec);

/**
 * Fan-out per parent snapshot: every protected snapshot, and every snapshot with clones, with its direct clones
 * (split by whether their owner runs), the clones of those clones down the chain, and the bytes running clones
 * still read from it. Rows are sorted by those bytes, then by running clones.
 */
export function fanoutOf(lineage: Lineage, limits: FanoutLimits, rootOf?: Map<string, string>): FanoutRow[] {
  const byNode = new Map(lineage.nodes.map((n) => [n.spec, n]));
  const depth = chainDepths(byNode);
  const rows: FanoutRow[] = [];
  for (const n of lineage.nodes) {
    for (const s of n.snapshots) {
      if (!s.protected && !s.children.length) continue;
      const direct = count();
      const clones: FanoutClone[] = s.children.flatMap((spec) => {
        const c = byNode.get(spec);
        if (!c) return [];
        const run = c.run ?? UNKNOWN_RUN;
        tally(direct, run);
        return [
          {
            spec,
            kind: c.kind,
            owner: c.owner,
            run,
            chainDepth: depth(spec),
            provisionedBytes: c.provisionedBytes,
            usedBytes: c.usedBytes,
            inParent: inParentOf(c, n.usedBytes),
          },
        ];
      });
      clones.sort(byBusy);
      const indirect = { ...count(), maxDepth: clones.length ? 1 : 0 };
      const seen = new Set(s.children);
      let level = s.children;
      for (let d = 2; level.length && d < 1000; d++) {
        const next = level.flatMap((spec) => (byNode.get(spec)?.snapshots ?? []).flatMap((x) => x.children)).filter((x) => !seen.has(x));
        for (const spec of next) {
          seen.add(spec);
          tally(indirect, byNode.get(spec)?.run ?? UNKNOWN_RUN);
        }
        if (next.length) indirect.maxDepth = d;
        level = next;
      }
      let bytes = 0;
      let basis: FanoutBytes["basis"] = "estimate";
      for (const c of clones) {
        if (c.run.state !== "running") continue;
        bytes += c.inParent.bytes ?? 0;
        basis = weaker(basis, c.inParent.basis);
      }
      const runningInParent: FanoutBytes = direct.running ? { bytes, basis } : { bytes: 0, basis: "estimate" };
      rows.push({
        parent: `${n.spec}@${s.name}`,
        image: n.spec,
        snap: s.name,
        protected: s.protected,
        kind: n.kind,
        owner: n.owner,
        root: rootOf?.get(n.spec) ?? null,
        parentDepth: depth(n.spec),
        parentUsedBytes: n.usedBytes,
        clones,
        direct,
        indirect,
        runningInParent,
        over: { runningClones: direct.running > limits.maxRunningClones, parentBytes: bytes > limits.maxParentBytes },
      });
    }
  }
  return rows.sort(
    (a, b) =>
      (b.runningInParent.bytes ?? 0) - (a.runningInParent.bytes ?? 0) ||
      b.direct.running - a.direct.running ||
      b.direct.total - a.direct.total ||
      a.parent.localeCompare(b.parent),
  );
}
