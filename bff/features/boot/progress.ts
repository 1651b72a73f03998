import type { PhaseId, Prediction, Progress } from "./schema";
import type { BootPath } from "./types";
import { novaFaultReason } from "../instances/nova-fault";

export interface ObservedPhase {
  phase: PhaseId;
  at: number;
  source: "nova" | "cinder";
  detail: string | null;
}

export interface ServerSnapshot {
  id: string;
  name: string;
  status: string;
  taskState: string | null;
  vmState: string | null;
  created: number;
  updated: number | null;
  launchedAt: number | null;
  fault: { code: number; message: string; created: number | null } | null;
  metadata: Record<string, string>;
}
export interface VolumeSnapshot {
  id: string;
  status: string;
  createdAt: number;
  updatedAt: number | null;
  matchedBy: "attachment" | "image-and-time" | "snapshot-and-time" | "launch-time";
}

/** What the BFF wrote into the server's metadata at launch (zenith_*), read back for the prediction. */
export const META = {
  path: "zenith_boot_path",
  p50: "zenith_predicted_p50",
  p90: "zenith_predicted_p90",
  wait: "zenith_nova_wait_s",
  started: "zenith_started_at",
  source: "zenith_source",
  volumeGiB: "zenith_volume_gib",
  storageP50: "zenith_storage_p50",
  altPath: "zenith_alt_path",
  altStorageP50: "zenith_alt_storage_p50",
} as const;

const num = (v: string | undefined) => (v !== undefined && v !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
export function predictionOf(meta: Record<string, string>): Prediction | null {
  const p50 = num(meta[META.p50]),
    p90 = num(meta[META.p90]);
  if (!meta[META.path] || p50 === null || p90 === null) return null;
  const altP50 = num(meta[META.altStorageP50]);
  return {
    path: meta[META.path] as BootPath,
    p50,
    p90,
    waitSeconds: num(meta[META.wait]),
    storageP50: num(meta[META.storageP50]),
    alternative: meta[META.altPath] && altP50 !== null ? { path: meta[META.altPath] as BootPath, storageP50: altP50 } : null,
  };
}

const TASK_PHASES: Record<string, PhaseId> = {
  scheduling: "scheduling",
  block_device_mapping: "block_device_mapping",
  networking: "networking",
  spawning: "spawning",
};

/** The phases this one look at Nova and Cinder shows, each with the best timestamp the APIs give. */
export function phasesNow(server: ServerSnapshot, volume: VolumeSnapshot | null, now: number): ObservedPhase[] {
  const out: ObservedPhase[] = [{ phase: "scheduling", at: server.created, source: "nova", detail: null }];
  const task = server.taskState ? TASK_PHASES[server.taskState] : undefined;
  if (volume) {
    out.push({ phase: "volume_creating", at: volume.createdAt, source: "cinder", detail: volume.id });
    if (volume.status === "downloading") out.push({ phase: "volume_downloading", at: now, source: "cinder", detail: volume.id });
    if (["available", "in-use", "reserved", "attaching"].includes(volume.status))
      out.push({ phase: "volume_available", at: volume.updatedAt ?? now, source: "cinder", detail: volume.id });
  }
  if (task && task !== "scheduling") out.push({ phase: task, at: now, source: "nova", detail: server.taskState });
  if (server.status === "ACTIVE")
    out.push({ phase: "active", at: server.launchedAt ?? server.updated ?? now, source: "nova", detail: null });
  if (server.status === "ERROR")
    out.push({ phase: "error", at: server.fault?.created ?? server.updated ?? now, source: "nova", detail: server.fault?.message ?? null });
  return out;
}

/**
 * The state machine's order: Nova sets task_state block_device_mapping, then has Cinder create the volume
 * (creating → downloading → available) and polls it, then networking, spawning, and ACTIVE or ERROR.
 */
export const PHASE_ORDER: readonly PhaseId[] = [
  "scheduling",
  "block_device_mapping",
  "volume_creating",
  "volume_downloading",
  "volume_available",
  "networking",
  "spawning",
  "active",
  "error",
];
const TERMINAL = new Set<PhaseId>(["active", "error"]);
const rank = (p: PhaseId) => PHASE_ORDER.indexOf(p);

/**
 * Merges a new look into what was seen before, in the state machine's order rather than by arrival:
 * - a phase keeps the time it was first seen;
 * - a phase seen only after the boot ended (a volume still downloading after the ERROR) is not part of it;
 * - times never run backwards: a time first seen at a poll is only an upper bound, so a phase gets at most
 *   the time of the phase after it (Spawning seen at +1.5 s before ACTIVE's launched_at +0.7 s shows +0.7 s).
 */
export function mergePhases(prev: ObservedPhase[], next: ObservedPhase[]): ObservedPhase[] {
  const seen = new Map(prev.map((p) => [p.phase, p]));
  for (const p of next) if (!seen.has(p.phase)) seen.set(p.phase, p);
  const end = [...seen.values()].filter((p) => TERMINAL.has(p.phase)).sort((a, b) => a.at - b.at)[0];
  const kept = [...seen.values()].filter((p) =>
    TERMINAL.has(p.phase) ? p === end : !end || p.at <= end.at || prev.some((q) => q.phase === p.phase),
  );
  kept.sort((a, b) => rank(a.phase) - rank(b.phase));
  for (let k = kept.length - 2; k >= 0; k--) if (kept[k].at > kept[k + 1].at) kept[k] = { ...kept[k], at: kept[k + 1].at };
  return kept;
}

/** The progress answer from the merged phases: outcome, Nova's fault verbatim, elapsed against the prediction. */
export function summarize(server: ServerSnapshot, volume: VolumeSnapshot | null, phases: ObservedPhase[], now: number): Progress {
  const outcome = server.status === "ACTIVE" ? "active" : server.status === "ERROR" ? "error" : "building";
  const started = Number.isFinite(Date.parse(server.metadata[META.started] ?? ""))
    ? Date.parse(server.metadata[META.started])
    : server.created;
  const end = outcome === "building" ? now : (phases.find((p) => p.phase === outcome)?.at ?? now);
  const elapsedSeconds = Math.max(0, Math.round((end - started) / 100) / 10);
  const prediction = predictionOf(server.metadata);
  let verdict: Progress["verdict"] = "on_track";
  if (outcome !== "building") verdict = "finished";
  else if (prediction?.waitSeconds != null && prediction.path === "copy-volume" && elapsedSeconds > prediction.waitSeconds)
    verdict = "past_nova_wait";
  else if (prediction && elapsedSeconds > prediction.p90) verdict = "slower_than_predicted";
  return {
    serverId: server.id,
    name: server.name,
    status: server.status,
    taskState: server.taskState,
    outcome,
    done: outcome !== "building",
    phases: phases.map((p) => ({ ...p, at: new Date(p.at).toISOString() })),
    volume: volume ? { id: volume.id, status: volume.status, matchedBy: volume.matchedBy } : null,
    fault: server.fault
      ? {
          code: server.fault.code,
          message: server.fault.message,
          reason: novaFaultReason(server.fault.message),
          created: server.fault.created ? new Date(server.fault.created).toISOString() : null,
        }
      : null,
    startedAt: new Date(started).toISOString(),
    elapsedSeconds,
    prediction,
    verdict,
  };
}
