import type { Services } from "../../lib/services";
import { createSharedFacts } from "../../lib/shared-facts";
import type { CloudClients } from "../../openstack/clients";
import { auditDhcp, type DhcpAudit, type DhcpState } from "./audit";
import { loadDhcpState } from "./load-state";

/** How long one read of Neutron's DHCP facts is shared by every admin viewer (stated in each answer). */
export const DHCP_SHARED_MS = 10_000;
/** The audit reads every project's networks with the admin view: one set of facts for the cloud. */
const KEY = "cloud";

export const createDhcpFacts = () => createSharedFacts<DhcpState>({ ttlMs: DHCP_SHARED_MS });

/** The shared DHCP facts (read by this request when none are fresh, or when `refresh`), with when they were read. */
export async function sharedDhcpState(services: Services, clients: Pick<CloudClients, "neutron">, refresh = false) {
  const g = await services.dhcpFacts.get(KEY, () => loadDhcpState(clients.neutron), { refresh });
  return { state: g.value, gatheredAt: new Date(g.at).toISOString(), sharedForS: DHCP_SHARED_MS / 1000 };
}

/** A heal read Neutron afresh: its facts replace the shared ones; after a change, the next view reads anew. */
export const shareFreshDhcp = (services: Services, state: DhcpState) => services.dhcpFacts.put(KEY, state);
export const forgetSharedDhcp = (services: Services) => services.dhcpFacts.forget(KEY);

const audits = new WeakMap<DhcpState, Map<number, DhcpAudit>>();

/** The audit of shared facts against a target, computed once per facts and target (pages and filters reuse it). */
export function sharedAudit(state: DhcpState, target: number): DhcpAudit {
  let byTarget = audits.get(state);
  if (!byTarget) audits.set(state, (byTarget = new Map()));
  let audit = byTarget.get(target);
  if (!audit) byTarget.set(target, (audit = auditDhcp(state, target)));
  return audit;
}
