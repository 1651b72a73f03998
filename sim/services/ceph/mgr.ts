import type { Context } from "hono";
import type { SimState } from "../../core/state";
import type { RbdImage } from "./model";

/**
 * The ceph-mgr that serves the dashboard. Pacific 16.2.15's usage computation (RbdService._rbd_disk_usage:
 * fast-diff diff_iterate per snapshot and the head) aborts librbd on a 0-byte image that has a snapshot
 * (DiffIterate.cc:341 ceph_assert(object_diff_state.size() == end_object_no - start_object_no)), as Glance's
 * image of a volume-backed instance snapshot is. The manager process dies: every later dashboard request
 * finds its connection closed until the sim is reset or /_sim/ceph-mgr/restart is called.
 */
export interface MgrState {
  id: "mgr";
  up: boolean;
  aborts: { at: number; spec: string; during: string }[];
  refusedWhileDown: number;
}

const mgr = (state: SimState) => state.store.collection<MgrState>("ceph.mgr");
export const mgrState = (state: SimState): MgrState => mgr(state).get("mgr") ?? { id: "mgr", up: true, aborts: [], refusedWhileDown: 0 };

/** Would the dashboard's usage computation abort on this image? */
export const diffUnsafe = (img: RbdImage) => img.size === 0 && img.snaps.length > 0;

/** Closes the client's connection without an answer (what a dead manager's port does to an open request). */
function hangUp(c: Context): Response {
  (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket?.destroy();
  return new Response(null, { status: 502 });
}

/** The manager aborts while computing the usage of `img`; the request in flight gets no answer. */
export function abortMgr(state: SimState, c: Context, img: RbdImage, during: string): Response {
  const m = mgrState(state);
  mgr(state).put({ ...m, up: false, aborts: [...m.aborts, { at: state.clock.now(), spec: `${img.pool}/${img.name}`, during }] });
  return hangUp(c);
}

/** Middleware: while the manager is down every request's connection is closed. */
export const whileMgrDown = (state: SimState) => async (c: Context, next: () => Promise<void>) => {
  const m = mgrState(state);
  if (m.up) return next();
  mgr(state).put({ ...m, refusedWhileDown: m.refusedWhileDown + 1 });
  return hangUp(c);
};

export function restartMgr(state: SimState): MgrState {
  const m = { ...mgrState(state), up: true };
  mgr(state).put(m);
  return m;
}
