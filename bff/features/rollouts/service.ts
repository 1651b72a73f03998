import { randomUUID } from "node:crypto";
import { join, resolve } from "node:path";
import { createDatabase, type ZenithDatabase } from "../../db/database";
import { loadRolloutsConfig, type PoolConfig, type RolloutsConfigState } from "./config";
import { readHaproxy } from "./haproxy";
import { planRollout, type PlanInput, type RolloutPlan } from "./plan";
import { startRun, type ActiveRun, type RunnerEnv } from "./runner";
import type { BackendState, Message, PoolView } from "./schema";
import { createLeases } from "./lease";
import { importLegacyRollouts } from "./legacy-import";
import { askCancel, onCancelAsked, waitForEvents } from "./signals";
import { createRolloutStore, type RunRow } from "./store";
import { sweepOrphans } from "./takeover";
import { findTool } from "./tools";
import { runView } from "./view";

export interface RolloutsOptions {
  configFile?: string;
  dataDir: string;
  playbookDir: string;
  monitorMs?: number;
  cancelGraceMs?: number;
  probeMaxRequests?: number;
  /** A run's lease: renewed every third of it while its replica runs it; once expired, another replica takes over. */
  leaseMs?: number;
}

export class RolloutError extends Error {
  /** `field`: the request input the error is about (`param.id`, `body.pool`), when it is about one. */
  constructor(
    readonly kind: "not_found" | "conflict" | "unconfigured" | "unavailable",
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Admin → Rollouts: pools from the configuration, plans, runs and their events (in the shared database). The
 * replica that starts a run holds its lease and runs it; every replica serves its events.
 */
export function createRolloutService(opts: RolloutsOptions, database?: ZenithDatabase) {
  // ansible-playbook runs in the run's directory: every path handed to it must be absolute
  const o = { ...opts, dataDir: resolve(opts.dataDir), playbookDir: resolve(opts.playbookDir) };
  const ownDatabase = !database;
  const data = database ?? createDatabase({ file: join(o.dataDir, "zenith.sqlite") });
  const store = createRolloutStore(data);
  const leases = createLeases(data);
  const leaseMs = o.leaseMs ?? 15_000;
  const active = new Map<string, ActiveRun>();
  let sweeper: NodeJS.Timeout | null = null;
  let sweeping: Promise<unknown> = Promise.resolve();

  /** Runs whose replica is gone (lease expired) become `interrupted`, here or on whichever replica sweeps first. */
  const sweep = () => {
    sweeping = sweeping.then(() =>
      sweepOrphans({
        database: data,
        store,
        leases,
        leaseMs,
        config,
        ansiblePlaybook: ansible,
        playbookDir: o.playbookDir,
        dataDir: o.dataDir,
        isLocal: (id) => active.has(id),
      }).catch(() => []),
    );
    return sweeping;
  };
  /** Opened on first use (never at build time); from then on, expired leases are looked for every half lease. */
  let closed = false;
  const db = async () => {
    if (!sweeper && !closed) {
      onCancelAsked(data, (ask) => active.get(ask.id)?.stop("cancel", { code: "rollouts.stop.cancel", params: { user: ask.user } }));
      sweeper = setInterval(() => void sweep(), Math.max(100, leaseMs / 2));
      sweeper.unref();
      await importLegacyRollouts(data, join(o.dataDir, "rollouts.sqlite")).catch(() => 0);
      await sweep();
    }
    return store;
  };
  // With pools configured, this replica looks for runs of dead replicas from its first request on, not only
  // once someone opens Rollouts: their hosts' health files are put back without waiting for a viewer.
  if (o.configFile) setTimeout(() => void db().catch(() => undefined), 0).unref();

  const config = (): RolloutsConfigState => loadRolloutsConfig(o.configFile);
  const ansible = () => findTool("ansible-playbook");
  const runnerEnv = (): RunnerEnv => ({
    store,
    playbookDir: o.playbookDir,
    ansiblePlaybook: ansible() ?? "ansible-playbook",
    monitorMs: o.monitorMs ?? 200,
    cancelGraceMs: o.cancelGraceMs ?? 30_000,
    probe: { maxRequests: o.probeMaxRequests ?? 50_000 },
  });

  function pool(name: string): PoolConfig {
    const c = config();
    if (c.state !== "ok")
      throw new RolloutError(
        "unconfigured",
        "rollouts_unconfigured",
        c.state === "invalid" ? `The rollouts configuration ${c.file} is invalid: ${c.message}` : "ZENITH_ROLLOUTS_CONFIG is not set.",
      );
    const p = c.pools.find((x) => x.name === name);
    if (!p) throw new RolloutError("not_found", "not_found", `No rollout pool '${name}'.`, "body.pool");
    return p;
  }

  async function getRow(id: string): Promise<RunRow> {
    const r = await (await db()).get(id);
    if (!r) throw new RolloutError("not_found", "not_found", `No rollout ${id}.`, "param.id");
    return r;
  }

  async function plan(poolName: string, input: PlanInput): Promise<RolloutPlan> {
    const p = pool(poolName);
    let states: BackendState[];
    try {
      states = await readHaproxy(p);
    } catch (e) {
      throw new RolloutError(
        "unavailable",
        "haproxy_unreachable",
        `HAProxy of pool ${p.name} did not answer: ${e instanceof Error ? e.message : e}`,
      );
    }
    return planRollout(p, states, input);
  }

  async function launch(p: PoolConfig, pl: RolloutPlan, who: string, retryOf: string | null, limit: string[] | null): Promise<RunRow> {
    if (!ansible())
      throw new RolloutError("unconfigured", "ansible_missing", "ansible-playbook is not installed (apt-get install ansible-core).");
    await (await db()).running(); // opens the database and takes over the runs of replicas that are gone
    await sweeping;
    const id = `ro-${new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)}-${randomUUID().slice(0, 8)}`;
    const row: RunRow = {
      id,
      pool: p.name,
      version: pl.version,
      serial: pl.serial,
      maxFailPercentage: pl.maxFailPercentage,
      minHealthy: p.minHealthy,
      drain: p.drain,
      status: "running",
      stoppedBy: null,
      stopReason: null,
      error: null,
      startedBy: who,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      served: 0,
      failed: 0,
      batches: pl.batches.map((b) => b.hosts.map((h) => h.host)),
      limitHosts: limit,
      retryOf,
      pid: null,
      runDir: join(o.dataDir, "rollouts", id),
      exitCode: null,
    };
    if (!(await store.insert(row, { owner: data.replica, expiresAt: Date.now() + leaseMs }))) {
      const busy = (await store.running()).find((r) => r.pool === p.name);
      throw new RolloutError("conflict", "rollout_in_progress", `Rollout ${busy?.id ?? ""} is still running on pool ${p.name}.`);
    }
    await store.append(id, "status", Date.now() / 1000, { status: "running", plan: pl });
    const a = startRun(runnerEnv(), p, row);
    active.set(id, a);
    // the lease is renewed while the run goes on; lost (this replica stalled past it), the run stops at its next gate
    const renew = setInterval(() => {
      void leases.renew(id, data.replica, leaseMs).then(
        (held) => held || a.stop("cancel", { code: "rollouts.stop.interrupted", params: {} }),
        () => undefined,
      );
    }, leaseMs / 3);
    void a.done.finally(async () => {
      clearInterval(renew);
      await leases.release(id, data.replica).catch(() => undefined);
      active.delete(id);
    });
    return (await store.get(id))!;
  }

  return {
    config,
    /** What is missing to run rollouts (and, with no pools configured, the local lab), as Debian packages. */
    tools: () => {
      const lab = config().state === "unconfigured";
      const sbin = `${process.env.PATH ?? ""}:/usr/sbin`;
      const missing = [
        ...(lab && !findTool("haproxy", sbin) ? ["haproxy"] : []),
        ...(lab && !findTool("nginx", sbin) ? ["nginx-light"] : []),
        ...(ansible() ? [] : ["ansible-core"]),
      ];
      return { ansiblePlaybook: ansible() !== null, missingPackages: missing };
    },
    async pools(): Promise<PoolView[]> {
      const c = config();
      if (c.state !== "ok") return [];
      return Promise.all(
        c.pools.map(async (p) => {
          try {
            return {
              name: p.name,
              description: p.description,
              hosts: p.hosts,
              minHealthy: p.minHealthy,
              drain: p.drain,
              backends: await readHaproxy(p),
              lbError: null,
            };
          } catch (e) {
            return {
              name: p.name,
              description: p.description,
              hosts: p.hosts,
              minHealthy: p.minHealthy,
              drain: p.drain,
              backends: [],
              lbError: e instanceof Error ? e.message : String(e),
            };
          }
        }),
      );
    },
    plan,
    /** Starts the confirmed plan; 409 plan_changed when a fresh plan differs. */
    async start(poolName: string, input: PlanInput, planId: string, who: string): Promise<RunRow> {
      const pl = await plan(poolName, input);
      if (pl.planId !== planId)
        throw new RolloutError(
          "conflict",
          "plan_changed",
          `The pool changed since the dry run (plan ${planId} is now ${pl.planId}); review the new plan.`,
        );
      return launch(pool(poolName), pl, who, null, input.limit ?? null);
    },
    async retry(id: string, who: string): Promise<RunRow> {
      const r = await getRow(id);
      if (r.status === "running") throw new RolloutError("conflict", "rollout_in_progress", `Rollout ${id} is still running.`);
      const failed = (await runView(store, r)).hosts
        .filter((h) => ["failed", "unreachable", "gated", "interrupted"].includes(h.status))
        .map((h) => h.host);
      if (!failed.length) throw new RolloutError("conflict", "no_failed_hosts", `Rollout ${id} has no failed hosts to retry.`);
      const input = { serial: r.serial, maxFailPercentage: r.maxFailPercentage, version: r.version, limit: failed };
      return launch(pool(r.pool), await plan(r.pool, input), who, id, failed);
    },
    /** Stops the run here, or asks the replica that runs it to (its lease says it is alive). */
    async cancel(id: string, who: string): Promise<RunRow> {
      const r = await getRow(id);
      if (r.status !== "running") throw new RolloutError("conflict", "not_running", `Rollout ${id} is not running (status ${r.status}).`);
      const a = active.get(id);
      if (a) a.stop("cancel", { code: "rollouts.stop.cancel", params: { user: who } } satisfies Message);
      else await askCancel(data, { id, user: who });
      return (await store.get(id))!;
    },
    list: async (limit?: number) => (await db()).list(limit),
    get: async (id: string) => runView(store, await getRow(id)),
    events: async (id: string, after: number) => {
      await getRow(id);
      return store.after(id, after);
    },
    status: async (id: string) => (await getRow(id)).status,
    waitForEvents: (id: string, ms: number, signal?: AbortSignal) => waitForEvents(data, id, ms, signal),
    /** Takes over the runs of replicas that are gone now (tests; it also runs every half lease). */
    sweep: () => sweep(),
    /** Resolves when the run ends (tests, shutdown). */
    settled: async (id: string) => {
      await active.get(id)?.done;
    },
    close: async () => {
      closed = true;
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      await sweeping;
      if (ownDatabase) await data.close();
    },
  };
}
export type RolloutService = ReturnType<typeof createRolloutService>;
