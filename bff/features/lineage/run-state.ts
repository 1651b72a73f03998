import type { LineageNode, OwnerFacts, RunState } from "./types";

/** Nova statuses whose domain runs (reads its disk): building, up, or moving while up. */
const RUNNING = new Set([
  "ACTIVE",
  "BUILD",
  "REBOOT",
  "HARD_REBOOT",
  "PASSWORD",
  "REBUILD",
  "RESCUE",
  "RESIZE",
  "VERIFY_RESIZE",
  "REVERT_RESIZE",
  "MIGRATING",
]);
/** Nova statuses whose domain does not run: its disk is not read until it starts again. */
const STOPPED = new Set(["SHUTOFF", "SUSPENDED", "PAUSED", "SHELVED", "SHELVED_OFFLOADED", "SOFT_DELETED", "DELETED"]);

const unknown = (status: string | null): RunState => ({ state: "unknown", certainty: "unknown", reason: "owner_unknown", status });

/** A Nova status as a run state; ERROR, UNKNOWN (a down cell) and any status not listed are unknown, never "stopped". */
export function serverRunState(status: string | undefined): RunState {
  if (status && RUNNING.has(status)) return { state: "running", certainty: "proven", reason: "server_status", status };
  if (status && STOPPED.has(status)) return { state: "stopped", certainty: "proven", reason: "server_status", status };
  return unknown(status ?? null);
}

/**
 * Whether this RBD image's owner runs, from the owner walks. Only what the walks proved is running or stopped:
 * an image without a status (owner unknown, a server the walk did not list) is unknown.
 */
export function runStateOf(
  n: Pick<LineageNode, "owner" | "orphan" | "ownerUnknown">,
  owners: OwnerFacts,
  volumeById: Map<string, OwnerFacts["volumes"][number]>,
): RunState {
  if (n.orphan) return { state: "stopped", certainty: "proven", reason: "orphan", status: null };
  if (!n.owner || n.ownerUnknown) return unknown(null);
  if (n.owner.type === "glance") return { state: "stopped", certainty: "proven", reason: "glance_image", status: null };
  if (n.owner.type === "nova") return owners.serverStatus ? serverRunState(owners.serverStatus.get(n.owner.id)) : unknown(null);
  const v = volumeById.get(n.owner.id);
  if (!v?.status || !owners.serverStatus) return unknown(v?.status ?? null);
  const attached = v.attachedTo ?? [];
  if (!attached.length)
    return v.status === "in-use"
      ? unknown(v.status)
      : { state: "stopped", certainty: "proven", reason: "volume_detached", status: v.status };
  const states = attached.map((s) => serverRunState(owners.serverStatus?.get(s)).state);
  if (states.includes("running")) return { state: "running", certainty: "proven", reason: "volume_attached", status: v.status };
  if (states.includes("unknown")) return unknown(v.status);
  return { state: "stopped", certainty: "proven", reason: "volume_attached", status: v.status };
}
