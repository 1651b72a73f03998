import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { pyDict, pyScalar } from "../common/pyrepr";
import { volumes } from "../cinder/model";
import { liveVolume } from "../cinder/ops";
import { volumeStatus } from "../cinder/status";
import { novaFault } from "./errors";
import { serverState } from "./lifecycle";
import { servers, type Server } from "./model";
import { visibleServer } from "./server-extras";
import type { ViewCtx } from "./view";

type Ctx = (c: Context<any>) => ViewCtx;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
/** compute/api.py attach_volume / detach_volume: check_instance_state(vm_state=[…]). */
const VOLUME_VM_STATES = ["active", "paused", "stopped", "resized", "soft-delete", "shelved", "shelved_offloaded"];
const pyRepr = (x: unknown): string =>
  x && typeof x === "object" && !Array.isArray(x) ? pyDict(x as Record<string, unknown>) : pyScalar(x);

/** The next free /dev/vdX after the server's disks (vda is the root). */
function nextDevice(s: Server): string {
  const used = new Set(s.bdms.map((b) => b.device));
  for (let c = "b".charCodeAt(0); c <= "z".charCodeAt(0); c++) {
    const d = `/dev/vd${String.fromCharCode(c)}`;
    if (!used.has(d)) return d;
  }
  return "/dev/vdz";
}

/**
 * Nova's os-volume_attachments create and delete (Zed, nova/api/openstack/compute/volumes.py): the body's schema,
 * the instance's vm_state, the volume's existence and Cinder's "available to reserve" check, then the attachment
 * on both sides (Nova's BDM, Cinder's attachment). The FakeDriver real tier attaches at once, so does the sim.
 */
export function registerVolumeAttach(app: Hono<any>, state: SimState, ctx: Ctx) {
  const load = (c: Context<any>) => {
    const x = ctx(c);
    const s = visibleServer(state, x, c.req.param("id") ?? "");
    return s && !(s.deletion && x.now >= s.deletion.goneAt) ? { s, x } : null;
  };
  const invalidState = (s: Server, what: string, now: number) => {
    const vm = serverState(s, now).vm_state;
    return VOLUME_VM_STATES.includes(vm) ? null : novaFault(409, `Cannot '${what}' instance ${s.id} while it is in vm_state ${vm}`);
  };

  app.post("/servers/:id/os-volume_attachments", async (c) => {
    const hit = load(c);
    if (!hit) return novaFault(404, `Instance ${c.req.param("id")} could not be found.`);
    const { s, x } = hit;
    const body = await c.req.json().catch(() => null);
    const va = body?.volumeAttachment;
    if (!body || typeof body !== "object" || va === undefined)
      return novaFault(
        400,
        `Invalid input for field/attribute volumeAttachment. Value: ${pyRepr(body)}. 'volumeAttachment' is a required property`,
      );
    if (!va || typeof va !== "object" || Array.isArray(va))
      return novaFault(
        400,
        `Invalid input for field/attribute volumeAttachment. Value: ${pyRepr(va)}. ${pyRepr(va)} is not of type 'object'`,
      );
    if (va.volumeId === undefined)
      return novaFault(400, `Invalid input for field/attribute volumeAttachment. Value: ${pyRepr(va)}. 'volumeId' is a required property`);
    if (typeof va.volumeId !== "string" || !UUID.test(va.volumeId))
      return novaFault(400, `Invalid input for field/attribute volumeId. Value: ${va.volumeId}. ${pyRepr(va.volumeId)} is not a 'uuid'`);
    const refused = invalidState(s, "attach_volume", x.now);
    if (refused) return refused;
    const v = liveVolume(state, va.volumeId);
    if (!v || v.projectId !== s.projectId) return novaFault(404, `Volume ${va.volumeId} could not be found.`);
    const st = volumeStatus(v, x.now);
    if (st !== "available" && st !== "downloading")
      return novaFault(
        400,
        `Invalid input received: Invalid volume: Volume ${v.id} status must be available or downloading to reserve, but the current status is ${st}. (HTTP 400)`,
      );
    const device = nextDevice(s);
    const attachmentId = uuid();
    servers(state).put({
      ...s,
      bdms: [
        ...s.bdms,
        { volumeId: v.id, bootIndex: null, deleteOnTermination: false, device, attachmentId, sourceType: "volume", createdByNova: false },
      ],
    });
    volumes(state).put({
      ...v,
      attachments: [...v.attachments, { attachmentId, serverId: s.id, device, attachedAt: x.now, hostName: s.host }],
    });
    const item: Record<string, unknown> = { device, id: v.id, serverId: s.id, volumeId: v.id };
    if (x.v.minor >= 70) item.tag = null;
    if (x.v.minor >= 79) item.delete_on_termination = false;
    if (x.v.minor >= 89) {
      delete item.id;
      item.attachment_id = attachmentId;
      item.bdm_uuid = attachmentId;
    }
    return json({ volumeAttachment: item });
  });

  app.delete("/servers/:id/os-volume_attachments/:volumeId", (c) => {
    const hit = load(c);
    if (!hit) return novaFault(404, `Instance ${c.req.param("id")} could not be found.`);
    const { s, x } = hit;
    const volumeId = c.req.param("volumeId");
    const refused = invalidState(s, "detach_volume", x.now);
    if (refused) return refused;
    const v = liveVolume(state, volumeId);
    if (!v) return novaFault(404, `Volume ${volumeId} could not be found.`);
    const bdm = s.bdms.find((b) => b.volumeId === volumeId);
    if (!bdm) return novaFault(404, `Volume ${volumeId} is not attached to the instance ${s.id}`);
    if (bdm.bootIndex === 0) return novaFault(400, "Cannot detach a root device volume");
    servers(state).put({ ...s, bdms: s.bdms.filter((b) => b !== bdm) });
    volumes(state).put({ ...v, attachments: v.attachments.filter((a) => a.serverId !== s.id) });
    return new Response(null, { status: 202 });
  });
}
