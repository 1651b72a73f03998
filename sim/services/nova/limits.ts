import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { keypairs, servers } from "./model";

/** Nova's default quotas ([quota] in nova.conf). */
export const NOVA_QUOTA_DEFAULTS = { instances: 10, cores: 20, ram: 51200, key_pairs: 100, server_groups: 10, server_group_members: 10, metadata_items: 128 };

/** GET /limits: absolute limits with the project's usage (what `openstack limits show --absolute` prints). */
export function registerLimits(app: Hono<any>, state: SimState) {
  app.get("/limits", (c: Context<any>) => {
    const a = c.get("auth");
    const mine = servers(state).filter((s) => s.projectId === a.projectId);
    const q = NOVA_QUOTA_DEFAULTS;
    return new Response(JSON.stringify({
      limits: {
        rate: [],
        absolute: {
          maxTotalInstances: q.instances, maxTotalCores: q.cores, maxTotalRAMSize: q.ram, maxServerMeta: q.metadata_items, maxImageMeta: 128,
          maxPersonality: 5, maxPersonalitySize: 10240, maxTotalKeypairs: q.key_pairs, maxServerGroups: q.server_groups, maxServerGroupMembers: q.server_group_members,
          maxTotalFloatingIps: -1, maxSecurityGroups: -1, maxSecurityGroupRules: -1,
          totalRAMUsed: mine.reduce((n, s) => n + s.flavor.ram, 0), totalCoresUsed: mine.reduce((n, s) => n + s.flavor.vcpus, 0), totalInstancesUsed: mine.length,
          totalFloatingIpsUsed: 0, totalSecurityGroupsUsed: 0, totalServerGroupsUsed: 0,
          totalKeypairsUsed: keypairs(state).filter((k) => k.userId === a.userId).length,
        },
      },
    }), { status: 200, headers: { "Content-Type": "application/json" } });
  });
}
