import type { Services } from "../../lib/services";
import { createSharedFacts } from "../../lib/shared-facts";
import type { CloudClients } from "../../openstack/clients";
import { auditDhcp, type DhcpAudit, type DhcpState } from "./audit";
import { loadDhcpState } from "./load-state";

/** How long one read of Neutron's DHCP facts is shared by every admin viewer (stated in each answer). */
export const DHCP_SHARED_MS = 10_000;
/**
 * A read slower than this (a big cloud's: 2k networks × 100 agents take 10–18 s) does not keep viewers waiting
 * once the shared time is up: they get the last facts, marked regathering with their age, while one read runs.
 */
export const DHCP_SLOW_READ_MS = 1_000;
/** …for at most this long past the shared time (an agent is declared dead after 75 s by default): then viewers wait. */
export const DHCP_STALE_MS = 120_000;
/** The audit reads every project's networks with the admin view: one set of facts for the cloud. */
const KEY = "cloud";

/** Neutron's DHCP facts, shared like Lineage's (lib/shared-facts: one read at a time, the last facts while it runs). */
export const createDhcpFacts = (ttlMs = DHCP_SHARED_MS, slowReadMs = DHCP_SLOW_READ_MS) =>
  createSharedFacts<DhcpState>({ ttlMs, slowGather: { ms: slowReadMs, staleMs: DHCP_STALE_MS } });

/**
 * The shared DHCP facts (read by this request when none are fresh, or when `refresh`), with their stamp (when,
 * how old, whether a new read runs behind them). For views only: a heal plans on a read of its own (loadDhcpState).
 */
export async function sharedDhcpState(services: Services, clients: Pick<CloudClients, "neutron">, refresh = false) {
  const { value, ...stamp } = await services.dhcpFacts.read(KEY, () => loadDhcpState(clients.neutron), { refresh });
  return { state: value, stamp };
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
