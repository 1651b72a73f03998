import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { RbdError } from "../ceph/model";
import { clone } from "../ceph/rbd";
import { rbdRepo } from "../ceph/repo";
import { glanceConfig, glanceImages, setGlanceConfig } from "./model";

/**
 * /_sim/glance-config {show_image_direct_url, show_multiple_locations, enabled_import_methods,
 * image_conversion_output_format (null: the image_conversion plugin is off)}: GET reads, POST merges.
 * /_sim/glance-forget {id}: drops a Glance record and keeps its RBD image (a store delete that failed after the
 * record went: the leftover lineage must find). /_sim/rbd-clones {image, pool, prefix, count}: `count` RBD clones of the
 * Glance image's images/<id>@snap named <prefix>-<n> in `pool`, as an operator's `rbd clone` makes them (a large tree
 * for the e2e suite; no OpenStack service owns them). Mounted by sim/control.ts.
 */
export function glanceControls(state: SimState) {
  const app = new Hono();
  app.post("/glance-forget", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    if (typeof b?.id !== "string" || !glanceImages(state).get(b.id)) return c.json({ error: "body.id must name a Glance image" }, 400);
    glanceImages(state).remove(b.id);
    return c.json({ forgotten: b.id });
  });
  app.post("/rbd-clones", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    const image = glanceImages(state)
      .all()
      .find((g) => g.id === b?.image || g.name === b?.image);
    const count = Number(b?.count);
    if (
      !image ||
      !["volumes", "vms"].includes(b?.pool) ||
      typeof b?.prefix !== "string" ||
      !/^[\w-]{1,40}$/.test(b.prefix) ||
      !(count >= 1 && count <= 5000)
    )
      return c.json(
        { error: "body needs image (a Glance image name or id), pool (volumes|vms), prefix ([\\w-]{1,40}) and count (1-5000)" },
        400,
      );
    const repo = rbdRepo(state);
    try {
      state.store.transaction(() => {
        for (let i = 0; i < count; i++)
          clone(
            repo,
            { pool: "images", image: image.id, snap: "snap" },
            b.pool,
            `${b.prefix}-${String(i).padStart(4, "0")}`,
            state.clock.now(),
          );
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
    const patch: Record<string, unknown> = {};
    for (const k of ["show_image_direct_url", "show_multiple_locations"] as const) if (typeof b?.[k] === "boolean") patch[k] = b[k];
    if (Array.isArray(b?.enabled_import_methods)) patch.enabled_import_methods = b.enabled_import_methods.map(String);
    if (b?.image_conversion_output_format === null || typeof b?.image_conversion_output_format === "string")
      patch.image_conversion_output_format = b.image_conversion_output_format;
    return c.json(setGlanceConfig(state, patch));
  });
  return app;
}
