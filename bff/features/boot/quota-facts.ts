import type { CinderQuotaSet } from "../../openstack/cinder";
import type { BootIo } from "./gather";
import type { QuotaFacts } from "./types";

/** The session's project quotas as the planner reads them: Nova's absolute limits and Cinder's quota set with usage. */
export async function quotaFacts(io: BootIo): Promise<QuotaFacts> {
  const [limits, qs] = await Promise.all([io.nova.limits(), io.cinder.quota(io.session.projectId)]);
  return {
    compute: {
      instances: { limit: limits.maxTotalInstances, inUse: limits.totalInstancesUsed },
      cores: { limit: limits.maxTotalCores, inUse: limits.totalCoresUsed },
      ram: { limit: limits.maxTotalRAMSize, inUse: limits.totalRAMUsed },
    },
    volume: cinderQuota(qs),
  };
}
export function cinderQuota(qs: CinderQuotaSet): Record<string, { limit: number; inUse: number }> {
  const out: Record<string, { limit: number; inUse: number }> = {};
  for (const [k, v] of Object.entries(qs)) if (v && typeof v === "object") out[k] = { limit: v.limit, inUse: v.in_use + (v.reserved ?? 0) };
  return out;
}
