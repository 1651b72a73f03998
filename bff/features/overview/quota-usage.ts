import type { Cinder } from "../../openstack/cinder";
import type { Neutron } from "../../openstack/neutron";
import type { Nova } from "../../openstack/nova";
import { merged, optional } from "../listing/optional";
import type { QuotaBar, QuotaUsage } from "./schema";

type Row = { limit: number; in_use?: number; used?: number; reserved?: number };

const COMPUTE = ["instances", "cores", "ram", "key_pairs", "server_groups"];
const VOLUME = ["volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes"];
const NETWORK = ["network", "subnet", "port", "router", "floatingip", "security_group", "security_group_rule"];
/** Cinder's per-type keys: volumes_<type>, gigabytes_<type>, snapshots_<type> (the type name may hold underscores). */
const PER_TYPE = /^(volumes|gigabytes|snapshots)_(.+)$/;

const bar = (resource: string, r: Row, volumeType: string | null = null): QuotaBar => ({
  resource,
  volumeType,
  used: r.in_use ?? r.used ?? 0,
  reserved: r.reserved ?? 0,
  limit: r.limit < 0 ? null : r.limit,
});
const isRow = (v: unknown): v is Row => typeof v === "object" && v !== null && typeof (v as Row).limit === "number";

/** The quota sets as bars, in a fixed order per service; a per-type Cinder quota is kept only where it is limited or used. */
export function quotaBars(nova: Record<string, unknown>, cinder: Record<string, unknown>, neutron: Record<string, unknown>) {
  const pick = (set: Record<string, unknown>, keys: string[]) => keys.flatMap((k) => (isRow(set[k]) ? [bar(k, set[k] as Row)] : []));
  const perType = Object.entries(cinder)
    .flatMap(([k, v]) => {
      const m = PER_TYPE.exec(k);
      if (!m || !isRow(v) || VOLUME.includes(k)) return [];
      const b = bar(m[1], v, m[2]);
      return b.limit !== null || b.used > 0 ? [b] : [];
    })
    .sort((a, b) => (a.volumeType ?? "").localeCompare(b.volumeType ?? "") || VOLUME.indexOf(a.resource) - VOLUME.indexOf(b.resource));
  return { compute: pick(nova, COMPUTE), volume: [...pick(cinder, VOLUME), ...perType], network: pick(neutron, NETWORK) };
}

/** The project's quota usage from Nova, Cinder and Neutron; a service that fails leaves its section empty and is named. */
export async function quotaUsage(io: { nova: Nova; cinder: Cinder; neutron: Neutron }, projectId: string): Promise<QuotaUsage> {
  const [n, c, q] = await Promise.all([
    optional("compute", io.nova.quotaDetail(projectId), {}),
    optional("volume", io.cinder.quota(projectId), {}),
    optional("network", io.neutron.quotaDetails(projectId), {}),
  ]);
  return { ...quotaBars(n.value, c.value, q.value), unavailable: merged(n.unavailable, c.unavailable, q.unavailable) };
}
