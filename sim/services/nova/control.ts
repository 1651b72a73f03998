import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { downCells, novaConfig, setCellDown, setNovaConfig } from "./model";

/**
 * /_sim/nova-config {block_device_allocate_retries, block_device_allocate_retries_interval}: GET reads, POST merges.
 * /_sim/nova-cells: GET the cells that are down; POST {cell, down} takes a Nova cell down or brings it back.
 * Mounted by sim/control.ts.
 */
export function novaControls(state: SimState) {
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
  app.get("/nova-cells", (c) => c.json({ down: [...downCells(state)] }));
  app.post("/nova-cells", async (c) => {
    const b = await c.req.json().catch(() => ({}));
    if (typeof b?.cell !== "string" || !/^[\w-]{1,64}$/.test(b.cell) || typeof b?.down !== "boolean")
      return c.json({ error: "body needs cell (a name) and down (boolean)" }, 400);
    return c.json({ down: setCellDown(state, b.cell, b.down) });
  });
  return app;
}
