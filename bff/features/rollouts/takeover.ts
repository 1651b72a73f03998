import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ZenithDatabase } from "../../db/database";
import type { RolloutsConfigState } from "./config";
import type { Leases } from "./lease";
import { restoreHealthFiles } from "./restore";
import type { Message } from "./schema";
import type { RolloutStore, RunRow } from "./store";

export interface TakeoverEnv {
  database: ZenithDatabase;
  store: RolloutStore;
  leases: Leases;
  leaseMs: number;
  config: () => RolloutsConfigState;
  /** null when ansible-playbook is not installed here. */
  ansiblePlaybook: () => string | null;
  playbookDir: string;
  dataDir: string;
  /** Runs this replica follows itself (their leases are renewed, never taken over). */
  isLocal: (id: string) => boolean;
}

const INTERRUPTED: Message = { code: "rollouts.stop.interrupted", params: {} };

/**
 * A run whose replica is gone: once its lease is taken over here, the run is marked interrupted, an Ansible of
 * this replica's that outlived a restart stops at its next gate, and the run's hosts get their health files back.
 */
async function interrupt(env: TakeoverEnv, r: RunRow): Promise<void> {
  const { store } = env;
  if (!(await store.finishIfRunning(r.id, { status: "interrupted", finishedAt: new Date().toISOString(), stopReason: INTERRUPTED })))
    return;
  await store.append(r.id, "status", Date.now() / 1000, { status: "interrupted", stoppedBy: null, stopReason: INTERRUPTED });
  if (existsSync(join(r.runDir, "gate"))) writeFileSync(join(r.runDir, "gate", "STOP"), "interrupted: its Zenith replica stopped");
  const c = env.config();
  const pool = c.state === "ok" ? c.pools.find((p) => p.name === r.pool) : undefined;
  const ansible = env.ansiblePlaybook();
  const result =
    pool && ansible
      ? await restoreHealthFiles(
          { ansiblePlaybook: ansible, playbookDir: env.playbookDir },
          pool,
          r,
          join(env.dataDir, "rollouts", r.id, "restore"),
        )
      : { ok: false, exitCode: null, log: pool ? "ansible-playbook is not installed" : `pool ${r.pool} is not configured` };
  await store.append(r.id, "restore", Date.now() / 1000, { hosts: r.batches.flat(), ...result });
}

/** Takes over every `running` run whose lease expired (or that has none); returns the ids it interrupted. */
export async function sweepOrphans(env: TakeoverEnv): Promise<string[]> {
  const done: string[] = [];
  for (const r of await env.store.running()) {
    if (env.isLocal(r.id)) continue;
    if (!(await env.leases.takeOver(r.id, r.pool, env.database.replica, env.leaseMs))) continue;
    try {
      await interrupt(env, r);
      done.push(r.id);
    } finally {
      await env.leases.release(r.id, env.database.replica);
    }
  }
  return done;
}
