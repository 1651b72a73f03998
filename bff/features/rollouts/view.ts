import { reduceEvents, type AnsibleEvent, type HostResult } from "./events";
import { verdictOf } from "./outcome";
import type { RolloutStore, RunRow } from "./store";

export interface LbTransition {
  ts: number;
  host: string;
  server: string;
  from: string | null;
  to: string;
  up: boolean;
}

/** A stored run with what its events say: per-host results, the task order, LB transitions, the verdict. */
export async function runView(store: RolloutStore, r: RunRow) {
  const { tasks, hosts } = reduceEvents(r.batches, (await store.dataOf(r.id, "ansible")) as AnsibleEvent[]);
  const finished = r.status !== "running";
  const results: (Omit<HostResult, "status"> & { status: HostResult["status"] | "interrupted" })[] = hosts.map((h) =>
    finished && (h.status === "running" || (h.status === "pending" && r.status === "interrupted"))
      ? { ...h, status: "interrupted" as const }
      : h,
  );
  const transitions = (await store.dataOf(r.id, "lb")) as Omit<LbTransition, "ts">[];
  const backends = new Map<string, { host: string; server: string; status: string; up: boolean }>();
  for (const t of transitions) backends.set(t.host, { host: t.host, server: t.server, status: t.to, up: t.up });
  const restored = (await store.dataOf(r.id, "restore")) as { ok: boolean; hosts: string[]; log: string }[];
  const { runDir: _d, pid: _p, ...rest } = r;
  const durationSeconds = Math.round(((r.finishedAt ? Date.parse(r.finishedAt) : Date.now()) - Date.parse(r.startedAt)) / 100) / 10;
  return {
    ...rest,
    durationSeconds,
    tasks,
    hosts: results,
    backends: [...backends.values()],
    transitions: transitions.map((t) => ({ host: t.host, from: t.from, to: t.to })),
    // a verdict needs at least one host that went through the update
    restore: restored.length ? { ok: restored[0].ok, hosts: restored[0].hosts, log: restored[0].log } : null,
    verdict: finished && results.some((h) => !["pending", "not_run", "gated"].includes(h.status)) ? verdictOf(r.served, r.failed) : null,
  };
}
