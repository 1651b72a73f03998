import { Hono } from "hono";
import type { SimState } from "../../core/state";
import { mgrState, restartMgr } from "./mgr";

/** /_sim/ceph-mgr: is the dashboard's manager up, and which requests aborted it; POST /_sim/ceph-mgr/restart. Mounted by sim/control.ts. */
export function cephControls(state: SimState) {
  const app = new Hono();
  app.get("/ceph-mgr", (c) => c.json(mgrState(state)));
  app.post("/ceph-mgr/restart", (c) => c.json(restartMgr(state)));
  return app;
}
