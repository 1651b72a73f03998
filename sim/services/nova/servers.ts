import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { RbdError } from "../ceph/model";
import { rbdRepo } from "../ceph/repo";
import { removeImage } from "../ceph/rbd";
import { volumes } from "../cinder/model";
import { CinderError, deleteVolume, liveVolume } from "../cinder/ops";
import { bootServer } from "./boot";
import { novaFault } from "./errors";
import { policyRefusal } from "./admin";
import { consoleOutput, visibleServer } from "./server-extras";
import { serverState } from "./lifecycle";
import { cellOf, downCells, flavors, servers, type Server } from "./model";
import { NovaError, releaseNics } from "./network";
import { parseCreate } from "./request";
import { createServerImage } from "./snapshot";
import { lifecycleAction, lockedRefusal, logged, settle } from "./server-actions";
import { quotaCheck } from "./limits";
import { serverSummary, serverView, links, type ViewCtx } from "./view";
import { randomBytes } from "node:crypto";

type Ctx = (c: Context<any>) => ViewCtx;
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

/**
 * Deleting an instance (nova's _cleanup_rbd): rbd rm vms/<id>_disk, which fails while the disk has
 * snapshots, so that disk stays behind (the operators' leftovers); then BDMs are detached or deleted.
 */
export function deleteServer(state: SimState, s: Server): void {
  const repo = rbdRepo(state);
  if (repo.get("vms", `${s.id}_disk`)) {
    try {
      removeImage(repo, "vms", `${s.id}_disk`);
    } catch (e) {
      if (!(e instanceof RbdError)) throw e;
    }
  }
  for (const b of s.bdms) {
    const v = volumes(state).get(b.volumeId);
    if (!v) continue;
    const detached = { ...v, attachments: v.attachments.filter((a) => a.serverId !== s.id) };
    volumes(state).put(detached);
    if (b.deleteOnTermination) {
      try {
        deleteVolume(state, detached);
      } catch (e) {
        if (!(e instanceof CinderError)) throw e;
      }
    }
  }
  releaseNics(state, s.nics);
  // Nova answers `deleting`, then briefly DELETED (task_state null), before the instance is gone (404).
  const now = state.clock.now();
  const deletedAt = now + state.clock.ms(DELETING_SECONDS);
  servers(state).put({ ...s, deletion: { at: now, deletedAt, goneAt: deletedAt + state.clock.ms(DELETED_SECONDS) } });
}

/** How long a delete shows task_state deleting, then status DELETED, in cloud seconds (real Zed: about 1 s, then one poll). */
const DELETING_SECONDS = 1;
const DELETED_SECONDS = 0.6;

/** Drops the instances whose delete has finished (and whose DELETED some answer has shown). */
export function reapDeleted(state: SimState, now: number): void {
  for (const s of servers(state).filter((x) => !!x.deletion?.shown && now >= x.deletion.goneAt)) servers(state).remove(s.id);
}

/** Records that an answer showed these instances as DELETED, so the next poll after goneAt may find them gone. */
function markShown(state: SimState, list: Server[], now: number): void {
  for (const s of list)
    if (s.deletion && !s.deletion.shown && now >= s.deletion.deletedAt)
      servers(state).put({ ...s, deletion: { ...s.deletion, shown: true } });
}

/** What Nova 2.69+ answers for a server whose cell is down: a minimal construct from the API database. */
function downCellView(x: ViewCtx, s: Server, detail: boolean): Record<string, unknown> {
  const base = { id: s.id, status: "UNKNOWN", links: links(x, "servers", s.id) };
  return detail ? { ...base, tenant_id: s.projectId, created: new Date(s.created).toISOString().replace(/\.\d+Z$/, "Z") } : base;
}

