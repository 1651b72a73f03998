import type { Glance } from "../../openstack/glance";
import type { Nova } from "../../openstack/nova";
import { allowedNow } from "./run-action";
import type { InstanceAction } from "./schema";

/**
 * The instance's other operations, each checked against the action policy first (so a stale page gets the reason,
 * not Nova's bare 409) and never retried: snapshot, remote console, volume and interface attach/detach; and the
 * reads behind the detail tabs (ports, console log, action log).
 */
export async function snapshotInstance(nova: Nova, id: string, name: string) {
  await allowedNow(nova, id, "snapshot");
  return { imageId: await nova.createImage(id, name), name };
}

export async function openRemoteConsole(nova: Nova, id: string, protocol: "vnc" | "spice") {
  await allowedNow(nova, id, "console");
  const rc = await nova.remoteConsole(id, protocol);
  return { url: rc.url, protocol: rc.protocol, type: rc.type };
}

export async function attachVolume(nova: Nova, id: string, volumeId: string) {
  await allowedNow(nova, id, "attach-volume");
  const a = await nova.attachVolume(id, volumeId);
  return { volumeId: a.volumeId, device: a.device ?? null };
}

/** Detach is allowed in the same states as attach (Nova's detach_volume/detach_interface have the same checks). */
const detachRule: Record<"volume" | "interface", { rule: InstanceAction; label: string }> = {
  volume: { rule: "attach-volume", label: "Detach volume" },
  interface: { rule: "attach-interface", label: "Detach interface" },
};

export async function detachVolume(nova: Nova, id: string, volumeId: string) {
  await allowedNow(nova, id, detachRule.volume.rule, detachRule.volume.label);
  await nova.detachVolume(id, volumeId);
  return { id: volumeId };
}

export async function attachPort(nova: Nova, id: string, body: { networkId?: string; portId?: string }) {
  await allowedNow(nova, id, "attach-interface");
  const a = await nova.attachInterface(id, body.portId ? { port_id: body.portId } : { net_id: body.networkId });
  return toPort(a);
}

export async function detachPort(nova: Nova, id: string, portId: string) {
  await allowedNow(nova, id, detachRule.interface.rule, detachRule.interface.label);
  await nova.detachInterface(id, portId);
  return { id: portId };
}

const toPort = (p: Awaited<ReturnType<Nova["interfaces"]>>[number]) => ({
  portId: p.port_id,
  networkId: p.net_id,
  mac: p.mac_addr,
  state: p.port_state,
  fixedIps: p.fixed_ips.map((f) => f.ip_address),
});

export async function consoleLog(nova: Nova, id: string, lines: number) {
  const out = await nova.consoleOutput(id, lines);
  return { lines: out.split("\n"), requested: lines };
}

/** The action log, each entry flagged when the signed-in user (`userId`) started it. */
export async function actionLog(nova: Nova, id: string, userId: string) {
  const rows = await nova.instanceActions(id);
  return {
    items: rows.map((r) => ({
      action: r.action,
      requestId: r.request_id,
      userId: r.user_id ?? null,
      mine: r.user_id === userId,
      startTime: r.start_time,
      message: r.message ?? null,
    })),
  };
}

/** The instance snapshots taken of it: Glance images whose instance_uuid names it (a bounded walk). */
export async function instanceSnapshots(io: { nova: Nova; glance: Glance }, id: string) {
  await io.nova.server(id);
  const found = await io.glance.images({ instance_uuid: id }, { maxItems: 200 });
  return {
    items: found.items.map((g) => ({ id: g.id, name: g.name, status: g.status, created: g.created_at, sizeBytes: g.size ?? null })),
    truncated: !found.complete,
  };
}
