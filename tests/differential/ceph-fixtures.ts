import { send } from "./session";

/** The dashboard's v1.0 media type: every endpoint the BFF calls is at 1.0. */
export const CEPH_V1 = "application/vnd.ceph.api.v1.0+json";
const MIB = 1024 * 1024;

export interface CephCreds {
  username: string;
  password: string;
}

/** A Ceph Dashboard token (POST /api/auth, 201). */
export async function cephLogin(base: string, creds: CephCreds): Promise<string> {
  const r = await send(`${base}/api/auth`, { method: "POST", body: creds, headers: { Accept: CEPH_V1 } });
  if (r.status !== 201) throw new Error(`ceph login at ${base}: ${r.status} ${r.text.slice(0, 200)}`);
  return r.json.token;
}

/**
 * The RBD tree the ceph probes read and change, made through the dashboard as the BFF's own code does:
 * vms/<tag>-rbd (8 MiB, never 0 bytes: Pacific's usage computation aborts ceph-mgr on a 0-byte image with a
 * snapshot) with the protected snapshot s1, cloned to vms/<tag>-clone. The image LIST is never requested: on the
 * real tier it stats every image with usage, and another engineer's 0-byte image would abort the manager.
 * Returns the placeholders; pushes the undo steps onto `undo` as it goes (run in reverse: the clone, then the
 * parent, whose DELETE removes its snapshots).
 */
export async function prepareCeph(
  name: string,
  base: string,
  token: string,
  tag: string,
  undo: { what: string; run: () => Promise<number> }[],
): Promise<Record<string, string>> {
  const call = (method: string, path: string, body?: unknown) =>
    send(`${base}${path}`, { method, body, headers: { Accept: CEPH_V1, Authorization: `Bearer ${token}` } });
  const spec = (n: string) => encodeURIComponent(`vms/${n}`);
  const parent = `${tag}-rbd`;
  const child = `${tag}-clone`;
  const must = async (what: string, p: ReturnType<typeof call>, ok: number[]) => {
    const r = await p;
    if (!ok.includes(r.status)) throw new Error(`${name}: ceph ${what} answered ${r.status}: ${r.text.slice(0, 300)}`);
    return r;
  };
  await must("create image", call("POST", "/api/block/image", { pool_name: "vms", name: parent, size: 8 * MIB }), [201]);
  undo.push({ what: "rbd image", run: async () => (await call("DELETE", `/api/block/image/${spec(parent)}`)).status });
  await must(
    "create snapshot",
    call("POST", `/api/block/image/${spec(parent)}/snap`, { snapshot_name: "s1", mirrorImageSnapshot: false }),
    [201],
  );
  await must("protect snapshot", call("PUT", `/api/block/image/${spec(parent)}/snap/s1`, { is_protected: true }), [200]);
  await must(
    "clone",
    call("POST", `/api/block/image/${spec(parent)}/snap/s1/clone`, { child_pool_name: "vms", child_image_name: child }),
    [200],
  );
  undo.push({ what: "rbd clone", run: async () => (await call("DELETE", `/api/block/image/${spec(child)}`)).status });
  return { rbd: spec(parent), rbd_clone: spec(child), rbd_missing: spec(`${tag}-nope`) };
}
