import type { Generated } from "kysely";

/** Times are epoch milliseconds (bigint in PostgreSQL, read back as numbers); JSON columns hold text. */
export interface AuditTable {
  id: Generated<number>;
  at: number;
  finished_at: number | null;
  request_id: string;
  plan_id: string | null;
  user_id: string;
  user: string;
  project_id: string;
  project: string;
  source: string;
  action: string;
  target: string;
  step: string;
  result: string;
  detail: string | null;
}

/** One rollout run; column names are RunRow's keys. */
export interface RolloutRunsTable {
  id: string;
  pool: string;
  version: string;
  serial: string;
  maxFailPercentage: number;
  minHealthy: number;
  drain: number;
  status: string;
  stoppedBy: string | null;
  stopReason: string | null;
  error: string | null;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  served: number;
  failed: number;
  batches: string;
  limitHosts: string | null;
  retryOf: string | null;
  pid: number | null;
  runDir: string;
  exitCode: number | null;
}

export interface RolloutEventsTable {
  run_id: string;
  seq: number;
  /** Epoch seconds, as Ansible's callback writes them. */
  ts: number;
  type: string;
  data: string;
}

/** Who runs a rollout: one row per running run (one per pool), renewed by its owner, taken over once expired. */
export interface RolloutLeasesTable {
  run_id: string;
  pool: string;
  owner: string;
  expires_at: number;
}

/** A dry run's plan, by the user who made it. */
export interface PlansTable {
  kind: string;
  plan_id: string;
  user_id: string;
  made_at: number;
}

/** One execution at a time per key (an image, a network): the holder is the execution's request id. */
export interface PlanLocksTable {
  key: string;
  holder: string;
  owner: string;
  expires_at: number;
}

/** The copy throughput last learned from a cloud's history, so every replica estimates alike. */
export interface ThroughputTable {
  cloud: string;
  model: string;
  learned_at: number;
}

export interface Schema {
  audit: AuditTable;
  rollout_runs: RolloutRunsTable;
  rollout_events: RolloutEventsTable;
  rollout_leases: RolloutLeasesTable;
  plans: PlansTable;
  plan_locks: PlanLocksTable;
  throughput: ThroughputTable;
}