export function registerServers(app: Hono<any>, state: SimState, ctx: Ctx) {
  const listing = (c: Context<any>, detail: boolean) => {
    const x = ctx(c);
    reapDeleted(state, x.now);
    const q = new URL(c.req.url).searchParams;
    // servers.py _get_servers: all_tenants (any value but false) needs the get_all_tenants policy, admin by default.
    const askedAll = q.has("all_tenants") && !["0", "false", "False"].includes(q.get("all_tenants")!);
    if (askedAll && !x.admin) return policyRefusal(`os_compute_api:servers:${detail ? "detail" : "index"}:get_all_tenants`);
    const allTenants = askedAll;
    const project = q.get("project_id") ?? q.get("tenant_id");
    let list = servers(state).filter((s) => (allTenants ? !project || s.projectId === project : s.projectId === x.projectId));
    // servers.py: deleted=False unless an admin asks deleted=true; the DB then leaves SOFT_DELETED out too
    // (instance_get_all_by_filters_sort), so status=SOFT_DELETED alone lists nothing: it needs deleted=true.
    const deleted = x.admin && ["1", "true", "True", "yes"].includes(q.get("deleted") ?? "");
    if (!deleted) list = list.filter((s) => s.softDeletedAt === undefined || s.softDeletedAt > x.now);
    // A down cell answers nothing: its servers are left out (list_records_by_skipping_down_cells), except at 2.69+
    // on a list with no paging, sorting or filter but all_tenants, where each is a minimal record with status UNKNOWN.
    const down = downCells(state);
    const inDownCell = list.filter((s) => down.has(cellOf(s)));
    list = list.filter((s) => !down.has(cellOf(s)));
    const minimal = x.v.minor >= 69 && [...q.keys()].every((k) => k === "all_tenants");
    const name = q.get("name");
    if (name) {
      const re = new RegExp(name);
      list = list.filter((s) => re.test(s.name));
    }
    const status = q.get("status");
    if (status) list = list.filter((s) => serverState(s, x.now).status === status.toUpperCase());
    const image = q.get("image"),
      flavor = q.get("flavor"),
      host = q.get("host");
    if (image) list = list.filter((s) => s.imageId === image);
    if (flavor) list = list.filter((s) => s.flavorId === flavor);
    if (host && x.admin) list = list.filter((s) => s.host === host);
    const dir = q.get("sort_dir") ?? "desc";
    list.sort((a, b) => (dir === "asc" ? 1 : -1) * (a.created - b.created || (a.id < b.id ? -1 : 1)));
    const marker = q.get("marker");
    if (marker) {
      const at = list.findIndex((s) => s.id === marker);
      if (at < 0) return novaFault(400, `marker [${marker}] not found`);
      list = list.slice(at + 1);
    }
    const limit = Math.min(Number(q.get("limit") ?? 1000), 1000);
    const page = list.slice(0, limit);
    const unknown = minimal ? inDownCell.slice(0, Math.max(0, limit - page.length)).map((s) => downCellView(x, s, detail)) : [];
    const body: Record<string, unknown> = { servers: [...page.map((s) => (detail ? serverView(x, s) : serverSummary(x, s))), ...unknown] };
    if (detail) markShown(state, page, x.now);
    if (list.length > page.length && page.length) {
      const next = new URLSearchParams(q);
      next.set("marker", page[page.length - 1].id);
      body.servers_links = [{ href: `${x.base}/compute/v2.1/${x.projectId}/servers${detail ? "/detail" : ""}?${next}`, rel: "next" }];
    }
    return json(body);
  };
  app.get("/servers", (c) => listing(c, false));
  app.get("/servers/detail", (c) => listing(c, true));

  const load = (c: Context<any>) => visibleServer(state, ctx(c), c.req.param("id") ?? "");
  const missing = (c: Context<any>) => novaFault(404, `Instance ${c.req.param("id")} could not be found.`);

  app.get("/servers/:id", (c) => {
    // Only a show or a list ends a delete, so a caller that saw DELETED can finish its other reads of the instance.
    reapDeleted(state, ctx(c).now);
    const s = load(c);
    if (!s) return missing(c);
    const x = ctx(c);
    if (downCells(state).has(cellOf(s))) {
      return x.v.minor >= 69
        ? json({ server: downCellView(x, s, true) })
        : novaFault(500, `Cell ${cellOf(s)} is not responding and hence instance info is not available.`);
    }
    markShown(state, [s], x.now);
    return json({ server: serverView(x, s, { show: true }) });
  });

  app.post("/servers", async (c) => {
    const raw = await c.req.json().catch(() => null);
    const x = ctx(c);
    try {
      const req = parseCreate(state, c.get("auth"), x.v, raw);
      // min_count is checked against the quota as a whole (the sim then boots one server, not min_count).
      const count = Math.max(1, Math.trunc(Number(raw?.server?.min_count ?? 1)) || 1);
      const over = quotaCheck(state, req.projectId, { cores: req.flavor.vcpus, ram: req.flavor.ram, count });
      if (over) return novaFault(403, over);
      const s = bootServer(state, req);
      const body: Record<string, unknown> = {
        "OS-DCF:diskConfig": "AUTO",
        adminPass: randomBytes(9).toString("base64url").slice(0, 12),
        id: s.id,
        links: links(x, "servers", s.id),
        security_groups: s.securityGroups.map((name) => ({ name })),
      };
      return json({ server: body }, 202, { Location: `${x.base}/compute/v2.1/${x.projectId}/servers/${s.id}` });
    } catch (e) {
      if (e instanceof NovaError) return novaFault(e.status, e.message);
      throw e;
    }
  });

  app.delete("/servers/:id", (c) => {
    const s = load(c);
    if (!s) return missing(c);
    if (s.deletion) return new Response(null, { status: 204 });
    const locked = lockedRefusal(s, ctx(c));
    if (locked) return locked;
    deleteServer(state, s);
    return new Response(null, { status: 204 });
  });

  app.post("/servers/:id/action", async (c) => {
    const found = load(c);
    if (!found) return missing(c);
    const body = await c.req.json().catch(() => null);
    const action = body && typeof body === "object" ? Object.keys(body)[0] : undefined;
    const now = state.clock.now();
    const s = settle(state, found, now);
    const st = serverState(s, now);
    const x = ctx(c);
    const userId: string = c.get("auth").userId;
    if (action && ["os-stop", "os-start", "reboot"].includes(action)) {
      const locked = lockedRefusal(s, x);
      if (locked) return locked;
    }
    const conflict = (name: string) => novaFault(409, `Cannot '${name}' instance ${s.id} while it is in vm_state ${st.vm_state}`);
    const ms = (sec: number) => state.clock.ms(sec);
    if (s.deletion && action !== undefined && ["os-stop", "os-start", "reboot", "createImage"].includes(action))
      return novaFault(
        409,
        `Cannot '${action === "createImage" ? "createImage" : action.replace(/^os-/, "")}' instance ${s.id} while it is in ${st.task_state ? `task_state ${st.task_state}` : `vm_state ${st.vm_state}`}`,
      );
    switch (action) {
      case "os-stop":
        if (st.vm_state !== "active" && st.vm_state !== "error") return conflict("stop");
        servers(state).put({ ...s, power: { stoppedAt: now + ms(2), rebootUntil: null, rebootType: null, updated: now } });
        return new Response(null, { status: 202 });
      case "os-start":
        if (st.vm_state !== "stopped") return conflict("start");
        servers(state).put({ ...s, power: { stoppedAt: null, rebootUntil: null, rebootType: null, updated: now } });
        return new Response(null, { status: 202 });
      case "reboot": {
        const type = String(body.reboot?.type ?? "").toUpperCase();
        if (type !== "SOFT" && type !== "HARD")
          return novaFault(
            400,
            `Invalid input for field/attribute type. Value: ${body.reboot?.type}. '${body.reboot?.type}' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']`,
          );
        if (st.vm_state !== "active" && !(type === "HARD" && ["stopped", "error"].includes(st.vm_state))) return conflict("reboot");
        servers(state).put({
          ...s,
          power: { stoppedAt: null, rebootUntil: now + ms(type === "HARD" ? 4 : 6), rebootType: type as "SOFT" | "HARD", updated: now },
        });
        return new Response(null, { status: 202 });
      }
      case "createImage": {
        const name = body.createImage?.name;
        if (typeof name !== "string" || !name)
          return novaFault(
            400,
            `Invalid input for field/attribute createImage. Value: ${JSON.stringify(body.createImage)}. 'name' is a required property`,
          );
        if (!["active", "stopped"].includes(st.vm_state) || st.task_state) return conflict("createImage");
        const imageId = createServerImage(state, c.get("auth"), s, name, body.createImage.metadata ?? {});
        servers(state).put(logged(servers(state).get(s.id) ?? s, "createImage", now, userId));
        if (x.v.minor >= 45) return json({ image_id: imageId }, 202);
        return new Response(null, { status: 202, headers: { Location: `${x.base}/image/v2/images/${imageId}` } });
      }
      case "os-getConsoleOutput":
        return consoleOutput(state, s, body["os-getConsoleOutput"], now);
      case "os-resetState":
        if (!x.admin) return policyRefusal("os_compute_api:os-admin-actions:reset_state");
        return novaFault(400, `There is no such action: ${action}`);
      case "migrate":
        if (!x.admin) return policyRefusal("os_compute_api:os-migrate-server:migrate");
        return novaFault(400, `There is no such action: ${action}`);
      default:
        return (
          (action ? lifecycleAction(action, { state, x, s, st, body, userId }) : undefined) ??
          novaFault(400, `There is no such action: ${action}`)
        );
    }
  });

  app.get("/servers/:id/os-volume_attachments", (c) => {
    const s = load(c);
    if (!s) return missing(c);
    const x = ctx(c);
    return json({
      volumeAttachments: s.bdms
        .filter((b) => liveVolume(state, b.volumeId))
        .map((b) => {
          const item: Record<string, unknown> = { device: b.device, id: b.volumeId, serverId: s.id, volumeId: b.volumeId };
          if (x.v.minor >= 70) item.tag = null;
          if (x.v.minor >= 79) item.delete_on_termination = b.deleteOnTermination;
          if (x.v.minor >= 89) {
            delete item.id;
            item.attachment_id = b.attachmentId;
            item.bdm_uuid = b.attachmentId;
          }
          return item;
        }),
    });
  });
  void flavors;
}
