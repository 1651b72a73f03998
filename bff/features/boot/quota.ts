import type { QuotaEffect } from "./schema";
import type { FlavorFacts, QuotaFacts, QuotaLine } from "./types";

export interface QuotaDemand {
  count: number;
  flavor: FlavorFacts | null;
  newVolumes: number;
  newVolumeGiB: number;
  volumeType: string | null;
}

const line = (quota: string, service: QuotaEffect["service"], q: QuotaLine | undefined, requested: number): QuotaEffect | null =>
  q ? { quota, service, limit: q.limit, inUse: q.inUse, requested, ok: q.limit < 0 || q.inUse + requested <= q.limit } : null;

/** What the boot adds to each quota, and whether it fits. Includes Cinder's per-volume-type quotas. */
export function quotaEffects(q: QuotaFacts, d: QuotaDemand): QuotaEffect[] {
  const out: (QuotaEffect | null)[] = [];
  if (q.compute) {
    out.push(line("instances", "compute", q.compute.instances, d.count));
    if (d.flavor) {
      out.push(line("cores", "compute", q.compute.cores, d.count * d.flavor.vcpus));
      out.push(line("ram", "compute", q.compute.ram, d.count * d.flavor.ram));
    }
  }
  if (q.volume && d.newVolumes > 0) {
    const gb = d.newVolumes * d.newVolumeGiB;
    out.push(line("volumes", "volume", q.volume.volumes, d.newVolumes));
    out.push(line("gigabytes", "volume", q.volume.gigabytes, gb));
    if (d.volumeType) {
      out.push(line(`volumes_${d.volumeType}`, "volume", q.volume[`volumes_${d.volumeType}`], d.newVolumes));
      out.push(line(`gigabytes_${d.volumeType}`, "volume", q.volume[`gigabytes_${d.volumeType}`], gb));
    }
    const per = q.volume.per_volume_gigabytes;
    if (per)
      out.push({
        quota: "per_volume_gigabytes",
        service: "volume",
        limit: per.limit,
        inUse: 0,
        requested: d.newVolumeGiB,
        ok: per.limit < 0 || d.newVolumeGiB <= per.limit,
      });
  }
  return out.filter((x): x is QuotaEffect => x !== null);
}
