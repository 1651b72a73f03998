import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { target } from "../../tests/target";

const run = promisify(execFile);

/**
 * RBD images an integration test makes behind OpenStack's back (what a failed delete or an operator leaves),
 * on either target: on the real tier with Debian's `rbd` tool on the cluster's ceph.conf (never through the
 * system under test); on the sim, which has no rbd binary, through its Ceph Dashboard. Specs are "pool/name".
 * Everything made is removed again by cleanup(), whatever state a test left it in.
 */
export interface RbdFixture {
  /** rbd clone <pool/image@snap> <pool/name> */
  clone(parent: string, child: string): Promise<void>;
  /** rbd snap create (and protect) */
  snap(image: string, snap: string, protect: boolean): Promise<void>;
  /** rbd trash mv: the clone keeps its parent snapshot busy but leaves the snapshot's children list. */
  trash(image: string): Promise<void>;
  /** Is the image in `rbd ls <pool>` (real) / readable on the dashboard (sim)? */
  exists(image: string): Promise<boolean>;
  /** The image's parent snapshot, "pool/image@snap", or null (never cloned, or flattened). */
  parent(image: string): Promise<string | null>;
  /** `rbd children <pool/image@snap>` (real) / the snapshot's children on the dashboard (sim), as sorted "pool/name". */
  children(snap: string): Promise<string[]>;
  /** The cluster's fsid: ceph.conf's (real), the dashboard's monitor map (sim). */
  fsid(): Promise<string>;
  /** The image's snapshots with their protection, in snapshot-id order. */
  snaps(image: string): Promise<{ name: string; protected: boolean }[]>;
  cleanup(): Promise<void>;
}

const split = (spec: string) => ({ pool: spec.slice(0, spec.indexOf("/")), name: spec.slice(spec.indexOf("/") + 1) });

