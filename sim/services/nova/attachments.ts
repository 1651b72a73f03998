import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { uuid } from "../../core/ids";
import { atLeast } from "../common/microversion";
import { pyDict, pyScalar } from "../common/pyrepr";
import { volumes } from "../cinder/model";
import { liveVolume } from "../cinder/ops";
import { volumeStatus } from "../cinder/status";
import { neutron } from "../neutron/model";
import { novaFault } from "./errors";
import { serverState } from "./lifecycle";
import { servers, type Server } from "./model";
import { allocateNics, NovaError, releaseNics } from "./network";
import { invalidState, lockedRefusal, logged, settle } from "./server-actions";
import { visibleServer } from "./server-extras";
import type { ViewCtx } from "./view";

type Ctx = (c: Context<any>) => ViewCtx;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const pyRepr = (x: unknown): string =>
  x && typeof x === "object" && !Array.isArray(x) ? pyDict(x as Record<string, unknown>) : pyScalar(x);

/** The vm_states nova's attach_volume/detach_volume accept (compute/api.py). */
const VOLUME_VM_STATES = ["active", "paused", "stopped", "resized", "soft-delete", "shelved", "shelved_offloaded"];
/** attach_interface/detach_interface: these, with no task running. */
const INTERFACE_VM_STATES = ["active", "paused", "stopped"];

/**
 * The next free device name, as Nova's libvirt driver gives it: a local root disk holds vda, then the flavor's ephemeral
 * and swap disks take the next names; volumes come after (the first volume on an image-booted server is vdb).
 */
const nextDevice = (s: Server) => {
  const used = new Set(s.bdms.map((b) => b.device));
  const local = [s.rootDisk.kind === "local", s.flavor.ephemeral > 0, s.flavor.swap > 0].filter(Boolean).length;
  for (let i = 0; i < local; i++) used.add(`/dev/vd${String.fromCharCode(97 + i)}`);
  for (let i = 0; i < 26; i++) {
    const d = `/dev/vd${String.fromCharCode(97 + i)}`;
    if (!used.has(d)) return d;
  }
  return "/dev/vdz";
};

/**
 * POST/DELETE /servers/{id}/os-volume_attachments and /servers/{id}/os-interface with Zed's checks: the body schema,
 * the server's lock and state, the volume's or port's own state; each attach and detach is an instance action.
 */
