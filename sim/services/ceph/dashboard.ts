import { Hono, type Context } from "hono";
import { randomBytes } from "node:crypto";
import type { SimState } from "../../core/state";
import { CLUSTER_FSID, RbdError, POOLS } from "./model";
import { childIndex, childIndexOf, rbdRepo } from "./repo";
import {
  clone,
  createImage,
  flatten,
  parentData,
  removeImage,
  snapCreate,
  snapProtect,
  snapRemove,
  snapUnprotect,
  trashList,
  trashMove,
  trashRemove,
  trashRestore,
} from "./rbd";
import { isoSeconds } from "../../core/clock";
import { dashboardImage } from "./dashboard-view";
import { abortMgr, diffUnsafe, whileMgrDown } from "./mgr";
import { cherryError, kwargs, pyInt } from "./cherrypy";

type Ver = [number, number];
const mime = (v: Ver) => `application/vnd.ceph.api.v${v[0]}.${v[1]}+json`;

/** What the dashboard announces to the services above it (wired in sim/effects.ts; Ceph imports none of them). */
export interface CephEffects {
  /** Before any /api/block request: deletions other services have due must land in RBD first. */
  beforeBlockRequest(): void;
}

/** Ceph Dashboard REST API (mgr/dashboard, Pacific 16.2.15), mounted at /ceph: the RBD part. */
export function cephDashboardRoutes(state: SimState, effects: CephEffects) {
  const app = new Hono<{ Variables: { ver: Ver } }>();
  app.use("*", whileMgrDown(state));
  const tokens = state.store.collection<{ id: string; username: string; expires: number }>("ceph.token");
  const send = (body: unknown, status: number, v: Ver, headers: Record<string, string> = {}) =>
    new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { "Content-Type": mime(v), ...headers } });
  const error = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
    new Response(JSON.stringify({ detail, ...extra }), { status, headers: { "Content-Type": "application/json" } });

  /** Endpoint version check: Pacific 16.2.15 wants the version in Accept (415 without one, as on the real tier); 415 on a mismatch. */
  const versioned = (endpoint: Ver) => async (c: Context, next: () => Promise<void>) => {
    const m = /application\/vnd\.ceph\.api\.v(\d+)\.(\d+)\+json/.exec(c.req.header("Accept") ?? "");
    if (!m) return cherryError(415, "Unable to find version in request header");
    const req: Ver = [Number(m[1]), Number(m[2])];
    if (req[0] !== endpoint[0] || req[1] > endpoint[1])
      return cherryError(415, `Incorrect version: endpoint is '${endpoint.join(".")}', client requested '${req.join(".")}'`);
    c.set("ver", endpoint);
    await next();
  };
  const authed = async (c: Context, next: () => Promise<void>) => {
    const tok = /^Bearer (.+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
    const t = tok ? tokens.get(tok) : undefined;
    if (!t || t.expires < state.clock.now()) return cherryError(401, "You are not authorized to access that resource");
    await next();
  };

  app.post("/api/auth", versioned([1, 0]), async (c) => {
    // Auth.create(self, username, password): any other key, or a missing one, is a TypeError (500).
    const { body, refused } = await kwargs(c, ["username", "password"], []);
    if (refused) return refused;
    // SIM_CEPH_PASSWORD when set; otherwise the admin password or the BFF's default (ZENITH_CEPH_PASSWORD=zenith-ceph).
    const passwords = process.env.SIM_CEPH_PASSWORD ? [process.env.SIM_CEPH_PASSWORD] : [state.config.adminPassword, "zenith-ceph"];
    if (body?.username !== "admin" || !passwords.includes(body?.password))
      return error(400, "Invalid credentials", { code: "invalid_credentials", component: "auth" });
    const token = `${randomBytes(18).toString("base64url")}.${randomBytes(24).toString("base64url")}.${randomBytes(32).toString("base64url")}`;
    tokens.put({ id: token, username: "admin", expires: state.clock.now() + 8 * 3600_000 });
    const perms = ["read", "create", "update", "delete"];
    return send(
      {
        token,
        username: "admin",
        permissions: { "rbd-image": perms, pool: perms, hosts: perms, osd: perms, monitor: perms },
        pwdExpirationDate: null,
        sso: false,
        pwdUpdateRequired: false,
      },
      201,
      [1, 0],
    );
  });
  app.post("/api/auth/logout", (c) => {
    const tok = /^Bearer (.+)$/.exec(c.req.header("Authorization") ?? "")?.[1];
    if (tok) tokens.remove(tok);
    return send({ redirect_url: "#/login" }, 200, [1, 0]);
  });
  app.post("/api/auth/check", async (c) => {
    const t = tokens.get(c.req.query("token") ?? "");
    if (!t) return error(401, "You are not authorized to access that resource");
    return send({ username: t.username, permissions: {}, sso: false, pwdUpdateRequired: false }, 200, [1, 0]);
  });

  app.use("/api/block/*", authed);
  // Lazily applied storage events (volumes nova deleted after a failed build) before any RBD read.
  app.use("/api/block/*", async (_c, next) => {
    effects.beforeBlockRequest();
    await next();
  });

  // The dashboard's single-page app root, as mgr/dashboard serves it (what a reachability probe sees).
  app.get(
    "/",
    () =>
      new Response('<!doctype html><html lang="en"><head><title>Ceph</title></head><body><cd-root></cd-root></body></html>', {
        status: 200,
        headers: { "Content-Type": "text/html;charset=utf-8", Server: "Ceph-Dashboard", "Cache-Control": "no-cache" },
      }),
  );

  // RbdService._rbd_image_refs is @ttl_cache(30) (mgr/dashboard/services/rbd.py:410): the list's names per pool
  // are up to 30 s old, so a new image can be missing from it while each listed image is stat'ed live.
  // Kept in the store, so /_sim/reset clears it with everything else.
  const refs = state.store.collection<{ id: string; at: number; names: string[] }>("ceph.image-refs");
  const poolRefs = (pool: string, all: { pool: string; name: string }[]) => {
    const hit = refs.get(pool);
    if (hit && state.clock.now() - hit.at < state.clock.ms(30)) return new Set(hit.names);
    const names = all.filter((i) => i.pool === pool).map((i) => i.name);
    refs.put({ id: pool, at: state.clock.now(), names });
    return new Set(names);
  };
  app.get("/api/block/image", versioned([2, 0]), (c) => {
    const repo = rbdRepo(state);
    const all = repo.all().filter((i) => !i.trash);
    const idx = childIndex(all);
    const pool = c.req.query("pool_name");
    const search = c.req.query("search") ?? "";
    const listed = new Map(POOLS.map((p) => [p as string, poolRefs(p, all)]));
    let list = all.filter((i) => listed.get(i.pool)?.has(i.name) && (!pool || i.pool === pool) && (!search || i.name.includes(search)));
    const sort = c.req.query("sort") ?? "+name";
    const key = sort.slice(1) || "name";
    const dir = sort.startsWith("-") ? -1 : 1;
    list.sort((a, b) => {
      const x = (a as any)[key] ?? a.name,
        y = (b as any)[key] ?? b.name;
      return dir * (x < y ? -1 : x > y ? 1 : 0);
    });
    const total = list.length;
    const offset = Number(c.req.query("offset") ?? 0);
    const limit = Number(c.req.query("limit") ?? 5);
    if (limit >= 0) list = list.slice(offset, offset + limit);
    // rbd_pool_list stats every listed image with usage (no omit_usage here): one unsafe image aborts the manager.
    const unsafe = list.find(diffUnsafe);
    if (unsafe) return abortMgr(state, c, unsafe, "GET /api/block/image");
    const byPool = new Map<string, { value: unknown[]; pool_name: string }>();
    for (const img of list) {
      if (!byPool.has(img.pool)) byPool.set(img.pool, { value: [], pool_name: img.pool });
      byPool
        .get(img.pool)!
        .value.push(dashboardImage(img, (s) => idx.get(`${img.pool}/${img.name}@${s}`) ?? [], { parentData: parentData(repo, img) }));
    }
    return send([...byPool.values()], 200, [2, 0], { "X-Total-Count": String(total) });
  });

  const spec = (c: Context) => {
    const raw = decodeURIComponent(c.req.param("spec") ?? "");
    const parts = raw.split("/");
    return { pool: parts[0], name: parts[parts.length - 1], raw };
  };
  /**
   * A task's rbd.Error (DashboardException, component rbd): 400, a missing image or snapshot included, in the
   * endpoint's media type; only the controller's own NotFound (GET, DELETE of a missing image) is a 404.
   */
  const taskFail = (body: Record<string, unknown>, status = 400) => send(body, status, [1, 0]);
  const rbdFail = (e: unknown, task: { name: string; metadata: Record<string, unknown> }) => {
    if (!(e instanceof RbdError)) throw e;
    return taskFail({ detail: e.python, code: String(e.errno), component: "rbd", status: 400, task });
  };

  // RbdTrash (rbd/trash/* tasks). As measured on 16.2: a missing image is a task error, 400 with code "2".
  app.get("/api/block/image/trash", versioned([1, 0]), (c) => {
    const repo = rbdRepo(state);
    const pools = c.req.query("pool_name") ? [c.req.query("pool_name")!] : [...POOLS];
    return send(
      pools.map((p) => ({
        status: 0,
        value: trashList(repo, p).map((i) => ({
          id: i.imageId,
          name: i.name,
          source: "USER",
          deletion_time: isoSeconds(i.trash!.deletedAt),
          deferment_end_time: isoSeconds(i.trash!.deletedAt),
          pool_name: p,
          namespace: "",
        })),
        pool_name: p,
      })),
      200,
      [1, 0],
    );
  });
  const idSpec = (c: Context) => {
    const [pool, id] = decodeURIComponent(c.req.param("id") ?? "").split("/");
    return { pool, id: id ?? "" };
  };
  app.post("/api/block/image/trash/:id/restore", versioned([1, 0]), async (c) => {
    const { pool, id } = idSpec(c);
    const { body, refused } = await kwargs(c, []);
    if (refused) return refused;
    try {
      trashRestore(rbdRepo(state), pool, id, body?.new_image_name ? String(body.new_image_name) : undefined);
    } catch (e) {
      return rbdFail(e, {
        name: "rbd/trash/restore",
        metadata: { image_id_spec: `${pool}/${id}`, new_image_name: body?.new_image_name ?? null },
      });
    }
    return send(null, 200, [1, 0]);
  });
  app.delete("/api/block/image/trash/:id", versioned([1, 0]), (c) => {
    const { pool, id } = idSpec(c);
    try {
      trashRemove(rbdRepo(state), pool, id);
    } catch (e) {
      return rbdFail(e, { name: "rbd/trash/remove", metadata: { image_id_spec: `${pool}/${id}` } });
    }
    return send(null, 204, [1, 0]);
  });
  app.post("/api/block/image/:spec/move_trash", versioned([1, 0]), (c) => {
    const { pool, name, raw } = spec(c);
    try {
      trashMove(rbdRepo(state), pool, name, state.clock.now());
    } catch (e) {
      return rbdFail(e, { name: "rbd/trash/move", metadata: { image_spec: raw } });
    }
    return send(null, 200, [1, 0]);
  });

  app.get("/api/block/image/clone_format_version", versioned([1, 0]), () => send(1, 200, [1, 0]));
  app.get("/api/block/image/:spec", versioned([1, 0]), (c) => {
    const { pool, name } = spec(c);
    const repo = rbdRepo(state);
    const img = repo.get(pool, name);
    // RbdService.get_image raises cherrypy's NotFound before opening the image: no errno body.
    if (!img) return cherryError(404, "Image not found");
    // Rbd.get(image_spec, omit_usage): str_to_bool, anything unparsable counts as false.
    const omitUsage = ["true", "yes", "1", "y"].includes((c.req.query("omit_usage") ?? "").toLowerCase());
    if (!omitUsage && diffUnsafe(img)) return abortMgr(state, c, img, "GET /api/block/image/{image_spec}");
    const idx = childIndexOf(state);
    return send(
      dashboardImage(img, (s) => idx.get(`${pool}/${name}@${s}`) ?? [], { namespace: null, omitUsage, parentData: parentData(repo, img) }),
      200,
      [1, 0],
    );
  });

  /** DELETE unprotects and removes every snapshot itself, then removes the image (RbdService / rbd/delete task). */
  app.delete("/api/block/image/:spec", versioned([1, 0]), (c) => {
    const { pool, name, raw } = spec(c);
    const repo = rbdRepo(state);
    const task = { name: "rbd/delete", metadata: { image_spec: raw } };
    try {
      const img = repo.get(pool, name);
      // The rbd/delete task re-raises the controller's (404, 'Image not found') as a task error.
      if (!img) return taskFail({ detail: "(404, 'Image not found')", code: 404, component: null, status: 404, task }, 404);
      // Rbd.delete reads the image with usage first (RbdService.get_image(image_spec), no omit_usage).
      if (diffUnsafe(img)) return abortMgr(state, c, img, "DELETE /api/block/image/{image_spec}");
      for (const s of img.snaps) {
        if (s.protected) snapUnprotect(repo, pool, name, s.name);
        snapRemove(repo, pool, name, s.name);
      }
      removeImage(repo, pool, name);
    } catch (e) {
      return rbdFail(e, task);
    }
    return send(null, 204, [1, 0]);
  });

  /** Rbd.create (task rbd/create): 201 with the body null. */
  app.post("/api/block/image", versioned([1, 0]), async (c) => {
    const { body, refused } = await kwargs(c, ["name", "pool_name", "size"]);
    if (refused) return refused;
    const pool = String(body.pool_name),
      name = String(body.name);
    const task = { name: "rbd/create", metadata: { pool_name: pool, namespace: body.namespace ?? null, image_name: name } };
    // Rbd.create: int(size) inside the task (a ValueError is a task error with status 500), then the pool's ioctx.
    const size = pyInt(body.size);
    if (typeof size !== "number") return taskFail({ detail: size.error, component: null, status: 500, task }, 500);
    if (!(POOLS as readonly string[]).includes(pool))
      return taskFail({
        detail: `[errno 2] RADOS object not found (error opening pool '${pool}')`,
        code: "2",
        component: "pool",
        status: 400,
        task,
      });
    try {
      createImage(rbdRepo(state), pool, name, { size, created: state.clock.now() });
    } catch (e) {
      return rbdFail(e, task);
    }
    return send(null, 201, [1, 0]);
  });

  /** RbdSnapshot.clone (task rbd/clone): 200 with the body null; the parent snapshot must be protected (clone v1). */
  app.post("/api/block/image/:spec/snap/:snap/clone", versioned([1, 0]), async (c) => {
    const { pool, name, raw } = spec(c);
    const snap = decodeURIComponent(c.req.param("snap") ?? "");
    const { body, refused } = await kwargs(c, ["child_pool_name", "child_image_name"]);
    if (refused) return refused;
    const childPool = String(body?.child_pool_name ?? ""),
      childName = String(body?.child_image_name ?? "");
    try {
      clone(rbdRepo(state), { pool, image: name, snap }, childPool, childName, state.clock.now());
    } catch (e) {
      return rbdFail(e, {
        name: "rbd/clone",
        metadata: {
          parent_image_spec: raw,
          child_pool_name: childPool,
          child_namespace: body?.child_namespace ?? null,
          child_image_name: childName,
        },
      });
    }
    return send(null, 200, [1, 0]);
  });

  app.post("/api/block/image/:spec/flatten", versioned([1, 0]), (c) => {
    const { pool, name, raw } = spec(c);
    try {
      flatten(rbdRepo(state), pool, name);
    } catch (e) {
      return rbdFail(e, { name: "rbd/flatten", metadata: { image_spec: raw } });
    }
    return send(null, 200, [1, 0]);
  });

  app.post("/api/block/image/:spec/snap", versioned([1, 0]), async (c) => {
    const { pool, name, raw } = spec(c);
    // Pacific 16.2.15's snapshot create takes a required mirrorImageSnapshot; without it _task.py asserts (a 500).
    const { body, refused } = await kwargs(c, ["snapshot_name", "mirrorImageSnapshot"], []);
    if (refused) return refused;
    const snap = String(body.snapshot_name ?? "");
    try {
      snapCreate(rbdRepo(state), pool, name, snap, state.clock.now());
    } catch (e) {
      return rbdFail(e, { name: "rbd/snap/create", metadata: { image_spec: raw, snapshot_name: snap } });
    }
    return send(null, 201, [1, 0]);
  });

  app.put("/api/block/image/:spec/snap/:snap", versioned([1, 0]), async (c) => {
    const { pool, name, raw } = spec(c);
    const snap = decodeURIComponent(c.req.param("snap") ?? "");
    // RbdSnapshot.set(image_spec, snapshot_name, new_snap_name=None, is_protected=None).
    const { body, refused } = await kwargs(c, [], ["new_snap_name", "is_protected"]);
    if (refused) return refused;
    const repo = rbdRepo(state);
    const task = { name: "rbd/snap/edit", metadata: { image_spec: raw, snapshot_name: snap } };
    try {
      const s = repo.get(pool, name)?.snaps.find((x) => x.name === snap);
      if (typeof body?.is_protected === "boolean" && s && s.protected !== body.is_protected) {
        if (body.is_protected) snapProtect(repo, pool, name, snap);
        else snapUnprotect(repo, pool, name, snap);
      } else if (!s) snapUnprotect(repo, pool, name, snap);
    } catch (e) {
      return rbdFail(e, task);
    }
    return send(null, 200, [1, 0]);
  });

  app.delete("/api/block/image/:spec/snap/:snap", versioned([1, 0]), (c) => {
    const { pool, name, raw } = spec(c);
    const snap = decodeURIComponent(c.req.param("snap") ?? "");
    try {
      snapRemove(rbdRepo(state), pool, name, snap);
    } catch (e) {
      return rbdFail(e, { name: "rbd/snap/delete", metadata: { image_spec: raw, snapshot_name: snap } });
    }
    return send(null, 204, [1, 0]);
  });

  /** MonitorController: mon_status (with the monmap and its fsid) and the quorum split. */
  app.use("/api/monitor", authed);
  app.get("/api/monitor", versioned([1, 0]), () => {
    const mon = { rank: 0, name: "a", public_addr: "127.0.0.1:6789/0", addr: "127.0.0.1:6789/0", priority: 0, weight: 0 };
    const monmap = {
      epoch: 1,
      fsid: CLUSTER_FSID,
      modified: "2026-01-01T00:00:00.000000Z",
      created: "2026-01-01T00:00:00.000000Z",
      min_mon_release: 16,
      min_mon_release_name: "pacific",
      mons: [mon],
    };
    return send(
      {
        mon_status: {
          name: "a",
          rank: 0,
          state: "leader",
          election_epoch: 3,
          quorum: [0],
          quorum_age: 3600,
          outside_quorum: [],
          extra_probe_peers: [],
          sync_provider: [],
          monmap,
        },
        in_quorum: [{ ...mon, stats: { num_sessions: [] } }],
        out_quorum: [],
      },
      200,
      [1, 0],
    );
  });

  app.use("/api/pool", authed);
  app.get("/api/pool", versioned([1, 0]), () =>
    send(
      POOLS.map((p, i) => ({ pool_name: p, pool: i + 1, application_metadata: ["rbd"], type: "replicated", size: 1 })),
      200,
      [1, 0],
    ),
  );
  // A mounted router's notFound is not consulted: unknown paths are answered here, as CherryPy's dispatcher does.
  app.all("*", (c) => cherryError(404, `The path '${c.req.path.replace(/^\/ceph(?=\/)/, "")}' was not found.`));
  return app;
}
