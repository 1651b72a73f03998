import { createHash } from "node:crypto";
import type { PoolConfig } from "./config";
import { guardDecision } from "./guard";
import type { BackendState } from "./schema";

/** `serial` as Ansible takes it: a count, or a percentage of the hosts. */
export const SERIAL_PATTERN = /^([1-9]\d{0,3}|([1-9]\d?|100)%)$/;
/** The version: it reaches Ansible only from an extra-vars file, and only when it matches this. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/;

/** Ansible's batch size (`pct_to_int`): a percentage is floored, and never below 1. */
export function batchSize(serial: string, hosts: number): number {
  if (serial.endsWith("%")) return Math.floor((Number(serial.slice(0, -1)) / 100) * hosts) || 1;
  return Math.max(1, Math.min(Number(serial), hosts));
}

/** The hosts in Ansible's order (the configured order), cut into `serial` batches. */
export function planBatches(hosts: string[], serial: string): string[][] {
  const size = batchSize(serial, hosts.length);
  const out: string[][] = [];
  for (let i = 0; i < hosts.length; i += size) out.push(hosts.slice(i, i + size));
  return out;
}

export interface PlanInput {
  serial: string;
  maxFailPercentage: number;
  version: string;
  limit?: string[];
}

export interface PlannedBatch {
  index: number;
  hosts: { host: string; server: string; status: string }[];
  /** Backends UP outside this batch, from HAProxy now. */
  capacityLeft: number;
  /** The capacity guard would let this batch start. */
  allowed: boolean;
}

/** What a rollout runs with: the plan that proposes it and the run that carries it out share these. */
export interface RolloutSettings {
  pool: string;
  version: string;
  serial: string;
  maxFailPercentage: number;
  minHealthy: number;
  drain: boolean;
}

export interface RolloutPlan extends RolloutSettings {
  planId: string;
  batches: PlannedBatch[];
  /** The first batch the capacity guard would stop before, from HAProxy now; null when none. */
  guardStopsAt: number | null;
}

/** The dry run: batches in order with the capacity left during each; its id changes when anything in it does. */
export function planRollout(pool: PoolConfig, states: BackendState[], input: PlanInput): RolloutPlan {
  const hosts = input.limit ? pool.hosts.filter((h) => input.limit!.includes(h)) : pool.hosts;
  const byHost = new Map(states.map((s) => [s.host, s]));
  const batches = planBatches(hosts, input.serial).map((b, i): PlannedBatch => {
    const d = guardDecision(states, b, pool.minHealthy);
    return {
      index: i + 1,
      hosts: b.map((h) => ({ host: h, server: byHost.get(h)?.server ?? h, status: byHost.get(h)?.status ?? "?" })),
      capacityLeft: d.up.length,
      allowed: d.ok,
    };
  });
  const body = {
    pool: pool.name,
    version: input.version,
    serial: input.serial,
    maxFailPercentage: input.maxFailPercentage,
    minHealthy: pool.minHealthy,
    drain: pool.drain,
    batches,
    guardStopsAt: batches.find((b) => !b.allowed)?.index ?? null,
  };
  const planId = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 16);
  return { planId, ...body };
}
