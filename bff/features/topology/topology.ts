import type { CloudClients } from "../../openstack/clients";
import { buildTopology } from "./build-topology";
import { layoutTopology } from "./layout-topology";
import type { Topology } from "./schema";

/** Everything the graph needs, fetched in parallel (five calls). */
export async function projectTopology(clients: CloudClients, projectId: string): Promise<Topology> {
  const { neutron, nova } = clients;
  const [networks, subnets, routers, ports, servers] = await Promise.all([
    neutron.networks(),
    neutron.subnets(),
    neutron.routers(),
    neutron.ports(),
    nova.servers(),
  ]);
  const graph = buildTopology(
    {
      networks: networks.items,
      subnets: subnets.items,
      routers,
      ports,
      servers: servers.items.map((s) => ({ id: s.id, name: s.name, status: s.status })),
    },
    projectId,
  );
  return layoutTopology(graph);
}
