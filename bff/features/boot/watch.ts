import { ApiError } from "../../errors";
import { cinderTime, type CinderVolume } from "../../openstack/cinder";
import type { NovaServer } from "../../openstack/nova";
import type { BootIo } from "./gather";
import type { Progress } from "./schema";
import {
  META,
  mergePhases,
  phasesNow,
  predictionOf,
  summarize,
  type ObservedPhase,
  type ServerSnapshot,
  type VolumeSnapshot,
} from "./progress";

const isoTime = (t: string | null | undefined): number | null => {
  if (!t) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t.replace(" ", "T")}Z`);
  return Number.isFinite(ms) ? ms : null;
};

export function serverSnapshot(s: NovaServer): ServerSnapshot {
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    taskState: s["OS-EXT-STS:task_state"] ?? null,
    vmState: s["OS-EXT-STS:vm_state"] ?? null,
    created: isoTime(s.created) ?? Date.now(),
    updated: isoTime(s.updated),
    launchedAt: isoTime(s["OS-SRV-USG:launched_at"]),
    fault: s.fault ? { code: s.fault.code, message: s.fault.message, created: isoTime(s.fault.created) } : null,
    metadata: s.metadata ?? {},
  };
}

const volSnap = (v: CinderVolume, matchedBy: VolumeSnapshot["matchedBy"]): VolumeSnapshot => ({
  id: v.id,
  status: v.status,
  createdAt: cinderTime(v.created_at) ?? 0,
  updatedAt: cinderTime(v.updated_at),
  matchedBy,
});

async function volumeOrNull(io: BootIo, id: string): Promise<CinderVolume | null> {
  try {
    return await io.cinder.volume(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * The root volume of a booting server. Nova links it only once attached; before that it is the volume
 * made from the same image (or snapshot) right after the launch, with no other server, and the answer
 * says which way it was matched.
 */
export async function rootVolume(io: BootIo, server: NovaServer, snap: ServerSnapshot): Promise<VolumeSnapshot | null> {
  const attached = server["os-extended-volumes:volumes_attached"] ?? [];
  if (attached.length) {
    const v = await volumeOrNull(io, attached[0].id);
    return v ? volSnap(v, "attachment") : null;
  }
  const source = snap.metadata[META.source] ?? "";
  const [type, id] = [source.slice(0, source.indexOf(":")), source.slice(source.indexOf(":") + 1)];
  if (type === "volume") {
    const v = await volumeOrNull(io, id);
    return v ? volSnap(v, "attachment") : null;
  }
  const path = predictionOf(snap.metadata)?.path;
  if (!id || (path !== "copy-volume" && path !== "rbd-clone-volume")) return null;
  const started = isoTime(snap.metadata[META.started]) ?? snap.created;
  const recent = (await io.cinder.volumes({ sort: "created_at:desc" }, { limit: 50, maxItems: 50 })).items;
  const size = Number(snap.metadata[META.volumeGiB]);
  const fresh = recent
    .filter((v) => (cinderTime(v.created_at) ?? 0) >= started - 5000)
    .filter((v) => v.attachments.every((a) => a.server_id === snap.id))
    .sort((a, b) => (cinderTime(a.created_at) ?? 0) - (cinderTime(b.created_at) ?? 0));
  const bySource = fresh.find((v) => (type === "volume-snapshot" ? v.snapshot_id === id : v.volume_image_metadata?.image_id === id));
  if (bySource) return volSnap(bySource, type === "volume-snapshot" ? "snapshot-and-time" : "image-and-time");
  // Cinder records image_id in the glance metadata only at the end of the copy (while downloading the
  // volume may carry just signature_verified): until then Nova's volume is the unnamed one of the
  // planned size created right after the launch.
  const byLaunch = fresh.find((v) => !v.name && (!Number.isFinite(size) || v.size === size) && !v.volume_image_metadata?.image_id);
  return byLaunch ? volSnap(byLaunch, "launch-time") : null;
}

/** Phases seen so far per server, so repeated GETs keep first-seen times (bounded, per BFF process). */
const seen = new Map<string, ObservedPhase[]>();
const MAX_TRACKED = 500;

export async function lookProgress(
  io: BootIo,
  serverId: string,
  prev?: ObservedPhase[],
  now = Date.now(),
): Promise<{ progress: Progress; phases: ObservedPhase[] }> {
  const server = await io.nova.server(serverId);
  const snap = serverSnapshot(server);
  const volume = await rootVolume(io, server, snap);
  const phases = mergePhases(prev ?? seen.get(serverId) ?? [], phasesNow(snap, volume, now));
  seen.delete(serverId);
  seen.set(serverId, phases);
  if (seen.size > MAX_TRACKED) seen.delete(seen.keys().next().value as string);
  return { progress: summarize(snap, volume, phases, now), phases };
}
