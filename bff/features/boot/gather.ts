import { glanceStoreStatus } from "../../ceph/glance-store";
import type { Services } from "../../lib/services";
import { cinderTime } from "../../openstack/cinder";
import type { CloudClients } from "../../openstack/clients";
import { isInstanceSnapshot, type GlanceImage } from "../../openstack/glance";
import type { NovaFlavor } from "../../openstack/nova";
import type { RequestSession } from "../../session/session-service";
import { firstRbdLocation } from "./checks";
import { sessionFacts } from "./session-facts";
import type { PlanFacts } from "./plan-boot";
import type { BootChoices } from "./schema";
import { learnThroughput, type VolumeSample } from "./throughput";
import { storedThroughput, storeThroughput } from "./throughput-store";
import type { ClusterFacts, FlavorFacts, ImageFacts, NovaWait, SnapshotProbe, SourceFacts, StoreProbe, ThroughputModel } from "./types";

/** The request's service clients and what the boot feature reads beside them; the edge of the boot feature. */
export function bootIo(services: Services, session: RequestSession, clients: CloudClients) {
  const { ceph, missing } = clients.cephResult();
  return {
    services,
    session,
    deps: services.deps,
    nova: clients.nova,
    glance: clients.glance,
    cinder: clients.cinder,
    neutron: clients.neutron,
    ceph,
    cephMissing: missing?.message ?? "",
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
      const bdms = JSON.parse(img.block_device_mapping) as {
        boot_index?: number | string | null;
        source_type?: string;
        snapshot_id?: string;
        volume_size?: number;
      }[];
      const root = bdms.find((b) => Number(b.boot_index) === 0) ?? bdms[0];
      if (root) volumeBacked = { snapshotId: root.snapshot_id ?? null, volumeSize: root.volume_size ?? null };
    } catch {
      /* not a mapping: treat as a plain image */
    }
  }
  return {
    kind: "image",
    id: img.id,
    name: img.name ?? img.id,
    status: img.status,
    diskFormat: img.disk_format,
    size: img.size,
    virtualSize: img.virtual_size,
    minDisk: img.min_disk ?? 0,
    minRam: img.min_ram ?? 0,
    instanceSnapshot: isInstanceSnapshot(img),
    locations: urls.length ? [...new Set(urls)] : null,
    volumeBacked,
  };
}

export async function sourceFacts(io: BootIo, source: BootChoices["source"]): Promise<SourceFacts> {
  if (source.type === "volume") {
    const v = await io.cinder.volume(source.id);
    return {
      kind: "volume",
      id: v.id,
      name: v.name ?? "",
      status: v.status,
      size: v.size,
      bootable: v.bootable === "true",
      volumeType: v.volume_type,
      attachedTo: v.attachments.map((a) => a.server_id),
      multiattach: !!v.multiattach,
    };
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
  if (!io.ceph) return { fsid: null, evidence: `no Ceph Dashboard endpoint (${io.cephMissing})` };
  try {
    return { fsid: await io.ceph.fsid(), evidence: "Ceph Dashboard /api/monitor monmap" };
  } catch (e) {
    return { fsid: null, evidence: e instanceof Error ? e.message : String(e) };
  }
}

/** Opens pool/image@snap through the Ceph Dashboard, as Nova's and Cinder's RBD drivers would. A code, never Ceph's text. */
export async function probeSnapshot(io: BootIo, img: ImageFacts, cluster: ClusterFacts): Promise<SnapshotProbe> {
  const loc = img.locations ? firstRbdLocation(img.locations) : null;
  if (!loc || typeof loc === "string") return { status: "unknown", code: "no_location", evidence: "No rbd:// location to open" };
  if (!io.ceph || cluster.fsid === null || cluster.fsid !== loc.fsid)
    return { status: "unknown", code: "ceph_unavailable", evidence: "This cloud's Ceph could not be asked" };
  try {
    const rbd = await io.ceph.image(loc.pool, loc.image);
    if (!rbd) return { status: "fail", code: "no_rbd_image", evidence: "This cloud's Ceph has no such RBD image" };
    const snap = rbd.snapshots.find((s) => s.name === loc.snap);
    if (!snap) return { status: "fail", code: "no_snapshot", evidence: "The RBD image has no such snapshot" };
    return { status: "pass", code: "snapshot_opens", evidence: "The snapshot exists in this cluster", clones: snap.children?.length ?? 0 };
  } catch {
    return { status: "unknown", code: "ceph_unavailable", evidence: "This cloud's Ceph could not be asked" };
  }
}

/** The service account's look at images/<id>, for a caller who cannot see the image's location: a verdict only. */
export async function probeStore(io: Pick<BootIo, "ceph">, imageId: string): Promise<StoreProbe> {
  const st = await glanceStoreStatus(io.ceph, imageId);
  if (st === "unknown") return { status: "unknown", snap: null, code: "ceph_unavailable" };
  if (st === "absent") return { status: "absent", snap: null, code: "not_in_cluster" };
  return {
    status: "found",
    snap: st === "found-protected" ? "protected" : st === "found-unprotected" ? "unprotected" : "missing",
    code: "in_cluster_by_id",
  };
}

/** How long a learned model serves every replica before Cinder's history is read again (throughput-store.ts). */
const LEARN_MS = 60_000;

/** Cinder's own history of volumes made from images; admins see every project's. Shared for a minute (the database). */
export async function throughputFacts(io: BootIo): Promise<ThroughputModel> {
  const scope = io.session.isAdmin ? "all" : io.session.projectId;
  const key = `${io.session.url("volume")}|${scope}`;
  const hit = await storedThroughput(io.services.db, key, LEARN_MS);
  if (hit) return hit;
  const vols = (
    await io.cinder.volumes({ sort: "created_at:desc", ...(io.session.isAdmin ? { all_tenants: "1" } : {}) }, { limit: 100, maxItems: 200 })
  ).items;
  const samples: VolumeSample[] = vols
    .filter((v) => v.volume_image_metadata)
    .map((v) => ({
      id: v.id,
      status: v.status,
      imageBytes: Number(v.volume_image_metadata?.size ?? 0),
      diskFormat: v.volume_image_metadata?.disk_format ?? "",
      createdAt: cinderTime(v.created_at) ?? 0,
      updatedAt: cinderTime(v.updated_at),
    }));
  const model = learnThroughput(samples);
  await storeThroughput(io.services.db, key, model);
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
  const image = source.kind === "image" && !source.volumeBacked ? source : null;
  const [probe, store] = await Promise.all([
    image
      ? probeSnapshot(io, image, cluster)
      : Promise.resolve<SnapshotProbe>({ status: "unknown", code: "no_location", evidence: "not an image" }),
    // Only a caller who cannot see the location needs the service account's look; an admin's plan rests on what Glance shows.
    image && !io.session.isAdmin && !image.locations?.length ? probeStore(io, image.id) : Promise.resolve(null),
  ]);
  return {
    choices,
    source,
    flavor,
    cluster,
    probe,
    store,
    viewerIsAdmin: io.session.isAdmin,
    throughput,
    wait: novaWait(io),
    quotas,
    defaultVolumeType: defaultType,
    fanoutMaxRunningClones: io.deps.fanout?.maxRunningClones ?? null,
  };
}
