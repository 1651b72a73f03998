import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { novaConfig, setNovaConfig } from "../nova/model";
import { glanceConfig, setGlanceConfig } from "../glance/model";
import { mgrState, restartMgr } from "../ceph/mgr";

/**
 * /_sim/nova-config {block_device_allocate_retries, block_device_allocate_retries_interval}
 * and /_sim/glance-config {show_image_direct_url, show_multiple_locations}. GET reads, POST merges.
 * /_sim/ceph-mgr: is the dashboard's manager up, and which requests aborted it; POST /_sim/ceph-mgr/restart.
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
