import type { Cinder } from "../../openstack/cinder";
import type { Nova, NovaHypervisor, ServiceRecord } from "../../openstack/nova";
import { merged, optional } from "../listing/optional";
import type { Hypervisor, Infrastructure, ServiceRow } from "./schema";

const pair = (used: number | undefined, total: number | undefined) => (typeof total === "number" ? { used: used ?? 0, total } : null);

export function toHypervisor(h: NovaHypervisor): Hypervisor {
  return {
    id: String(h.id),
    hostname: h.hypervisor_hostname,
    type: h.hypervisor_type ?? null,
    state: h.state,
    status: h.status,
    hostIp: h.host_ip ?? null,
    vcpus: pair(h.vcpus_used, h.vcpus),
    ramMiB: pair(h.memory_mb_used, h.memory_mb),
    diskGiB: pair(h.local_gb_used, h.local_gb),
    runningVms: h.running_vms ?? null,
  };
}

export function toServiceRow(service: ServiceRow["service"], s: ServiceRecord): ServiceRow {
  return {
    service,
    binary: s.binary,
    host: s.host,
    zone: s.zone,
    status: s.status,
    state: s.state,
    updatedAt: s.updated_at,
    disabledReason: s.disabled_reason ?? null,
    forcedDown: s.forced_down === true,
  };
}

/** Admin, read-only: Nova's hypervisors and services and Cinder's services; a service that fails is named, not fatal. */
export async function infrastructure(nova: Nova, cinder: Cinder): Promise<Infrastructure> {
  const [hyp, novaSvc, cinderSvc] = await Promise.all([
    optional("compute", nova.hypervisors(), []),
    optional("compute", nova.services(), []),
    optional("volume", cinder.services(), []),
  ]);
  const unavailable = merged(hyp.unavailable, novaSvc.unavailable, cinderSvc.unavailable);
  return {
    hypervisors: hyp.value.map(toHypervisor).sort((a, b) => a.hostname.localeCompare(b.hostname, "en", { numeric: true })),
    services: [...novaSvc.value.map((s) => toServiceRow("compute", s)), ...cinderSvc.value.map((s) => toServiceRow("volume", s))],
    unavailable,
  };
}
