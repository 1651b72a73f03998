import { createCephDashboard, type CephDashboard } from "../../ceph/dashboard";
import { ApiError } from "../../errors";
import { cephAccount } from "../../ceph/account";
import type { Services } from "../../lib/services";
import { createCinder, cinderTime } from "../../openstack/cinder";
import { createGlance, isInstanceSnapshot, type GlanceImage } from "../../openstack/glance";
import { createNeutron } from "../../openstack/neutron";
import { createNova, type NovaFlavor } from "../../openstack/nova";
import type { RequestSession } from "../../session/session-service";
import { firstRbdLocation } from "./checks";
import { sessionFacts } from "./session-facts";
import type { BootChoices, PlanFacts } from "./plan-boot";
import { learnThroughput, type VolumeSample } from "./throughput";
import type { ClusterFacts, FlavorFacts, ImageFacts, NovaWait, SnapshotProbe, SourceFacts, ThroughputModel } from "./types";

/** The service clients one request works with; the edge of the boot feature. */
export function bootIo(services: Services, session: RequestSession) {
  const { http, deps } = services;
  let ceph: CephDashboard | null = null;
  let cephMissing = "";
  let cephNotConfigured = false;
  try {
    const account = cephAccount(deps);
    const url = deps.ceph.url ?? session.url("ceph");
    ceph = createCephDashboard(http, url, account);
  } catch (e) {
    cephMissing = e instanceof Error ? e.message : String(e);
    cephNotConfigured = e instanceof ApiError && (e.extra.details as { reason?: string } | undefined)?.reason === "not_configured";
  }
  return {
    services, session, deps,
    nova: createNova(http, session), glance: createGlance(http, session), cinder: createCinder(http, session), neutron: createNeutron(http, session),
    ceph, cephMissing, cephNotConfigured,
  };
}
export type BootIo = ReturnType<typeof bootIo>;

export function novaWait(io: Pick<BootIo, "deps">): NovaWait {
  const { blockDeviceAllocateRetries: retries, blockDeviceAllocateRetriesInterval: intervalSeconds } = io.deps.nova;
  const attempts = Math.max(retries, 0) + 1;
  return { retries, intervalSeconds, attempts, seconds: attempts * intervalSeconds };
}

export function imageFacts(img: GlanceImage): ImageFacts {
  const urls = [...(img.locations ?? []).map((l) => l.url), ...(img.direct_url ? [img.direct_url] : [])];
  let volumeBacked: ImageFacts["volumeBacked"] = null;
  if (typeof img.block_device_mapping === "string") {
    try {
      const bdms = JSON.parse(img.block_device_mapping) as { boot_index?: number | string | null; source_type?: string; snapshot_id?: string; volume_size?: number }[];
      const root = bdms.find((b) => Number(b.boot_index) === 0) ?? bdms[0];
      if (root) volumeBacked = { snapshotId: root.snapshot_id ?? null, volumeSize: root.volume_size ?? null };
    } catch { /* not a mapping: treat as a plain image */ }
  }
  return {
    kind: "image", id: img.id, name: img.name ?? img.id, status: img.status, diskFormat: img.disk_format, size: img.size, virtualSize: img.virtual_size,
    minDisk: img.min_disk ?? 0, minRam: img.min_ram ?? 0, instanceSnapshot: isInstanceSnapshot(img),
    locations: urls.length ? [...new Set(urls)] : null, volumeBacked,
  };
}

export async function sourceFacts(io: BootIo, source: BootChoices["source"]): Promise<SourceFacts> {
  if (source.type === "volume") {
    const v = await io.cinder.volume(source.id);
    return { kind: "volume", id: v.id, name: v.name ?? "", status: v.status, size: v.size, bootable: v.bootable === "true", volumeType: v.volume_type,
      attachedTo: v.attachments.map((a) => a.server_id), multiattach: !!v.multiattach };
  }
  if (source.type === "volume-snapshot") {
    const s = await io.cinder.snapshot(source.id);
    return { kind: "volume-snapshot", id: s.id, name: s.name ?? "", status: s.status, size: s.size, volumeId: s.volume_id };
  }
  return imageFacts(await sessionFacts.image(io, source.id));
}

export const flavorFacts = (f: NovaFlavor): FlavorFacts => ({ id: f.id, name: f.name, vcpus: f.vcpus, ram: f.ram, disk: f.disk });

