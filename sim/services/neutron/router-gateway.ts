import type { SimState } from "../../core/state";
import type { AuthContext } from "../keystone/token-auth";
import { errors, NeutronError } from "./errors";
import { fipsThroughRouter, l3, OWNER, type Router } from "./l3-model";
import { l3Errors } from "./l3-errors";
import { neutron } from "./model";
import { canSeeNetwork } from "./network-view";
import { createPort } from "./ports";

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** The keys of external_gateway_info's validator, in the attribute map's order (l3 + l3-ext-gw-mode). */
const GW_KEYS = ["network_id", "enable_snat", "external_fixed_ips"] as const;

const gwInvalid = (reason: string) => errors.badRequest(`Invalid input for external_gateway_info. Reason: ${reason}.`);

/**
 * neutron.policy's match rule for a body with external_gateway_info: the action, the attribute, and each sub-attribute
 * given (AndCheck renders as "(a and b)"). Members may set network_id; enable_snat and external_fixed_ips are admin-only.
 */
function checkGwPolicy(auth: AuthContext, action: "create_router" | "update_router", info: Record<string, unknown>): void {
  if (auth.isAdmin || !("enable_snat" in info || "external_fixed_ips" in info)) return;
  const subs = GW_KEYS.filter((k) => k in info).map((k) => `rule:${action}:external_gateway_info:${k}`);
  const rule = `(rule:${action} and (rule:${action}:external_gateway_info and (${subs.join(" and ")})))`;
  throw new NeutronError(403, "PolicyNotAuthorized", `${rule} is disallowed by policy`);
}

/** Validates a body's external_gateway_info (null or {} clears it); answers the network to set, or null. */
export function readGatewayInfo(
  state: SimState,
  auth: AuthContext,
  action: "create_router" | "update_router",
  info: unknown,
): { network_id: string; enable_snat: boolean } | null {
  if (info === null || info === undefined) return null;
  if (typeof info !== "object" || Array.isArray(info)) throw gwInvalid(`'${JSON.stringify(info)}' is not a dictionary`);
  const body = info as Record<string, unknown>;
  if (!Object.keys(body).length) return null;
  if (!("network_id" in body)) {
    const provided = Object.keys(body).map((k) => `'${k}'`);
    throw gwInvalid(`Validation of dictionary's keys failed. Expected keys: {'network_id'} Provided keys: {${provided.join(", ")}}`);
  }
  const netId = String(body.network_id);
  if (!UUID.test(netId)) throw gwInvalid(`'${netId}' is not a valid UUID`);
  checkGwPolicy(auth, action, body);
  const net = neutron(state).networks.get(netId);
  if (!net || !canSeeNetwork(auth, net)) throw errors.networkNotFound(netId);
  if (!net["router:external"]) throw errors.badResourceRequest("router", `Network ${netId} is not an external network`);
  return { network_id: netId, enable_snat: body.enable_snat === undefined ? true : body.enable_snat === true };
}

/** Sets, changes or clears a router's gateway as l3_db._update_router_gw_info does; answers the updated router. */
export function applyGateway(state: SimState, r: Router, wanted: { network_id: string; enable_snat: boolean } | null): Router {
  const nx = neutron(state);
  const current = r.gateway ?? null;
  if (current && wanted && current.network_id === wanted.network_id)
    return { ...r, gateway: { ...current, enable_snat: wanted.enable_snat } };
  if (current) {
    if (fipsThroughRouter(state, r.id).length) throw l3Errors.gatewayInUseByFip(r.id, current.network_id);
    nx.ports.remove(current.port_id);
  }
  if (!wanted) return { ...r, gateway: null };
  const port = createPort(state, {
    network_id: wanted.network_id,
    project_id: "",
    device_id: r.id,
    device_owner: OWNER.gateway,
    security_groups: [],
  });
  return { ...r, gateway: { ...wanted, port_id: port.id } };
}

/** The router's external_gateway_info as the API renders it. */
export function renderGateway(state: SimState, r: Router): Record<string, unknown> | null {
  if (!r.gateway) return null;
  const port = neutron(state).ports.get(r.gateway.port_id);
  return {
    network_id: r.gateway.network_id,
    external_fixed_ips: (port?.fixed_ips ?? []).map((f) => ({ subnet_id: f.subnet_id, ip_address: f.ip_address })),
    enable_snat: r.gateway.enable_snat,
  };
}

/** Removes a router as l3_db.delete_router does: 409 while it has interfaces; its gateway port goes with it. */
export function deleteRouter(state: SimState, r: Router, interfaces: string[]): void {
  if (interfaces.length) throw l3Errors.routerInUse(r.id, interfaces);
  state.store.transaction(() => {
    applyGateway(state, r, null);
    l3(state).routers.remove(r.id);
  });
}