function realRbd(): RbdFixture {
  const conf: string = target.real!.ceph.conf;
  const env = { ...process.env, PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", PYTHONPATH: "" };
  const rbd = async (...args: string[]) => (await run("/usr/bin/rbd", ["--conf", conf, ...args], { env, timeout: 120_000 })).stdout;
  const json = async (...args: string[]) => JSON.parse(await rbd(...args, "--format", "json"));
  const made: string[] = [];
  const trashed = new Set<string>();
  const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
  return {
    clone: async (parent, child) => {
      await rbd("clone", parent, child);
      made.push(child);
    },
    snap: async (image, snap, protect) => {
      await rbd("snap", "create", `${image}@${snap}`);
      if (protect) await rbd("snap", "protect", `${image}@${snap}`);
    },
    trash: async (image) => {
      await rbd("trash", "mv", image);
      trashed.add(image);
    },
    exists: async (image) => {
      const { pool, name } = split(image);
      return ((await json("ls", pool)) as string[]).includes(name);
    },
    parent: async (image) => {
      const p = (await json("info", image)).parent as { pool: string; image: string; snapshot: string } | undefined;
      return p ? `${p.pool}/${p.image}@${p.snapshot}` : null;
    },
    fsid: async () => {
      const m = /^\s*fsid\s*=\s*(\S+)/m.exec(readFileSync(conf, "utf8"));
      if (!m) throw new Error(`${conf} names no fsid`);
      return m[1];
    },
    children: async (snap) =>
      ((await json("children", snap)) as { pool: string; image: string }[]).map((c) => `${c.pool}/${c.image}`).sort(),
    snaps: async (image) =>
      ((await json("snap", "ls", image)) as { name: string; protected: string }[]).map((s) => ({
        name: s.name,
        protected: s.protected === "true",
      })),
    cleanup: async () => {
      for (const image of trashed) {
        const { pool, name } = split(image);
        const inTrash = ((await json("trash", "ls", pool)) as { id: string; name: string }[]).filter((t) => t.name === name);
        for (const t of inTrash) await quiet(rbd("trash", "rm", `${pool}/${t.id}`));
      }
      for (const image of [...made].reverse()) {
        if (!((await json("ls", split(image).pool)) as string[]).includes(split(image).name)) continue;
        for (const s of (await json("snap", "ls", image)) as { name: string; protected: string }[])
          if (s.protected === "true") await quiet(rbd("snap", "unprotect", `${image}@${s.name}`));
        await quiet(rbd("snap", "purge", image));
        await quiet(rbd("rm", image));
      }
    },
  };
}

function simRbd(): RbdFixture {
  const base = `${target.simUrl}/ceph`;
  let token: Promise<string> | null = null;
  const call = async (method: string, path: string, json?: unknown) => {
    token ??= fetch(`${base}/api/auth`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/vnd.ceph.api.v1.0+json" },
      body: JSON.stringify({ username: "admin", password: target.users.admin.password }),
    }).then(async (r) => (await r.json()).token);
    return fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await token}`,
        Accept: "application/vnd.ceph.api.v1.0+json",
        ...(json ? { "Content-Type": "application/json" } : {}),
      },
      body: json ? JSON.stringify(json) : undefined,
    });
  };
  const must = async (what: string, res: Promise<Response>) => {
    const r = await res;
    if (!r.ok) throw new Error(`sim dashboard ${what}: ${r.status} ${await r.text()}`);
  };
  const enc = encodeURIComponent;
  const made: string[] = [];
  const trashed = new Set<string>();
  return {
    clone: async (parent, child) => {
      const [img, snap] = parent.split("@");
      const { pool, name } = split(child);
      await must(
        `clone ${parent}`,
        call("POST", `/api/block/image/${enc(img)}/snap/${enc(snap)}/clone`, { child_pool_name: pool, child_image_name: name }),
      );
      made.push(child);
    },
    snap: async (image, snap, protect) => {
      await must(
        `snap ${image}@${snap}`,
        call("POST", `/api/block/image/${enc(image)}/snap`, { snapshot_name: snap, mirrorImageSnapshot: false }),
      );
      if (protect)
        await must(`protect ${image}@${snap}`, call("PUT", `/api/block/image/${enc(image)}/snap/${enc(snap)}`, { is_protected: true }));
    },
    trash: async (image) => {
      await must(`trash ${image}`, call("POST", `/api/block/image/${enc(image)}/move_trash`, { delay: 0 }));
      trashed.add(image);
    },
    exists: async (image) => (await call("GET", `/api/block/image/${enc(image)}?omit_usage=true`)).status === 200,
    parent: async (image) => {
      const p = (await (await call("GET", `/api/block/image/${enc(image)}?omit_usage=true`)).json()).parent;
      return p ? `${p.pool_name}/${p.image_name}@${p.snap_name}` : null;
    },
    fsid: async () => (await (await call("GET", "/api/monitor")).json()).mon_status.monmap.fsid as string,
    children: async (snapSpec) => {
      const [image, snap] = snapSpec.split("@");
      const body = await (await call("GET", `/api/block/image/${enc(image)}?omit_usage=true`)).json();
      const s = (body.snapshots as { name: string; children?: { pool_name: string; image_name: string }[] }[]).find((x) => x.name === snap);
      return (s?.children ?? []).map((c) => `${c.pool_name}/${c.image_name}`).sort();
    },
    snaps: async (image) =>
      (
        (await (await call("GET", `/api/block/image/${enc(image)}?omit_usage=true`)).json()).snapshots as {
          name: string;
          is_protected: boolean;
        }[]
      ).map((s) => ({ name: s.name, protected: s.is_protected })),
    cleanup: async () => {
      const pools: { pool_name: string; value: { id: string; name: string }[] }[] = await (
        await call("GET", "/api/block/image/trash")
      ).json();
      for (const image of trashed) {
        const { pool, name } = split(image);
        for (const t of pools.find((p) => p.pool_name === pool)?.value.filter((x) => x.name === name) ?? [])
          await call("DELETE", `/api/block/image/trash/${enc(`${pool}/${t.id}`)}`);
      }
      // The dashboard's delete unprotects and removes the snapshots itself.
      for (const image of [...made].reverse()) await call("DELETE", `/api/block/image/${enc(image)}`);
    },
  };
}

export const rbdFixture = (): RbdFixture => (target.name === "real" ? realRbd() : simRbd());
