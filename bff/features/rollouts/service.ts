import { randomUUID } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadRolloutsConfig, type PoolConfig, type RolloutsConfigState } from "./config";
import { readHaproxy } from "./haproxy";
import { planRollout, type PlanInput, type RolloutPlan } from "./plan";
import { startRun, type ActiveRun, type RunnerEnv } from "./runner";
import type { BackendState, Message, PoolView } from "./schema";
import { openRolloutStore, type RolloutStore, type RunRow } from "./store";
import { findTool } from "./tools";
import { runView } from "./view";

export interface RolloutsOptions {
  configFile?: string;
  dataDir: string;
  playbookDir: string;
  monitorMs?: number;
  cancelGraceMs?: number;
  probeMaxRequests?: number;
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

/** Admin → Rollouts: pools from the configuration, plans, runs (stored in SQLite), their events. */
export function createRolloutService(opts: RolloutsOptions) {
  // ansible-playbook runs in the run's directory: every path handed to it must be absolute
  const o = { ...opts, dataDir: resolve(opts.dataDir), playbookDir: resolve(opts.playbookDir) };
  let store: RolloutStore | null = null;
  const active = new Map<string, ActiveRun>();

  /** Opened on first use (never at build time); runs left `running` by a previous process become `interrupted`. */
  const db = (): RolloutStore => {
    if (store) return store;
    store = openRolloutStore(join(o.dataDir, "rollouts.sqlite"));
    for (const r of store.running()) {
      store.update(r.id, {
        status: "interrupted",
        finishedAt: new Date().toISOString(),
        stopReason: { code: "rollouts.stop.interrupted", params: {} },
      });
      store.append(r.id, "status", Date.now() / 1000, {
        status: "interrupted",
        stoppedBy: null,
        stopReason: { code: "rollouts.stop.interrupted", params: {} },
      });
      // an Ansible that outlived the app stops at its next capacity gate
      if (existsSync(join(r.runDir, "gate"))) writeFileSync(join(r.runDir, "gate", "STOP"), "interrupted: Zenith restarted");
    }
    return store;
  };

  const config = (): RolloutsConfigState => loadRolloutsConfig(o.configFile);
  const ansible = () => findTool("ansible-playbook");
  const runnerEnv = (): RunnerEnv => ({
    store: db(),
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

  function getRow(id: string): RunRow {
    const r = db().get(id);
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

  function launch(p: PoolConfig, pl: RolloutPlan, who: string, retryOf: string | null, limit: string[] | null): RunRow {
    if (!ansible())
      throw new RolloutError("unconfigured", "ansible_missing", "ansible-playbook is not installed (apt-get install ansible-core).");
    const busy = db()
      .running()
      .find((r) => r.pool === p.name);
    if (busy) throw new RolloutError("conflict", "rollout_in_progress", `Rollout ${busy.id} is still running on pool ${p.name}.`);
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
    db().insert(row);
    db().append(id, "status", Date.now() / 1000, { status: "running", plan: pl });
    const a = startRun(runnerEnv(), p, row);
    active.set(id, a);
    void a.done.finally(() => active.delete(id));
    return db().get(id)!;
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
      const r = getRow(id);
      if (r.status === "running") throw new RolloutError("conflict", "rollout_in_progress", `Rollout ${id} is still running.`);
      const failed = runView(db(), r)
        .hosts.filter((h) => ["failed", "unreachable", "gated", "interrupted"].includes(h.status))
        .map((h) => h.host);
      if (!failed.length) throw new RolloutError("conflict", "no_failed_hosts", `Rollout ${id} has no failed hosts to retry.`);
      const input = { serial: r.serial, maxFailPercentage: r.maxFailPercentage, version: r.version, limit: failed };
      return launch(pool(r.pool), await plan(r.pool, input), who, id, failed);
    },
    cancel(id: string, who: string): RunRow {
      const r = getRow(id);
      const a = active.get(id);
      if (r.status !== "running" || !a)
        throw new RolloutError("conflict", "not_running", `Rollout ${id} is not running here (status ${r.status}).`);
      a.stop("cancel", { code: "rollouts.stop.cancel", params: { user: who } } satisfies Message);
      return db().get(id)!;
    },
    list: (limit?: number) => db().list(limit),
    get: (id: string) => runView(db(), getRow(id)),
    events: (id: string, after: number) => {
      getRow(id);
      return db().after(id, after);
    },
    status: (id: string) => getRow(id).status,
    /** Resolves when the run ends (tests, shutdown). */
    settled: async (id: string) => {
      await active.get(id)?.done;
    },
    close: () => {
      store?.close();
      store = null;
    },
  };
}
export type RolloutService = ReturnType<typeof createRolloutService>;
