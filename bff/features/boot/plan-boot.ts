import { cloneChecks, firstRbdLocation, verdictOf } from "./checks";
import { quotaEffects } from "./quota";
import type { Blocker, BootChoices, BootPlan, QuotaEffect, Stage } from "./schema";
import { deriveRisks } from "./risks";
import { copyEstimate, TIMING_DEFAULTS, type TimingDefaults } from "./throughput";
import {
  GiB,
  type BootPath,
  type Check,
  type ClusterFacts,
  type FlavorFacts,
  type NovaWait,
  type Quantiles,
  type QuotaFacts,
  type SnapshotProbe,
  type SourceFacts,
  type StoreProbe,
  type ThroughputModel,
} from "./types";

export interface PlanFacts {
  choices: BootChoices;
  source: SourceFacts;
  flavor: FlavorFacts | null;
  cluster: ClusterFacts;
  probe: SnapshotProbe;
  /** The service account's look at images/<id>, for a caller who cannot see the location; null otherwise. */
  store?: StoreProbe | null;
  viewerIsAdmin: boolean;
  throughput: ThroughputModel;
  wait: NovaWait;
  quotas: QuotaFacts;
  /** Cinder's default volume type name, used when none is chosen. */
  defaultVolumeType: string | null;
  timing?: TimingDefaults;
  /** The fan-out limit of running clones per parent (ZENITH_FANOUT_MAX_RUNNING_CLONES); null: not configured. */
  fanoutMaxRunningClones?: number | null;
}

const ceilGiB = (bytes: number | null | undefined) => Math.ceil((bytes ?? 0) / GiB);
const add = (a: Quantiles, b: Quantiles): Quantiles => ({ p50: a.p50 + b.p50, p90: a.p90 + b.p90 });
const round = (q: Quantiles): Quantiles => ({ p50: Math.round(q.p50 * 10) / 10, p90: Math.round(q.p90 * 10) / 10 });

/** The smallest root volume: the largest of virtual_size, size, min_disk and flavor disk (GiB, rounded up). */
export function minVolumeGiB(src: SourceFacts, flavor: FlavorFacts | null): number {
  const flavorDisk = flavor?.disk ?? 0;
  if (src.kind === "volume" || src.kind === "volume-snapshot") return Math.max(src.size, 1);
  if (src.volumeBacked) return Math.max(src.volumeBacked.volumeSize ?? 1, src.minDisk, 1);
  return Math.max(ceilGiB(src.virtualSize), ceilGiB(src.size), src.minDisk, flavorDisk, 1);
}

function storageFor(
  path: BootPath,
  src: SourceFacts,
  tp: ThroughputModel,
  t: TimingDefaults,
): { seconds: Quantiles; stages: Stage[]; bytes: number } {
  if (path === "existing-volume") return { seconds: { p50: 0, p90: 0 }, stages: [], bytes: 0 };
  if (path === "rbd-clone-local" || path === "rbd-clone-volume")
    return { seconds: t.cloneSeconds, stages: [{ stage: "clone", bytes: 0, seconds: t.cloneSeconds }], bytes: 0 };
  const img = src.kind === "image" ? src : null;
  const size = img?.size ?? 0;
  const est = copyEstimate({ size, virtualSize: img?.virtualSize ?? size, diskFormat: img?.diskFormat ?? null }, tp, t);
  return { seconds: est.total, stages: est.stages, bytes: size };
}

function imagePath(createVolume: boolean, clone: boolean): BootPath {
  if (createVolume) return clone ? "rbd-clone-volume" : "copy-volume";
  return clone ? "rbd-clone-local" : "download-convert-local";
}

