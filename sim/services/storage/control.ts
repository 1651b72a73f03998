import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { downCells, novaConfig, setCellDown, setNovaConfig } from "../nova/model";
import { glanceConfig, glanceImages, setGlanceConfig } from "../glance/model";
import { mgrState, restartMgr } from "../ceph/mgr";

/**
 * /_sim/nova-config {block_device_allocate_retries, block_device_allocate_retries_interval}
 * and /_sim/glance-config {show_image_direct_url, show_multiple_locations}. GET reads, POST merges.
 * /_sim/ceph-mgr: is the dashboard's manager up, and which requests aborted it; POST /_sim/ceph-mgr/restart.
 * /_sim/glance-forget {id}: drops a Glance record and keeps its RBD image (a store delete that failed after the
 * record went: the leftover lineage must find). /_sim/nova-cells: GET the cells that are down; POST {cell, down} takes a Nova cell down or brings it back.
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
