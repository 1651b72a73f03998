import { Hono, type Context } from "hono";
import type { SimState } from "../../core/state";
import { requestId } from "../../core/ids";
import { requireToken, type SimEnv } from "../keystone/token-auth";
import { atLeast, fmt, negotiate, type Version } from "../common/microversion";
import { glanceImages } from "../glance/model";
import { cinderFault } from "./errors";
import { registerCinderExtras } from "./extras";
import { chunkedBodyAsUpstream } from "../../core/body-framing";
import { webobNotFound } from "../common/webob";
import { findType, snapshots, volumes, volumeTypes } from "./model";
import { CinderError, createSnapshot, createVolume, deleteSnapshot, deleteVolume, liveVolume, purgeGoneVolumes } from "./ops";
import { quotaCheck, quotaSetView } from "./quotas";
import { glanceMetaRecorded, isGone, volumeStatus } from "./status";
import { snapshotView, typeView, volumeDetail, volumeSummary, type ViewCtx } from "./view";

export const CINDER_MIN = "3.0";
export const CINDER_MAX = "3.70";
type Env = SimEnv & { Variables: { mv: Version } };

/** Cinder v3, mounted at /volume; accepts /v3/{project_id}/... and /v3/... alike. */
export function cinderRoutes(state: SimState) {
  const outer = new Hono();
  const versionDoc = () => ({
    versions: [
      {
        id: "v3.0",
        status: "CURRENT",
        version: CINDER_MAX,
        min_version: CINDER_MIN,
        updated: "2022-08-31T00:00:00Z",
        links: [
          { href: "https://docs.openstack.org/", rel: "describedby", type: "text/html" },
          { href: `${state.baseUrl}/volume/v3/`, rel: "self" },
        ],
        "media-types": [{ base: "application/json", type: "application/vnd.openstack.volume+json;version=3" }],
      },
    ],
  });
  const plain = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  outer.get("/", () => plain(versionDoc(), 300));
  outer.get("/v3", () => plain(versionDoc()));
  outer.get("/v3/", () => plain(versionDoc()));
  const v3 = api(state);
  outer.all("/v3/*", (c) => {
    const url = new URL(c.req.url);
    const rest = url.pathname.slice(url.pathname.indexOf("/v3/") + 3);
    const m = /^\/([0-9a-f]{32})(\/.*|$)/.exec(rest);
    url.pathname = m ? m[2] || "/" : rest;
    return v3.fetch(new Request(url, c.req.raw));
  });
  return outer;
}