/** Decides the path the cloud will take for these choices, why, what it costs, and what can go wrong. */
export function planBoot(f: PlanFacts): BootPlan {
  const t = f.timing ?? TIMING_DEFAULTS;
  const { choices: ch, source: src } = f;
  let checks: Check[] = [];
  let path: BootPath;
  let certain = true;
  let toggleApplies = false;
  let alternativePath: BootPath | null = null;
  let explanation: string;
  let createsVolume: boolean;
  let parent: string | null = null;

  if (src.kind === "volume") {
    path = "existing-volume";
    createsVolume = false;
    explanation = `Boots from the existing volume ${src.name || src.id}; nothing is copied.${ch.createVolume ? ' The "Create new volume" toggle does not apply to a volume source.' : ""}`;
  } else if (src.kind === "volume-snapshot") {
    path = "rbd-clone-volume";
    createsVolume = true;
    explanation = `Cinder creates the root volume from snapshot ${src.name || src.id}: an RBD clone of the snapshot in the volumes pool (rbd_flatten_volume_from_snapshot defaults to False).`;
  } else if (src.volumeBacked) {
    path = "rbd-clone-volume";
    createsVolume = true;
    explanation = `This instance snapshot is volume-backed: Nova has Cinder create the root volume from snapshot ${src.volumeBacked.snapshotId ?? "(unknown)"}, an RBD clone in the volumes pool.`;
  } else {
    toggleApplies = true;
    createsVolume = ch.createVolume;
    checks = cloneChecks(src, f.cluster, f.probe, f.viewerIsAdmin, f.store ?? null);
    const verdict = verdictOf(checks);
    path = imagePath(ch.createVolume, verdict !== "copy");
    if (verdict === "unknown") {
      certain = false;
      alternativePath = imagePath(ch.createVolume, false);
    }
    const loc = src.locations ? firstRbdLocation(src.locations) : null;
    if (loc && typeof loc !== "string") parent = `${loc.pool}/${loc.image}@${loc.snap}`;
    const who = ch.createVolume ? "Cinder" : "Nova";
    const where = ch.createVolume ? "a new volume in the volumes pool" : "the instance's disk in the vms pool";
    explanation =
      verdict === "clone"
        ? `All four clone conditions hold, so ${who} makes ${where} a copy-on-write clone of ${parent}: seconds, thin.`
        : verdict === "copy"
          ? `${who} cannot clone (${checks
              .filter((c) => c.status === "fail")
              .map((c) => c.evidence)
              .join("; ")}), so it downloads the whole image, converts it to raw and imports it into ${where}.`
          : `Assuming ${who} can clone into ${where}, but ${checks
              .filter((c) => c.status === "unknown")
              .map((c) => c.id)
              .join(", ")} could not be checked from this session.`;
  }

  const storage = storageFor(path, src, f.throughput, t);
  const predicted = add(storage.seconds, t.bootSeconds);
  const alt = alternativePath ? storageFor(alternativePath, src, f.throughput, t) : null;
  const min = minVolumeGiB(src, f.flavor);
  const volumeSizeGiB = src.kind === "volume" ? src.size : createsVolume ? (ch.volumeSize ?? min) : null;
  const volumeType = createsVolume
    ? ch.volumeType
      ? { name: ch.volumeType, source: "requested" as const }
      : f.defaultVolumeType
        ? { name: f.defaultVolumeType, source: "default" as const }
        : null
    : null;
  const virtual = src.kind === "image" ? (src.virtualSize ?? src.size ?? 0) : 0;
  const spaceBytes =
    path === "existing-volume"
      ? { kind: "existing" as const, bytes: 0 }
      : path === "rbd-clone-local" || path === "rbd-clone-volume"
        ? { kind: "thin" as const, bytes: 0 }
        : { kind: "full" as const, bytes: virtual };

  const newVolumes = createsVolume ? ch.count : 0;
  const quota = quotaEffects(f.quotas, {
    count: ch.count,
    flavor: f.flavor,
    newVolumes,
    newVolumeGiB: volumeSizeGiB ?? 0,
    volumeType: volumeType?.name ?? null,
  });
  const risks = deriveRisks({
    path,
    certain,
    checks,
    createVolume: createsVolume,
    deleteOnTermination: ch.deleteOnTermination,
    volumeGiB: createsVolume ? volumeSizeGiB : null,
    storage: storage.seconds,
    bytesToCopy: storage.bytes,
    wait: f.wait,
    parent,
    alternative: alternativePath && alt ? { path: alternativePath, storage: alt.seconds } : null,
  });
  const blockers = findBlockers(f, min, volumeSizeGiB, createsVolume, quota);

  return {
    source: { type: ch.source.type, id: src.id, name: src.name },
    path,
    certain,
    toggleApplies,
    createsVolume,
    explanation,
    checks,
    bytesToCopy: storage.bytes,
    predictedSeconds: round(predicted),
    storageSeconds: round(storage.seconds),
    stages: [...storage.stages.map((s) => ({ ...s, seconds: round(s.seconds) })), { stage: "boot", bytes: 0, seconds: t.bootSeconds }],
    spaceBytes,
    minVolumeGiB: min,
    volumeSizeGiB,
    volumeType,
    throughput: f.throughput,
    novaWait: f.wait,
    alternative:
      alternativePath && alt
        ? {
            path: alternativePath,
            storageSeconds: round(alt.seconds),
            predictedSeconds: round(add(alt.seconds, t.bootSeconds)),
            ifFails: checks.filter((c) => c.status === "unknown").map((c) => c.id),
            exceedsNovaWait: alternativePath === "copy-volume" && alt.seconds.p50 > f.wait.seconds,
          }
        : null,
    risks,
    quota,
    blockers,
    parentFanout: parentFanout(path, f, ch.count),
  };
}

