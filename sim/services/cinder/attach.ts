import type { Context, Hono } from "hono";
import { randomUUID } from "node:crypto";
import type { SimState } from "../../core/state";
import { atLeast, type Version } from "../common/microversion";
import { pyDict } from "../common/pyrepr";
import { cinderFault } from "./errors";
import { findType, volumes, type Volume } from "./model";
import { volumeStatus } from "./status";

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const accepted = () => new Response(null, { status: 202 });
const invalid = (field: string, value: unknown, why: string) =>
  cinderFault(400, `Invalid input for field/attribute ${field}. Value: ${value}. ${why}`);
const shown = (v: unknown) => (v && typeof v === "object" ? pyDict(v as Record<string, unknown>) : String(v));

/**
 * Cinder's attach-side volume actions as Zed answers them (measured on the real tier): os-attach marks the volume
 * attached at once (in-use), os-detach removes the one named or the only attachment (202 even with none),
 * os-retype changes the type of an available or in-use volume to a different existing one (same backend: in
 * place). The schema is checked first, then the volume, then the state.
 */
export function attachAction(state: SimState, action: string, args: any, v: Volume): Response {
  const now = state.clock.now();
  const status = volumeStatus(v, now);
  switch (action) {
    case "os-attach": {
      const target = args?.instance_uuid ?? args?.host_name;
      if (!args || typeof args !== "object" || typeof args.mountpoint !== "string" || target === undefined)
        return invalid("os-attach", shown(args), `${shown(args)} is not valid under any of the given schemas`);
      if (args.instance_uuid !== undefined && !UUID.test(String(args.instance_uuid)))
        return invalid("instance_uuid", args.instance_uuid, `'${args.instance_uuid}' is not a 'uuid'`);
      if (!["available", "reserved", "in-use"].includes(status))
        return cinderFault(400, `Invalid volume: Volume ${v.id} status must be available or reserved, but current status is: ${status}.`);
      volumes(state).put({
        ...v,
        forcedStatus: v.forcedStatus === "reserved" ? undefined : v.forcedStatus,
        attachments: [
          ...v.attachments,
          {
            attachmentId: randomUUID(),
            serverId: String(args.instance_uuid ?? ""),
            device: args.mountpoint,
            attachedAt: now,
            hostName: String(args.host_name ?? ""),
          },
        ],
      });
      return accepted();
    }
    case "os-detach": {
      const id = args?.attachment_id;
      const keep = id ? v.attachments.filter((a) => a.attachmentId !== id) : v.attachments.length === 1 ? [] : v.attachments;
      volumes(state).put({ ...v, attachments: keep });
      return accepted();
    }
    default: {
      // os-retype
      if (!args || typeof args !== "object" || args.new_type === undefined)
        return invalid("os-retype", shown(args), "'new_type' is a required property");
      const extra = Object.keys(args).find((k) => !["new_type", "migration_policy"].includes(k));
      if (extra) return invalid("os-retype", shown(args), `Additional properties are not allowed ('${extra}' was unexpected)`);
      if (typeof args.new_type !== "string")
        return invalid("new_type", args.new_type, `${JSON.stringify(args.new_type)} is not of type 'string'`);
      if (args.migration_policy !== undefined && !["on-demand", "never"].includes(args.migration_policy))
        return invalid("migration_policy", args.migration_policy, `'${args.migration_policy}' is not one of ['on-demand', 'never']`);
      const type = findType(state, String(args.new_type));
      if (!type) return cinderFault(404, `Volume type with name ${args.new_type} could not be found.`);
      if (!["available", "in-use"].includes(status) || type.id === v.typeId)
        return cinderFault(
          400,
          "Invalid volume: Retype needs volume to be in available or in-use state, not be part of an active migration or a consistency group, requested type has to be different that the one from the volume, and for in-use volumes front-end qos specs cannot change.",
        );
      volumes(state).put({ ...v, typeId: type.id });
      return accepted();
    }
  }
}

/** A reservation made by POST /attachments (3.27) without a connector: the volume is "reserved" until it is deleted. */
interface Reservation {
  id: string;
  volumeId: string;
  projectId: string;
  instance: string | null;
}
const reservations = (state: SimState) => state.store.collection<Reservation>("cinder.attachment-reservation");

