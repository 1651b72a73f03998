import type { SimState } from "../../core/state";
import { neutron } from "../neutron/model";
import { createPort, updatePort } from "../neutron/ports";
import type { Nic } from "./model";

export class NovaError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type NetworkRequest = { uuid?: string; port?: string; fixed_ip?: string };

/** Resolves `networks` ("auto", "none" or a list) against Neutron, as nova's API does before scheduling. */
export function validateNetworks(state: SimState, projectId: string, req: unknown): NetworkRequest[] {
  const nx = neutron(state);
  if (req === "none") return [];
  if (req === "auto" || req === undefined) {
    const net = nx.networks.find((n) => !n["router:external"] && (n.shared || n.project_id === projectId));
    if (!net) {
      if (req === undefined) return [];
      throw new NovaError(400, `Unable to automatically allocate a network for project ${projectId}`);
    }
    return [{ uuid: net.id }];
  }
  if (!Array.isArray(req))
    throw new NovaError(
      400,
      `Invalid input for field/attribute networks. Value: ${JSON.stringify(req)}. ${JSON.stringify(req)} is not valid under any of the given schemas`,
    );
  return req.map((r: any) => {
    if (r.port) {
      const p = nx.ports.get(r.port);
      if (!p) throw new NovaError(400, `Port id ${r.port} could not be found.`);
      if (p.device_id) throw new NovaError(409, `Port ${r.port} is still in use.`);
      return { port: r.port };
    }
    if (!r.uuid || !nx.networks.get(r.uuid)) throw new NovaError(400, `Network ${r.uuid} could not be found.`);
    return { uuid: r.uuid, fixed_ip: r.fixed_ip };
  });
}

/** Allocates (or binds) one port per requested network, as nova's allocate_for_instance does. */
export function allocateNics(
  state: SimState,
  serverId: string,
  projectId: string,
  host: string,
  az: string,
  reqs: NetworkRequest[],
): Nic[] {
  const nx = neutron(state);
  return reqs.map((r) => {
    const bind = { device_id: serverId, device_owner: `compute:${az}`, "binding:host_id": host };
    const port = r.port
      ? updatePort(state, r.port, bind)
      : createPort(state, {
          network_id: r.uuid!,
          project_id: projectId,
          ...bind,
          fixed_ips_request: r.fixed_ip ? [{ ip_address: r.fixed_ip }] : undefined,
        });
    const net = nx.networks.get(port.network_id);
    return {
      networkId: port.network_id,
      networkName: net?.name ?? port.network_id,
      addr: port.fixed_ips[0]?.ip_address ?? "",
      mac: port.mac_address,
      portId: port.id,
      novaCreated: !r.port,
    };
  });
}

/** Releases the server's ports (deallocate_for_instance): nova-created ones are deleted, user ports unbound. */
export function releaseNics(state: SimState, nics: Nic[]): void {
  const nx = neutron(state);
  for (const n of nics) {
    if (!nx.ports.get(n.portId)) continue;
    if (n.novaCreated) nx.ports.remove(n.portId);
    else updatePort(state, n.portId, { device_id: "", device_owner: "", "binding:host_id": "" });
  }
}