/** This cloud's own fsid from the Ceph Dashboard; `null` with the reason when it cannot be read. */
export async function clusterFacts(io: BootIo): Promise<ClusterFacts> {
  if (!io.ceph) return { fsid: null, evidence: io.cephNotConfigured ? io.cephMissing : `no Ceph Dashboard endpoint (${io.cephMissing})`, reason: "ceph_not_configured" };
  try {
    return { fsid: await io.ceph.fsid(), evidence: "Ceph Dashboard /api/monitor monmap" };
  } catch (e) {
    const notConfigured = e instanceof ApiError && (e.extra.details as { reason?: string } | undefined)?.reason === "not_configured";
    return { fsid: null, evidence: e instanceof Error ? e.message : String(e), reason: notConfigured ? "ceph_not_configured" : "ceph_unavailable" };
  }
}

/** Opens pool/image@snap through the Ceph Dashboard, as Nova's and Cinder's RBD drivers would. */
export async function probeSnapshot(io: BootIo, img: ImageFacts, cluster: ClusterFacts): Promise<SnapshotProbe> {
  const loc = img.locations ? firstRbdLocation(img.locations) : null;
  if (!loc || typeof loc === "string") return { status: "unknown", evidence: "No rbd:// location to open", reason: "no_location" };
  if (!io.ceph || cluster.fsid === null || cluster.fsid !== loc.fsid)
    return { status: "unknown", evidence: `Cannot open ${loc.pool}/${loc.image}@${loc.snap}: ${cluster.evidence}`, reason: cluster.reason ?? (cluster.fsid !== loc.fsid ? "other_cluster" : "ceph_unavailable") };
  try {
    const rbd = await io.ceph.image(loc.pool, loc.image);
    if (!rbd) return { status: "fail", evidence: `Ceph has no RBD image ${loc.pool}/${loc.image}`, reason: "image_missing" };
    const snap = rbd.snapshots.find((s) => s.name === loc.snap);
    if (!snap) return { status: "fail", evidence: `${loc.pool}/${loc.image} has no snapshot ${loc.snap}`, reason: "snapshot_missing" };
    return { status: "pass", evidence: `${loc.pool}/${loc.image}@${loc.snap} exists${snap.is_protected ? " and is protected" : ""} (Ceph Dashboard)`, reason: "snapshot_found" };
  } catch (e) {
    return { status: "unknown", evidence: e instanceof Error ? e.message : String(e), reason: "ceph_unavailable" };
  }
}

/** Per app (its Services), so tests with fresh apps learn afresh. */
const learnedByApp = new WeakMap<Services, Map<string, { model: ThroughputModel; until: number }>>();
const LEARN_MS = 60_000;

/** Cinder's own history of volumes made from images; admins see every project's. Cached for a minute. */
export async function throughputFacts(io: BootIo): Promise<ThroughputModel> {
  const scope = io.session.isAdmin ? "all" : io.session.projectId;
  const key = `${io.session.url("volume")}|${scope}`;
  let learned = learnedByApp.get(io.services);
  if (!learned) learnedByApp.set(io.services, (learned = new Map()));
  const hit = learned.get(key);
  if (hit && hit.until > Date.now()) return hit.model;
  const vols = (await io.cinder.volumes({ sort: "created_at:desc", ...(io.session.isAdmin ? { all_tenants: "1" } : {}) }, { limit: 100, maxItems: 200 })).items;
  const samples: VolumeSample[] = vols.filter((v) => v.volume_image_metadata).map((v) => ({
    id: v.id, status: v.status, imageBytes: Number(v.volume_image_metadata?.size ?? 0), diskFormat: v.volume_image_metadata?.disk_format ?? "",
    createdAt: cinderTime(v.created_at) ?? 0, updatedAt: cinderTime(v.updated_at),
  }));
  const model = learnThroughput(samples);
  learned.set(key, { model, until: Date.now() + LEARN_MS });
  return model;
}

/**
 * Every fact the planner needs, fetched in parallel where independent. The session's quotas, default volume type,
 * flavors and images come through `sessionFacts`, shared with the wizard's options for a few seconds.
 */
export async function gatherPlanFacts(io: BootIo, choices: BootChoices): Promise<PlanFacts> {
  const [source, flavor, cluster, throughput, quotas, defaultType] = await Promise.all([
    sourceFacts(io, choices.source),
    choices.flavorId ? sessionFacts.flavor(io, choices.flavorId).then(flavorFacts) : Promise.resolve(null),
    clusterFacts(io),
    throughputFacts(io),
    sessionFacts.quotas(io),
    sessionFacts.defaultType(io).then((t) => t?.name ?? null),
  ]);
  const probe = source.kind === "image" && !source.volumeBacked ? await probeSnapshot(io, source, cluster) : { status: "unknown" as const, evidence: "not an image", reason: "no_location" as const };
  return { choices, source, flavor, cluster, probe, viewerIsAdmin: io.session.isAdmin, throughput, wait: novaWait(io), quotas, defaultVolumeType: defaultType };
}