interface Deps {
  mv(c: Context<any>): Version;
  admin(c: Context<any>): boolean;
  projectId(c: Context<any>): string;
}

/** The attachments API (3.27): list (attached and reserved), create (a reservation), show and delete. */
export function registerAttachments(app: Hono<any>, state: SimState, d: Deps) {
  const tooOld = (c: Context<any>) => (atLeast(d.mv(c), "3.27") ? null : cinderFault(404, "The resource could not be found."));
  const notFound = (id: string) => cinderFault(404, `Volume attachment could not be found with filter: attachment_id = ${id}.`);
  const mine = (c: Context<any>, r: Reservation) => d.admin(c) || r.projectId === d.projectId(c);
  const full = (r: Reservation) => ({
    id: r.id,
    status: "reserved",
    instance: r.instance,
    volume_id: r.volumeId,
    attached_at: "",
    detached_at: "",
    attach_mode: "null",
    connection_info: {},
  });

  app.get("/attachments", (c) => {
    const old = tooOld(c);
    if (old) return old;
    const now = state.clock.now();
    const all = d.admin(c) && c.req.query("all_tenants");
    const attached = volumes(state)
      .filter((v) => (all ? true : v.projectId === d.projectId(c)))
      .flatMap((v) =>
        v.attachments
          .filter((a) => a.attachedAt <= now)
          .map((a) => ({ id: a.attachmentId, status: "attached", instance: a.serverId, volume_id: v.id })),
      );
    const reserved = reservations(state)
      .filter((r) => (all ? true : r.projectId === d.projectId(c)))
      .map((r) => ({ id: r.id, status: "reserved", instance: r.instance, volume_id: r.volumeId }));
    return json({ attachments: [...reserved, ...attached] });
  });

  app.post("/attachments", async (c) => {
    const old = tooOld(c);
    if (old) return old;
    const a = (await c.req.json().catch(() => null))?.attachment;
    if (!a || typeof a !== "object") return invalid("attachment", "None", "None is not of type 'object'");
    if (a.volume_uuid === undefined) return invalid("attachment", pyDict(a), "'volume_uuid' is a required property");
    for (const k of ["volume_uuid", "instance_uuid"])
      if (a[k] !== undefined && a[k] !== null && !UUID.test(String(a[k]))) return invalid(k, a[k], `'${a[k]}' is not a 'uuid'`);
    const v = volumes(state).get(String(a.volume_uuid));
    if (!v || (!d.admin(c) && v.projectId !== d.projectId(c))) return cinderFault(404, `Volume ${a.volume_uuid} could not be found.`);
    const status = volumeStatus(v, state.clock.now());
    if (!["available", "in-use", "reserved", "downloading"].includes(status))
      return cinderFault(
        400,
        `Invalid volume: Volume ${v.id} status must be available, in-use, or reserved, but current status is: ${status}.`,
      );
    const r: Reservation = { id: randomUUID(), volumeId: v.id, projectId: v.projectId, instance: a.instance_uuid ?? null };
    reservations(state).put(r);
    if (status === "available") volumes(state).put({ ...v, forcedStatus: "reserved" });
    return json({ attachment: full(r) });
  });

  app.get("/attachments/:id", (c) => {
    const old = tooOld(c);
    if (old) return old;
    const r = reservations(state).get(c.req.param("id"));
    return r && mine(c, r) ? json({ attachment: full(r) }) : notFound(c.req.param("id"));
  });

  app.delete("/attachments/:id", (c) => {
    const old = tooOld(c);
    if (old) return old;
    const r = reservations(state).get(c.req.param("id"));
    if (!r || !mine(c, r)) return notFound(c.req.param("id"));
    reservations(state).remove(r.id);
    const v = volumes(state).get(r.volumeId);
    const left = reservations(state).filter((x) => x.volumeId === r.volumeId).length;
    if (v && v.forcedStatus === "reserved" && !left) volumes(state).put({ ...v, forcedStatus: undefined });
    return json({ attachments: [] });
  });
}