/** A clone boot onto a parent snapshot whose clones would then exceed the fan-out limit: said next to "RBD clone". */
function parentFanout(path: BootPath, f: PlanFacts, adding: number): BootPlan["parentFanout"] {
  const max = f.fanoutMaxRunningClones;
  const clones = f.probe.clones;
  if (path !== "rbd-clone-local" && path !== "rbd-clone-volume") return null;
  if (max == null || clones === undefined || clones + adding <= max) return null;
  return { code: "busy_parent", params: { clones, adding, max } };
}

function findBlockers(f: PlanFacts, min: number, volumeSizeGiB: number | null, createsVolume: boolean, quota: QuotaEffect[]): Blocker[] {
  const { choices: ch, source: src, flavor } = f;
  const out: Blocker[] = [];
  const b = (code: string, field: string | null, message: string, params: Blocker["params"] = {}) =>
    out.push({ code, field, message, params });
  const wanted = src.kind === "image" ? "active" : "available";
  if (src.status !== wanted)
    b("source_unavailable", "source.id", `The ${ch.source.type} is ${src.status}, not ${wanted}.`, { status: src.status });
  if (src.kind === "volume") {
    if (!src.bootable) b("volume_not_bootable", "source.id", `Volume ${src.name || src.id} is not bootable (Nova refuses it).`);
    if (src.attachedTo.length > 0 && !src.multiattach)
      b("volume_in_use", "source.id", `Volume ${src.name || src.id} is attached to ${src.attachedTo.join(", ")}.`);
    if (ch.count > 1)
      b("count_volume_source", "count", "One volume can boot only one instance: count must be 1 with a volume source.", {
        count: ch.count,
      });
  }
  if (flavor && src.kind === "image") {
    if (flavor.ram < src.minRam)
      b(
        "flavor_ram_too_small",
        "flavorId",
        `Flavor ${flavor.name} has ${flavor.ram} MiB of RAM; the image needs at least ${src.minRam} MiB (min_ram).`,
        { ram: flavor.ram, minRam: src.minRam },
      );
    if (!createsVolume) {
      const need = Math.max(src.minDisk, ceilGiB(src.virtualSize ?? src.size));
      if (flavor.disk === 0 && !f.viewerIsAdmin)
        b(
          "flavor_disk_zero",
          "flavorId",
          `Flavor ${flavor.name} has no root disk (0 GiB); Nova only lets admins boot such a flavor from an image. Choose "Create new volume" or another flavor.`,
        );
      else if (flavor.disk > 0 && flavor.disk < need)
        b(
          "flavor_disk_too_small",
          "flavorId",
          `Flavor ${flavor.name} has a ${flavor.disk} GiB disk; the image needs ${need} GiB (min_disk / virtual size).`,
          { disk: flavor.disk, need },
        );
    }
  }
  if (createsVolume && volumeSizeGiB !== null && volumeSizeGiB < min)
    b(
      "volume_size_below_minimum",
      "volumeSize",
      `The volume must be at least ${min} GiB (the largest of the image's virtual size, size, min_disk and the flavor's disk).`,
      { min, size: volumeSizeGiB },
    );
  for (const q of quota.filter((x) => !x.ok))
    b(
      "quota_exceeded",
      null,
      `Quota ${q.quota} (${q.service === "compute" ? "Nova" : "Cinder"}) would be exceeded: ${q.inUse} in use + ${q.requested} requested > limit ${q.limit}.`,
      { quota: q.quota, limit: q.limit, inUse: q.inUse, requested: q.requested },
    );
  return out;
}
