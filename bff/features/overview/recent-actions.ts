import type { Nova, NovaInstanceAction } from "../../openstack/nova";
import type { RecentActions } from "./schema";

/** How many recently updated servers are read, and how many actions are answered. */
export const RECENT_SERVERS = 10;
export const RECENT_ACTIONS = 20;

/** The merged action log: newest first, at most `max`, each flagged when the signed-in user started it. */
export function mergeActions(
  logs: { server: { id: string; name: string }; actions: NovaInstanceAction[] }[],
  userId: string,
  max = RECENT_ACTIONS,
): RecentActions["items"] {
  return logs
    .flatMap(({ server, actions }) =>
      actions.map((a) => ({
        serverId: server.id,
        serverName: server.name,
        action: a.action,
        at: a.start_time,
        requestId: a.request_id,
        mine: a.user_id === userId,
        message: a.message,
      })),
    )
    .sort((x, y) => y.at.localeCompare(x.at))
    .slice(0, max);
}

/**
 * The project's recent instance actions (Nova's os-instance-actions) on its most recently updated servers: one list
 * call and one action-log read per server, a few at a time. A server deleted between the two reads is left out.
 */
export async function recentActions(nova: Nova, userId: string): Promise<RecentActions> {
  const page = await nova.serversPage({ limit: RECENT_SERVERS, query: { sort_key: "updated_at", sort_dir: "desc" } });
  const logs: { server: { id: string; name: string }; actions: NovaInstanceAction[] }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < page.items.length) {
      const s = page.items[next++];
      const actions = await nova.instanceActions(s.id).catch((e: { status?: number }) => {
        if (e?.status === 404) return [];
        throw e;
      });
      logs.push({ server: { id: s.id, name: s.name }, actions });
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, page.items.length) }, worker));
  return { items: mergeActions(logs, userId), serversRead: page.items.length };
}
