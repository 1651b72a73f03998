import { ApiError } from "../../errors";
import type { Nova, NovaServerAction } from "../../openstack/nova";
import { actionState } from "./action-policy";
import type { InstanceAction } from "./schema";

const BODY: Record<Exclude<InstanceAction, "delete">, NovaServerAction> = {
  start: { "os-start": null },
  stop: { "os-stop": null },
  reboot: { reboot: { type: "SOFT" } },
  "hard-reboot": { reboot: { type: "HARD" } },
};

/**
 * Runs one action after checking the policy against Nova's current view of the server, so a stale page
 * gets the reason ("Stop: the instance is already SHUTOFF") instead of Nova's bare 409. Never retried.
 */
export async function runInstanceAction(
  nova: Nova,
  id: string,
  action: InstanceAction,
): Promise<{ action: InstanceAction; status: string }> {
  const server = await nova.server(id);
  const state = actionState(action, { status: server.status, taskState: server["OS-EXT-STS:task_state"] ?? null });
  if (!state.enabled) {
    throw new ApiError(409, "action_not_allowed", state.message ?? `${action} is not allowed now`, {
      details: { action, reason: state.reason, status: server.status },
    });
  }
  if (action === "delete") await nova.deleteServer(id);
  else await nova.serverAction(id, BODY[action]);
  return { action, status: server.status };
}
