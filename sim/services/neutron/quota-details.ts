import type { Hono } from "hono";
import type { SimState } from "../../core/state";
import type { SimEnv } from "../keystone/token-auth";
import { NeutronError, neutronJson } from "./errors";
import { authOf } from "./http";
import { neutron } from "./model";
import { l3 } from "./l3-model";
import { type QUOTA_DEFAULTS, quotaOf } from "./quotas";

/**
 * GET /v2.0/quotas/{project}/details (the quota-details extension): each resource's limit, used and reserved, as
 * Zed answers it (limits with the project's overrides); a member may read only their own project's (another's is
 * AdminRequired, as Zed answers). Subnet pools are not modelled (0 used).
 */
export function registerQuotaDetails(app: Hono<SimEnv>, state: SimState) {
  app.get("/v2.0/quotas/:project/details", (c) => {
    const a = authOf(c);
    const project = c.req.param("project");
    // Zed's quota-details controller checks this itself (AdminRequired), where GET /quotas/{project} is a policy check.
    if (!a.isAdmin && project !== a.projectId)
      throw new NeutronError(
        403,
        "AdminRequired",
        "User does not have admin privileges: Only admin is authorized to access quotas for another project.",
      );
    const n = neutron(state);
    const mine = <T extends { project_id: string }>(xs: T[]) => xs.filter((x) => x.project_id === project).length;
    const used: Record<keyof typeof QUOTA_DEFAULTS, number> = {
      network: mine(n.networks.all()),
      subnet: mine(n.subnets.all()),
      subnetpool: 0,
      port: mine(n.ports.all()),
      router: mine(l3(state).routers.all()),
      floatingip: mine(l3(state).floatingIps.all()),
      rbac_policy: n.networks.all().filter((x) => x.project_id === project && (x as { shared?: boolean }).shared).length,
      security_group: mine(n.securityGroups.all()),
      security_group_rule: mine(n.securityGroupRules.all()),
    };
    const quota = Object.fromEntries(
      Object.entries(quotaOf(state, project)).map(([k, limit]) => [k, { limit, used: used[k as keyof typeof used], reserved: 0 }]),
    );
    return neutronJson({ quota });
  });
}
