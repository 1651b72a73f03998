import { ApiError } from "../../errors";
import type { Nova, NovaServerAction } from "../../openstack/nova";
import { actionState } from "./action-policy";
import type { InstanceAction, InstanceActionBody } from "./schema";

type Simple = Exclude<InstanceActionBody["action"], "resize" | "rebuild">;
const BODY: Record<Simple, NovaServerAction> = {
  start: { "os-start": null },
  stop: { "os-stop": null },
  reboot: { reboot: { type: "SOFT" } },
  "hard-reboot": { reboot: { type: "HARD" } },
  "confirm-resize": { confirmResize: null },
  "revert-resize": { revertResize: null },
  shelve: { shelve: null },
  unshelve: { unshelve: null },
  rescue: { rescue: null },
  unrescue: { unrescue: null },
  lock: { lock: null },
  unlock: { unlock: null },
};

const novaBody = (b: InstanceActionBody): NovaServerAction =>
  b.action === "resize"
    ? { resize: { flavorRef: b.flavorId } }
    : b.action === "rebuild"
      ? { rebuild: { imageRef: b.imageId } }
      : BODY[b.action];

/**
 * Checks the policy against Nova's current view of the server, so a stale page gets the reason ("Stop: the instance is
 * already SHUTOFF") instead of Nova's bare 409. Answers the server as it was read.
 */
export async function allowedNow(nova: Nova, id: string, action: InstanceAction, label?: string) {
  const server = await nova.server(id);
  const state = actionState(action, {
    status: server.status,
    taskState: server["OS-EXT-STS:task_state"] ?? null,
    vmState: server["OS-EXT-STS:vm_state"] ?? null,
    locked: !!server.locked,
    bootFromVolume: !(server.image && typeof server.image === "object"),
  });
  if (!state.enabled) {
    const message = state.message ?? `${action} is not allowed now`;
    throw new ApiError(409, "action_not_allowed", label ? message.replace(/^[^:]+:/, `${label}:`) : message, {
      details: { action, reason: state.reason, status: server.status },
    });
  }
  return server;
}

/** Runs one action after the policy check. Never retried. */
export async function runInstanceAction(
  nova: Nova,
  id: string,
  body: InstanceActionBody | { action: "delete" },
): Promise<{ action: InstanceAction; status: string }> {
  const server = await allowedNow(nova, id, body.action);
  if (body.action === "delete") await nova.deleteServer(id);
  else await nova.serverAction(id, novaBody(body));
  return { action: body.action, status: server.status };
}