export function registerAttachments(app: Hono<any>, state: SimState, ctx: Ctx) {
  const withServer =
    (fn: (c: Context<any>, s: Server, x: ViewCtx, userId: string) => Response | Promise<Response>) => async (c: Context<any>) => {
      const x = ctx(c);
      const found = visibleServer(state, x, c.req.param("id") ?? "");
      if (!found || found.deletion) return novaFault(404, `Instance ${c.req.param("id")} could not be found.`);
      return fn(c, settle(state, found, x.now), x, c.get("auth").userId);
    };
  const bad = (field: string, value: unknown, why: string) =>
    novaFault(400, `Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value)}. ${why}`);

  app.post(
    "/servers/:id/os-volume_attachments",
    withServer(async (c, s, x, userId) => {
      const body = await c.req.json().catch(() => null);
      const va = body?.volumeAttachment;
      const field = (f: string, value: string, why: string) =>
        novaFault(400, `Invalid input for field/attribute ${f}. Value: ${value}. ${why}`);
      if (!body || typeof body !== "object" || va === undefined)
        return field("volumeAttachment", pyRepr(body), "'volumeAttachment' is a required property");
      if (!va || typeof va !== "object" || Array.isArray(va))
        return field("volumeAttachment", pyRepr(va), `${pyRepr(va)} is not of type 'object'`);
      if (va.volumeId === undefined) return field("volumeAttachment", pyRepr(va), "'volumeId' is a required property");
      if (typeof va.volumeId !== "string" || !UUID.test(va.volumeId))
        return field("volumeId", String(va.volumeId), `${pyRepr(va.volumeId)} is not a 'uuid'`);
      const allowed = [
        "volumeId",
        "device",
        ...(atLeast(x.v, "2.49") ? ["tag"] : []),
        ...(atLeast(x.v, "2.79") ? ["delete_on_termination"] : []),
      ];
      const extra = Object.keys(va).find((k) => !allowed.includes(k));
      if (extra) return bad("volumeAttachment", va, `Additional properties are not allowed ('${extra}' was unexpected)`);
      const refused = lockedRefusal(s, x) ?? invalidState(s, serverState(s, x.now), "attach_volume", VOLUME_VM_STATES, [null]);
      if (refused) return refused;
      const v = liveVolume(state, va.volumeId);
      if (!v || (v.projectId !== s.projectId && !x.admin)) return novaFault(404, `Volume ${va.volumeId} could not be found.`);
      if (s.bdms.some((b) => b.volumeId === v.id)) return novaFault(400, `Invalid volume: volume ${v.id} already attached`);
      const status = volumeStatus(v, x.now);
      if (status !== "available" && status !== "downloading")
        return novaFault(
          400,
          `Invalid input received: Invalid volume: Volume ${v.id} status must be available or downloading to reserve, but the current status is ${status}. (HTTP 400)`,
        );
      const device = nextDevice(s);
      const attachmentId = uuid();
      const dot = va.delete_on_termination === true;
      volumes(state).put({
        ...v,
        attachments: [...v.attachments, { attachmentId, serverId: s.id, device, attachedAt: x.now, hostName: s.host }],
      });
      servers(state).put(
        logged(
          {
            ...s,
            bdms: [
              ...s.bdms,
              {
                volumeId: v.id,
                bootIndex: null,
                deleteOnTermination: dot,
                device,
                attachmentId,
                sourceType: "volume",
                createdByNova: false,
              },
            ],
          },
          "attach_volume",
          x.now,
          userId,
        ),
      );
      const item: Record<string, unknown> = { device, id: v.id, serverId: s.id, volumeId: v.id };
      if (atLeast(x.v, "2.70")) item.tag = va.tag ?? null;
      if (atLeast(x.v, "2.79")) item.delete_on_termination = dot;
      if (atLeast(x.v, "2.89")) {
        delete item.id;
        item.attachment_id = attachmentId;
        item.bdm_uuid = attachmentId;
      }
      return json({ volumeAttachment: item });
    }),
  );

  app.delete(
    "/servers/:id/os-volume_attachments/:volumeId",
    withServer((c, s, x, userId) => {
      const volumeId = c.req.param("volumeId") ?? "";
      const refused = lockedRefusal(s, x) ?? invalidState(s, serverState(s, x.now), "detach_volume", VOLUME_VM_STATES, [null]);
      if (refused) return refused;
      const v = liveVolume(state, volumeId);
      if (!v) return novaFault(404, `Volume ${volumeId} could not be found.`);
      const bdm = s.bdms.find((b) => b.volumeId === volumeId);
      if (!bdm) return novaFault(404, `Volume ${volumeId} is not attached to the instance ${s.id}.`);
      if (bdm.bootIndex === 0) return novaFault(400, "Cannot detach a root device volume");
      volumes(state).put({ ...v, attachments: v.attachments.filter((a) => a.serverId !== s.id) });
      servers(state).put(logged({ ...s, bdms: s.bdms.filter((b) => b !== bdm) }, "detach_volume", x.now, userId));
      return new Response(null, { status: 202 });
    }),
  );

  app.post(
    "/servers/:id/os-interface",
    withServer(async (c, s, x, userId) => {
      const ia = (await c.req.json().catch(() => null))?.interfaceAttachment;
      if (!ia || typeof ia !== "object") return bad("interfaceAttachment", ia ?? null, "None is not of type 'object'");
      const allowed = ["net_id", "port_id", "fixed_ips", ...(atLeast(x.v, "2.49") ? ["tag"] : [])];
      const extra = Object.keys(ia).find((k) => !allowed.includes(k));
      if (extra) return bad("interfaceAttachment", ia, `Additional properties are not allowed ('${extra}' was unexpected)`);
      if (ia.net_id && ia.port_id) return novaFault(400, "Must not input both network_id and port_id");
      const refused = lockedRefusal(s, x) ?? invalidState(s, serverState(s, x.now), "attach_interface", INTERFACE_VM_STATES);
      if (refused) return refused;
      const nx = neutron(state);
      if (ia.port_id) {
        const p = nx.ports.get(ia.port_id);
        if (!p || (p.project_id !== s.projectId && !x.admin)) return novaFault(404, `Port id ${ia.port_id} could not be found.`);
        if (p.device_id) return novaFault(409, `Port ${ia.port_id} is still in use.`);
      } else if (!ia.net_id || !nx.networks.get(ia.net_id)) return novaFault(404, `Network ${ia.net_id ?? ""} could not be found.`);
      try {
        const fixed = Array.isArray(ia.fixed_ips) ? ia.fixed_ips[0]?.ip_address : undefined;
        const [nic] = allocateNics(state, s.id, s.projectId, s.host, s.availabilityZone, [
          ia.port_id ? { port: ia.port_id } : { uuid: ia.net_id, fixed_ip: fixed },
        ]);
        servers(state).put(logged({ ...s, nics: [...s.nics, nic] }, "attach_interface", x.now, userId));
        const p = nx.ports.get(nic.portId)!;
        const item: Record<string, unknown> = {
          port_state: p.status,
          fixed_ips: p.fixed_ips.map((f) => ({ subnet_id: f.subnet_id, ip_address: f.ip_address })),
          port_id: p.id,
          net_id: p.network_id,
          mac_addr: p.mac_address,
        };
        if (atLeast(x.v, "2.70")) item.tag = ia.tag ?? null;
        return json({ interfaceAttachment: item });
      } catch (e) {
        if (e instanceof NovaError) return novaFault(e.status, e.message);
        const status = (e as { status?: number }).status;
        if (status === 409) return novaFault(409, (e as Error).message);
        if (status === 400 || status === 404) return novaFault(400, (e as Error).message);
        throw e;
      }
    }),
  );

  app.delete(
    "/servers/:id/os-interface/:portId",
    withServer((c, s, x, userId) => {
      const portId = c.req.param("portId") ?? "";
      const refused = lockedRefusal(s, x) ?? invalidState(s, serverState(s, x.now), "detach_interface", INTERFACE_VM_STATES);
      if (refused) return refused;
      const nic = s.nics.find((n) => n.portId === portId);
      const p = neutron(state).ports.get(portId);
      // Nova casts the detach to the compute service, which finds the port is not attached after the 202 (measured on Zed).
      if (!nic || !p || p.device_id !== s.id) return new Response(null, { status: 202 });
      releaseNics(state, [nic]);
      servers(state).put(logged({ ...s, nics: s.nics.filter((n) => n !== nic) }, "detach_interface", x.now, userId));
      return new Response(null, { status: 202 });
    }),
  );
}