function api(state: SimState) {
  const app = new Hono<Env>();
  app.use("*", async (c, next) => {
    const n = negotiate("volume", { get: (h) => c.req.header(h) }, CINDER_MIN, CINDER_MAX);
    // As cinder-api: a 406 echoes the version asked for; a malformed version, keystonemiddleware's 401 and
    // webob's 404 for an unknown path echo none.
    if (!n.ok)
      return cinderFault(
        n.status,
        n.message,
        n.status === 406 ? { "OpenStack-API-Version": `volume ${n.asked}`, Vary: "OpenStack-API-Version" } : {},
      );
    c.set("mv", n.version);
    await next();
    if (c.res.status !== 401 && !c.get("unversioned" as never)) {
      c.res.headers.set("OpenStack-API-Version", `volume ${fmt(n.version)}`);
      c.res.headers.set("Vary", "OpenStack-API-Version");
    }
    if (!c.res.headers.has("x-openstack-request-id")) c.res.headers.set("x-openstack-request-id", requestId());
  });
  app.use("*", requireToken(state));
  app.use("*", chunkedBodyAsUpstream("volume"));
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const ctx = (c: Context<Env>): ViewCtx => ({
    state,
    v: c.get("mv"),
    admin: c.get("auth").isAdmin,
    now: state.clock.now(),
    base: state.baseUrl,
  });
  const fail = (e: unknown) => {
    if (e instanceof CinderError) return cinderFault(e.status, e.message);
    throw e;
  };

  const listVolumes = (c: Context<Env>) => {
    const a = c.get("auth");
    const q = new URL(c.req.url).searchParams;
    purgeGoneVolumes(state);
    const now = state.clock.now();
    const all = a.isAdmin && ["1", "true", "True"].includes(q.get("all_tenants") ?? "");
    const project = all ? q.get("project_id") : a.projectId;
    let list = volumes(state).filter((v) => (!project || v.projectId === project) && !isGone(v, now));
    const name = q.get("name"),
      status = q.get("status"),
      bootable = q.get("bootable");
    if (name) list = list.filter((v) => v.name === name);
    if (status) list = list.filter((v) => volumeStatus(v, now) === status);
    if (bootable) list = list.filter((v) => String(v.bootable && glanceMetaRecorded(v, now)) === bootable.toLowerCase());
    list.sort((x, y) => y.created - x.created || (x.id < y.id ? -1 : 1));
    const total = list.length;
    const marker = q.get("marker");
    if (marker) {
      const at = list.findIndex((v) => v.id === marker);
      if (at < 0) throw new CinderError(404, `Marker ${marker} could not be found.`);
      list = list.slice(at + 1);
    }
    const limit = Number(q.get("limit") ?? 1000);
    const page = list.slice(0, limit);
    const links =
      list.length > page.length && page.length
        ? [
            {
              href: `${state.baseUrl}/volume/v3/${a.projectId}/volumes${c.req.path.endsWith("/detail") ? "/detail" : ""}?limit=${limit}&marker=${page[page.length - 1].id}`,
              rel: "next",
            },
          ]
        : undefined;
    return { page, links, total };
  };
  const listBody = (c: Context<Env>, detail: boolean) => {
    try {
      const { page, links, total } = listVolumes(c);
      const x = ctx(c);
      const body: Record<string, unknown> = { volumes: page.map((v) => (detail ? volumeDetail(x, v) : volumeSummary(x, v))) };
      if (links) body.volumes_links = links;
      if (c.req.query("with_count") && x.v.minor >= 45) body.count = total;
      return json(body);
    } catch (e) {
      return fail(e);
    }
  };
  app.get("/volumes", (c) => listBody(c, false));
  app.get("/volumes/detail", (c) => listBody(c, true));

  const own = (c: Context<Env>) => {
    const v = liveVolume(state, c.req.param("id") ?? "");
    const a = c.get("auth");
    return v && (a.isAdmin || v.projectId === a.projectId) ? v : undefined;
  };
  app.get("/volumes/:id", (c) => {
    const v = own(c);
    return v ? json({ volume: volumeDetail(ctx(c), v) }) : cinderFault(404, `Volume ${c.req.param("id")} could not be found.`);
  });

  app.post("/volumes", async (c) => {
    const body = (await c.req.json().catch(() => null))?.volume;
    if (!body || typeof body !== "object") return cinderFault(400, "Missing required element 'volume' in request body.");
    const a = c.get("auth");
    let image;
    if (body.imageRef) {
      image = glanceImages(state).get(body.imageRef) ?? glanceImages(state).find((i) => i.name === body.imageRef);
      if (!image) return cinderFault(400, `Invalid image identifier or unable to access requested image.`);
    }
    if (body.size !== undefined && body.size !== null && !(Number.isInteger(Number(body.size)) && Number(body.size) > 0))
      return cinderFault(
        400,
        `Invalid input for field/attribute size. Value: ${body.size}. ${JSON.stringify(body.size)} is not valid under any of the given schemas`,
      );
    const type = findType(state, body.volume_type);
    if (!type) return cinderFault(404, `Volume type with name ${body.volume_type} could not be found.`);
    const over = quotaCheck(state, a.projectId, type.name, Number(body.size ?? 1));
    if (over) return cinderFault(413, over);
    try {
      const v = createVolume(state, {
        projectId: a.projectId,
        userId: a.userId,
        size: body.size === undefined || body.size === null ? undefined : Number(body.size),
        name: body.name,
        description: body.description,
        volumeType: type.id,
        image,
        snapshotId: body.snapshot_id,
        sourceVolid: body.source_volid,
        metadata: body.metadata,
        availabilityZone: body.availability_zone,
      });
      return json({ volume: volumeDetail(ctx(c), v, { create: true }) }, 202);
    } catch (e) {
      return fail(e);
    }
  });

  app.put("/volumes/:id", async (c) => {
    const v = own(c);
    if (!v) return cinderFault(404, `Volume ${c.req.param("id")} could not be found.`);
    const body = (await c.req.json().catch(() => null))?.volume ?? {};
    // cinder/api/schemas/volumes.py update: only these properties.
    const extra = Object.keys(body).find((k) => !["name", "description", "metadata", "display_name", "display_description"].includes(k));
    if (extra)
      return cinderFault(
        400,
        `Invalid input for field/attribute volume. Value: ${JSON.stringify(body)}. Additional properties are not allowed ('${extra}' was unexpected)`,
      );
    const next = { ...v, name: body.name ?? v.name, description: body.description ?? v.description, metadata: body.metadata ?? v.metadata };
    volumes(state).put(next);
    return json({ volume: volumeDetail(ctx(c), next) });
  });

  app.delete("/volumes/:id", (c) => {
    const v = own(c);
    if (!v) return cinderFault(404, `Volume ${c.req.param("id")} could not be found.`);
    try {
      deleteVolume(state, v, { cascade: c.req.query("cascade") === "true" });
    } catch (e) {
      return fail(e);
    }
    return new Response(null, { status: 202 });
  });

  registerCinderExtras(app, state, {
    own,
    mv: (c) => c.get("mv"),
    admin: (c) => c.get("auth").isAdmin,
    projectId: (c) => c.get("auth").projectId,
  });

  const snapList = (c: Context<Env>, detail: boolean) => {
    const a = c.get("auth");
    const all = a.isAdmin && ["1", "true", "True"].includes(c.req.query("all_tenants") ?? "");
    const x = ctx(c);
    let list = snapshots(state).filter((s) => all || s.projectId === a.projectId);
    const vid = c.req.query("volume_id");
    if (vid) list = list.filter((s) => s.volumeId === vid);
    list.sort((p, q) => q.created - p.created);
    return json({ snapshots: list.map((s) => (detail ? snapshotView(x, s) : snapshotView(x, s))) });
  };
  app.get("/snapshots", (c) => snapList(c, false));
  app.get("/snapshots/detail", (c) => snapList(c, true));
  const ownSnap = (c: Context<Env>) => {
    const s = snapshots(state).get(c.req.param("id") ?? "");
    const a = c.get("auth");
    return s && (a.isAdmin || s.projectId === a.projectId) ? s : undefined;
  };
  app.get("/snapshots/:id", (c) => {
    const s = ownSnap(c);
    return s ? json({ snapshot: snapshotView(ctx(c), s) }) : cinderFault(404, `Snapshot ${c.req.param("id")} could not be found.`);
  });
  app.post("/snapshots", async (c) => {
    const body = (await c.req.json().catch(() => null))?.snapshot;
    if (!body?.volume_id) return cinderFault(400, "Missing required element 'snapshot' in request body.");
    const v = liveVolume(state, body.volume_id);
    const a = c.get("auth");
    if (!v || (!a.isAdmin && v.projectId !== a.projectId)) return cinderFault(404, `Volume ${body.volume_id} could not be found.`);
    // 3.66: an in-use volume is snapshotted without `force`; a force that evaluates False is refused, True ignored.
    const mv366 = atLeast(c.get("mv"), "3.66");
    const forced = [true, "true", "True", "1", "yes", "y", "on", 1].includes(body.force);
    if (mv366 && "force" in body && !forced)
      return cinderFault(
        400,
        "Since microversion 3.66 the 'force' flag is invalid for this request.  For backward compatability, however, when the 'force' flag is passed with a value evaluating to True, it is silently ignored.",
      );
    try {
      const s = createSnapshot(state, v, {
        userId: a.userId,
        name: body.name,
        description: body.description,
        force: mv366 || forced,
      });
      return json({ snapshot: snapshotView(ctx(c), s) }, 202);
    } catch (e) {
      return fail(e);
    }
  });
  app.delete("/snapshots/:id", (c) => {
    const s = ownSnap(c);
    if (!s) return cinderFault(404, `Snapshot ${c.req.param("id")} could not be found.`);
    deleteSnapshot(state, s);
    return new Response(null, { status: 202 });
  });

  app.get("/types", (c) =>
    json({
      volume_types: volumeTypes(state)
        .all()
        .map((t) => typeView(c.get("auth").isAdmin, t)),
    }),
  );
  app.get("/types/default", (c) => json({ volume_type: typeView(c.get("auth").isAdmin, findType(state, null)!) }));
  app.get("/types/:id", (c) => {
    const t = volumeTypes(state).get(c.req.param("id"));
    return t
      ? json({ volume_type: typeView(c.get("auth").isAdmin, t) })
      : cinderFault(404, `Volume type ${c.req.param("id")} could not be found.`);
  });

  const quota = (c: Context<Env>, usage: boolean) => {
    const a = c.get("auth");
    const pid = c.req.param("project") ?? "";
    if (!a.isAdmin && pid !== a.projectId) return cinderFault(403, "Policy doesn't allow volume_extension:quotas:show to be performed.");
    return json(quotaSetView(state, pid, usage));
  };
  app.get("/os-quota-sets/:project/defaults", (c) => quota(c, false));
  app.get("/os-quota-sets/:project", (c) => quota(c, ["true", "True", "1"].includes(c.req.query("usage") ?? "")));

  app.notFound((c) => {
    c.set("unversioned" as never, true as never);
    return webobNotFound();
  });
  return app;
}
