import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { glanceConfig, glanceImages, setGlanceConfig } from "./model";

/**
 * /_sim/glance-config {show_image_direct_url, show_multiple_locations}: GET reads, POST merges.
 * /_sim/glance-forget {id}: drops a Glance record and keeps its RBD image (a store delete that failed after the
 * record went: the leftover lineage must find). Mounted by sim/control.ts.
 */
export function glanceControls(state: SimState) {
  const app = new Hono();
  app.post("/glance-forget", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    if (typeof b?.id !== "string" || !glanceImages(state).get(b.id)) return c.json({ error: "body.id must name a Glance image" }, 400);
    glanceImages(state).remove(b.id);
    return c.json({ forgotten: b.id });
  });
  app.get("/glance-config", (c) => c.json(glanceConfig(state)));
  app.post("/glance-config", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    const patch: Record<string, boolean> = {};
    for (const k of ["show_image_direct_url", "show_multiple_locations"] as const) if (typeof b?.[k] === "boolean") patch[k] = b[k];
    return c.json(setGlanceConfig(state, patch));
  });
  return app;
}
