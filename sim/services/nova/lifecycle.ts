import type { Server, ServerOp } from "./model";

export interface ServerState {
  status: string;
  vm_state: string;
  task_state: string | null;
  power_state: number;
}

/**
 * Status, vm_state, task_state and power_state at `now`, from the stored timeline only:
 * BUILD (scheduling → block_device_mapping → networking → spawning) → ACTIVE, or ERROR at failure.at;
 * once deleted: task_state deleting, then DELETED with task_state null (as real Nova answers), then gone.
 */
export function serverState(s: Server, now: number): ServerState {
  const d = s.deletion;
  if (d && now >= d.deletedAt) return { status: "DELETED", vm_state: "deleted", task_state: null, power_state: 0 };
  if (d) return { ...liveState(s, now), task_state: "deleting" };
  return liveState(s, now);
}

function liveState(s: Server, now: number): ServerState {
  if (s.softDeletedAt !== undefined && now >= s.softDeletedAt)
    return { status: "SOFT_DELETED", vm_state: "soft-delete", task_state: null, power_state: 4 };
  if (s.failure && now >= s.failure.at) return { status: "ERROR", vm_state: "error", task_state: null, power_state: 0 };
  const t = s.timeline;
  const build = (task: string) => ({ status: "BUILD", vm_state: "building", task_state: task, power_state: 0 });
  if (now < t.scheduledAt) return build("scheduling");
  if (now < t.bdmDoneAt) return build("block_device_mapping");
  if (s.failure) return build("block_device_mapping");
  if (now < t.networkedAt) return build("networking");
  if (now < t.spawnedAt) return build("spawning");
  if (s.op) return opState(s.op, now);
  const p = s.power;
  if (p.stoppedAt !== null && now >= p.stoppedAt) return { status: "SHUTOFF", vm_state: "stopped", task_state: null, power_state: 4 };
  if (p.stoppedAt !== null) return { status: "ACTIVE", vm_state: "active", task_state: "powering-off", power_state: 1 };
  if (p.rebootUntil !== null && now < p.rebootUntil) {
    const hard = p.rebootType === "HARD";
    return {
      status: hard ? "HARD_REBOOT" : "REBOOT",
      vm_state: "active",
      task_state: hard ? "reboot_started_hard" : "reboot_started",
      power_state: 1,
    };
  }
  return { status: "ACTIVE", vm_state: "active", task_state: null, power_state: 1 };
}

/** During an operation its task states in turn (spread evenly over its span), then the state it leads to. */
export function opState(op: ServerOp, now: number): ServerState {
  if (now >= op.until) return { ...op.after, task_state: null };
  const step = Math.min(op.tasks.length - 1, Math.floor(((now - op.at) / Math.max(1, op.until - op.at)) * op.tasks.length));
  return { ...op.during, task_state: op.tasks[Math.max(0, step)] };
}

/** When the server became ACTIVE (OS-SRV-USG:launched_at), or null. */
export const launchedAt = (s: Server, now: number) => (!s.failure && now >= s.timeline.spawnedAt ? s.timeline.spawnedAt : null);

/**
 * Nova's _await_block_device_map_created, given when the volume becomes available (or errors): poll, sleep
 * the interval while creating/downloading, stop at once on any other status.
 */
export function awaitVolume(
  start: number,
  readyAt: number,
  attempts: number,
  intervalMs: number,
  errorAt?: number,
): { ok: true; at: number; attempt: number } | { ok: false; failAt: number; lastPoll: number; attempts: number; waitedMs: number } {
  for (let k = 1; k <= attempts; k++) {
    const poll = start + (k - 1) * intervalMs;
    if (errorAt !== undefined && poll >= errorAt)
      return { ok: false, failAt: poll, lastPoll: poll, attempts: k, waitedMs: (k - 1) * intervalMs };
    if (poll >= readyAt) return { ok: true, at: poll, attempt: k };
  }
  return {
    ok: false,
    failAt: start + attempts * intervalMs,
    lastPoll: start + (attempts - 1) * intervalMs,
    attempts,
    waitedMs: attempts * intervalMs,
  };
}

export const volumeNotCreated = (server: string, volume: string, seconds: number, attempts: number, status: string) =>
  `Build of instance ${server} aborted: Volume ${volume} did not finish being created even after we waited ${seconds} seconds or ${attempts} attempts. And its status is ${status}.`;
