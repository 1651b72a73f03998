import type { Cloud, CloudUser } from "./cloud";

type Session = Awaited<ReturnType<Cloud["session"]>>;

/**
 * What a floating IP needs to reach an instance's port: an external network (an admin's; neither target seeds one)
 * and the tenant's own network with a subnet, joined by the tenant's router. Made through Neutron as setup (not what
 * a spec is about), and removed again: the tenant's floating IPs on it, the router, the network, the external network.
 */
export class RoutedNetwork {
  private constructor(
    private readonly cloud: Cloud,
    private readonly admin: Session,
    private readonly tenant: Session,
    readonly names: { external: string; network: string; router: string },
    private readonly ids: { external: string; network?: string; subnet?: string; router?: string },
  ) {}

  /** Names start with `tag`; the CIDRs are this spec's own (another spec's may exist at the same time). */
  static async make(
    cloud: Cloud,
    admin: CloudUser,
    tenant: { user: CloudUser; project: string },
    tag: string,
    cidr: { external: string; network: string },
  ): Promise<RoutedNetwork> {
    const a = await cloud.session(admin, "admin");
    const t = await cloud.session(tenant.user, tenant.project);
    const names = { external: `${tag}-ext`, network: `${tag}-net`, router: `${tag}-router` };
    const post = (s: Session, path: string, json: unknown) => cloud.call(s, "network", path, { method: "POST", json });
    const { network: ext } = await post(a, "/v2.0/networks", { network: { name: names.external, "router:external": true } });
    const made = new RoutedNetwork(cloud, a, t, names, { external: ext.id });
    try {
      await post(a, "/v2.0/subnets", { subnet: { network_id: ext.id, cidr: cidr.external, ip_version: 4 } });
      const { network } = await post(t, "/v2.0/networks", { network: { name: names.network } });
      made.ids.network = network.id;
      const { subnet } = await post(t, "/v2.0/subnets", { subnet: { network_id: network.id, cidr: cidr.network, ip_version: 4 } });
      made.ids.subnet = subnet.id;
      const { router } = await post(t, "/v2.0/routers", {
        router: { name: names.router, external_gateway_info: { network_id: ext.id } },
      });
      made.ids.router = router.id;
      await cloud.call(t, "network", `/v2.0/routers/${router.id}/add_router_interface`, { method: "PUT", json: { subnet_id: subnet.id } });
    } catch (e) {
      await made.remove();
      throw e;
    }
    return made;
  }

  /** Removes what make() made, after the tenant's servers on the network are gone; each step goes on past a failure. */
  async remove(): Promise<void> {
    const { cloud, admin, tenant, ids } = this;
    const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
    const fips = await cloud.call(tenant, "network", `/v2.0/floatingips?floating_network_id=${ids.external}`).catch(() => null);
    for (const f of fips?.floatingips ?? []) await quiet(cloud.call(tenant, "network", `/v2.0/floatingips/${f.id}`, { method: "DELETE" }));
    if (ids.router) {
      if (ids.subnet)
        await quiet(
          cloud.call(tenant, "network", `/v2.0/routers/${ids.router}/remove_router_interface`, {
            method: "PUT",
            json: { subnet_id: ids.subnet },
          }),
        );
      await quiet(cloud.call(tenant, "network", `/v2.0/routers/${ids.router}`, { method: "DELETE" }));
    }
    if (ids.network) await quiet(cloud.call(tenant, "network", `/v2.0/networks/${ids.network}`, { method: "DELETE" }));
    await quiet(cloud.call(admin, "network", `/v2.0/networks/${ids.external}`, { method: "DELETE" }));
  }
}
