import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { downCells, novaConfig, setCellDown, setNovaConfig } from "../nova/model";
import { glanceConfig, glanceImages, setGlanceConfig } from "../glance/model";
import { mgrState, restartMgr } from "../ceph/mgr";
import { RbdError } from "../ceph/model";
import { clone } from "../ceph/rbd";
import { rbdRepo } from "../ceph/repo";

/**
 * /_sim/nova-config {block_device_allocate_retries, block_device_allocate_retries_interval}
 * and /_sim/glance-config {show_image_direct_url, show_multiple_locations}. GET reads, POST merges.
 * /_sim/ceph-mgr: is the dashboard's manager up, and which requests aborted it; POST /_sim/ceph-mgr/restart.
 * /_sim/glance-forget {id}: drops a Glance record and keeps its RBD image (a store delete that failed after the
 * record went: the leftover lineage must find). /_sim/rbd-clones {image, pool, prefix, count}: `count` RBD clones of the
 * Glance image's images/<id>@snap named <prefix>-<n> in `pool`, as an operator's `rbd clone` makes them (a large tree
 * for the e2e suite; no OpenStack service owns them). /_sim/nova-cells: GET the cells that are down; POST {cell, down} takes a Nova cell down or brings it back.
 */
export function storageControls(state: SimState) {
  const app = new Hono();
  app.get("/nova-config", (c) => c.json(novaConfig(state)));
  app.post("/nova-config", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    const patch: Record<string, number> = {};
    for (const k of ["block_device_allocate_retries", "block_device_allocate_retries_interval"] as const) {
      if (b?.[k] === undefined) continue;
      const n = Number(b[k]);
      if (!(n >= 0) || !Number.isFinite(n)) return c.json({ error: `${k} must be a number >= 0` }, 400);
      patch[k] = n;
    }
    return c.json(setNovaConfig(state, patch));
  });
  app.post("/glance-forget", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    if (typeof b?.id !== "string" || !glanceImages(state).get(b.id)) return c.json({ error: "body.id must name a Glance image" }, 400);
    glanceImages(state).remove(b.id);
    return c.json({ forgotten: b.id });
  });
  app.get("/nova-cells", (c) => c.json({ down: [...downCells(state)] }));
  app.post("/nova-cells", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    if (typeof b?.cell !== "string" || !/^[\w-]{1,64}$/.test(b.cell) || typeof b?.down !== "boolean") return c.json({ error: "body needs cell (a name) and down (boolean)" }, 400);
    return c.json({ down: setCellDown(state, b.cell, b.down) });
  });
  app.post("/rbd-clones", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    const image = glanceImages(state).all().find((g) => g.id === b?.image || g.name === b?.image);
    const count = Number(b?.count);
    if (!image || !["volumes", "vms"].includes(b?.pool) || typeof b?.prefix !== "string" || !/^[\w-]{1,40}$/.test(b.prefix) || !(count >= 1 && count <= 5000))
      return c.json({ error: "body needs image (a Glance image name or id), pool (volumes|vms), prefix ([\\w-]{1,40}) and count (1-5000)" }, 400);
    const repo = rbdRepo(state);
    try {
      state.store.transaction(() => {
        for (let i = 0; i < count; i++) clone(repo, { pool: "images", image: image.id, snap: "snap" }, b.pool, `${b.prefix}-${String(i).padStart(4, "0")}`, state.clock.now());
      });
    } catch (e) {
      if (e instanceof RbdError) return c.json({ error: e.message }, 400);
      throw e;
    }
    return c.json({ parent: `images/${image.id}@snap`, pool: b.pool, count });
  });
  app.get("/glance-config", (c) => c.json(glanceConfig(state)));
  app.post("/glance-config", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    const patch: Record<string, boolean> = {};
    for (const k of ["show_image_direct_url", "show_multiple_locations"] as const) if (typeof b?.[k] === "boolean") patch[k] = b[k];
    return c.json(setGlanceConfig(state, patch));
  });
  app.get("/ceph-mgr", (c) => c.json(mgrState(state)));
  app.post("/ceph-mgr/restart", (c) => c.json(restartMgr(state)));
  return app;
}
