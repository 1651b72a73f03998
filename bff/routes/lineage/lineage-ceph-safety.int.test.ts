import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetBreakers } from "../../ceph/breaker";
import { createAgent, testDeps } from "../../test/test-app";
import { onReal, onSim, simControl, target } from "../../../tests/target";

type Node = {
  spec: string;
  kind: string;
  orphan: boolean;
  usedBytes: number | null;
  usageNote: string;
  provisionedBytes: number;
  blockedBy: string[];
  cinderDeleted: boolean;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function admin(deps = testDeps()) {
  const a = createAgent(deps);
  await a.login("admin");
  return a;
}

/** The Ceph Dashboard of the sim, logged in directly (sim only: to build what no OpenStack call makes). */
async function simCeph() {
  const base = `${target.simUrl}/ceph`;
  const auth = await fetch(`${base}/api/auth`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/vnd.ceph.api.v1.0+json" },
    body: JSON.stringify({ username: "admin", password: target.users.admin.password }),
  });
  const { token } = await auth.json();
  return (method: string, path: string, json?: unknown, version = "1.0") =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: `application/vnd.ceph.api.v${version}+json`,
        ...(json ? { "Content-Type": "application/json" } : {}),
      },
      body: json ? JSON.stringify(json) : undefined,
    });
}
const mgr = async () => (await fetch(`${target.simUrl}/_sim/ceph-mgr`)).json();

beforeEach(() => resetBreakers());
afterEach(() => resetBreakers());

describe.runIf(onSim)(
  "issue 20 item 1: a 0-byte RBD image with a protected snapshot (real tier: while one exists, any dashboard image list by anyone sharing the cluster aborts its ceph-mgr)",
  () => {
    afterAll(async () => {
      await simControl("/reset", { scenario: "default" });
    });

    async function zeroByteSnapshotImage(a: Awaited<ReturnType<typeof admin>>) {
      // What Glance stores for `server image create` of a boot-from-volume server: images/<id>, 0 bytes, @snap protected.
      const g = await a.post("/api/openstack/image/images", {
        name: "zenith-bfv-snapshot",
        disk_format: "qcow2",
        container_format: "bare",
      });
      expect(g.status).toBe(201);
      const ceph = await simCeph();
      expect((await ceph("POST", "/api/block/image", { pool_name: "images", name: g.body.id, size: 0 })).status).toBe(201);
      expect(
        (
          await ceph("POST", `/api/block/image/${encodeURIComponent(`images/${g.body.id}`)}/snap`, {
            snapshot_name: "snap",
            mirrorImageSnapshot: false,
          })
        ).status,
      ).toBe(201);
      expect(
        (await ceph("PUT", `/api/block/image/${encodeURIComponent(`images/${g.body.id}`)}/snap/snap`, { is_protected: true })).status,
      ).toBe(200);
      return { id: g.body.id as string, ceph };
    }

    it("Lineage opens without a usage computation on it: the manager stays up and its usage is unknown", async () => {
      const a = await admin();
      const { id } = await zeroByteSnapshotImage(a);
      const res = await a.get("/api/admin/lineage/forest?refresh=true");
      expect(res.status).toBe(200);
      const node: Node = res.body.nodes.find((n: Node) => n.spec === `images/${id}`);
      expect(node).toMatchObject({ provisionedBytes: 0, usedBytes: null, usageNote: "diff_unsafe" });
      expect(await mgr()).toMatchObject({ up: true, aborts: [] });
    });

    it("negative control: the dashboard's image list aborts the manager; Lineage then says 'not answering' once and stops calling", async () => {
      const { ceph } = await zeroByteSnapshotImage(await admin());
      await ceph("GET", "/api/block/image?limit=-1", undefined, "2.0").catch(() => null);
      expect((await mgr()).up).toBe(false);

      const a = await admin();
      const first = await a.get("/api/admin/lineage/forest?refresh=true");
      expect(first.status).toBe(502); // not answering: a gateway failure; then paused: 503
      expect(first.body.code).toBe("ceph_unavailable");
      expect(first.body.details).toMatchObject({ reason: "not_answering", url: `${target.simUrl}/ceph` });
      expect(first.body.message).not.toMatch(/Register/);
      const knocked = (await mgr()).refusedWhileDown;
      expect(knocked).toBe(1); // one call, never retried
      const second = await a.get("/api/admin/lineage/forest?refresh=true");
      expect(second.status).toBe(503);
      expect(second.body.details.reason).toBe("paused");
      expect((await mgr()).refusedWhileDown).toBe(knocked);
      await simControl("/ceph-mgr/restart");
    });
  },
);

describe("issue 20 item 1 (both targets): which dashboard calls Lineage makes", () => {
  it("the image list only as a count (limit=0: no image stat'ed, no usage); usage only for images that are neither clones nor 0-byte", async () => {
    const deps = testDeps();
    const a = await admin(deps);
    deps.calls.length = 0;
    const res = await a.get("/api/admin/lineage/forest?refresh=true");
    expect(res.status).toBe(200);
    const ceph = deps.calls.filter((c) => c.service === "ceph").map((c) => new URL(c.url));
    const lists = ceph.filter((u) => /\/api\/block\/image\/?$/.test(u.pathname));
    expect(lists.map((u) => u.search)).toEqual(["?limit=0"]);
    expect(res.body.coverage.listed).toBeGreaterThanOrEqual(1);
    const usageReads = ceph.filter((u) => u.pathname.includes("/api/block/image/") && u.searchParams.get("omit_usage") !== "true");
    const nodes = new Map<string, Node & { parent: string | null }>(
      res.body.nodes.map((n: Node & { parent: string | null }) => [n.spec, n]),
    );
    for (const u of usageReads) {
      const n = nodes.get(decodeURIComponent(u.pathname.split("/api/block/image/")[1]))!;
      expect(n.parent).toBeNull();
      expect(n.provisionedBytes).toBeGreaterThan(0);
    }
    expect(res.body.coverage).toMatchObject({ basis: "named_and_linked", truncated: false });
  });
});

describe("issue 20 items 3, 6, 7 (both targets): Cinder's hidden parent, clone usage, fresh images", () => {
  const made: { vols: string[]; images: string[] } = { vols: [], images: [] };
  afterAll(async () => {
    const a = await admin();
    for (const id of made.vols.reverse()) await a.request("DELETE", `/api/openstack/volume/volumes/${id}`);
    for (const id of made.images) await a.request("DELETE", `/api/openstack/image/images/${id}`);
    if (onSim) await simControl("/reset", { scenario: "default" });
  });

  async function rawImage(a: Awaited<ReturnType<typeof admin>>): Promise<string> {
    if (onReal) return target.real!.images.raw;
    const list = await a.get("/api/openstack/image/images?name=centos-7-raw");
    return list.body.images[0].id;
  }
  async function volume(a: Awaited<ReturnType<typeof admin>>, body: Record<string, unknown>): Promise<string> {
    const created = await a.post("/api/openstack/volume/volumes", { volume: { size: 1, ...body } });
    expect([200, 202]).toContain(created.status);
    const id: string = created.body.volume.id;
    made.vols.push(id);
    for (let i = 0; i < 60; i++) {
      const v = await a.get(`/api/openstack/volume/volumes/${id}`);
      if (v.body.volume.status === "available") return id;
      if (v.body.volume.status === "error") throw new Error(`volume ${id} went to error`);
      await sleep(500);
    }
    throw new Error(`volume ${id} not available`);
  }

  it("a fresh clone is in the tree at once, with its usage unknown (never its provisioned size)", async () => {
    const a = await admin();
    const raw = await rawImage(a);
    await a.get("/api/admin/lineage/forest?refresh=true"); // a list-based reader would now hold a stale name list
    const id = await volume(a, { name: "zenith-it-fresh-clone", imageRef: raw, size: onReal ? 1 : 10 });
    const res = await a.get("/api/admin/lineage/forest?refresh=true");
    const node: Node = res.body.nodes.find((n: Node) => n.spec === `volumes/volume-${id}`);
    expect(node).toBeTruthy();
    expect(res.body.nodes.find((n: Node) => n.spec === `images/${raw}`).blockedBy).toContain(`volumes/volume-${id}`);
    expect(node).toMatchObject({ usedBytes: null, usageNote: "clone_includes_parent" });
  });

  it("volume A from the raw image, B from A, A deleted: volume-A.deleted is Cinder's hidden parent, not an orphan; it goes with B", async () => {
    const a = await admin();
    const A = await volume(a, { name: "zenith-it-A", imageRef: await rawImage(a), size: onReal ? 1 : 10 });
    const B = await volume(a, { name: "zenith-it-B", source_volid: A, size: onReal ? 1 : 10 });
    expect((await a.request("DELETE", `/api/openstack/volume/volumes/${A}`)).status).toBe(202);
    // Deadlines, not counts: on a loaded machine Cinder's RBD deletes (B, then the hidden parent) take tens of seconds.
    let hidden: Node | undefined;
    for (let end = Date.now() + 120_000; !hidden && Date.now() < end; ) {
      const l = (await a.get("/api/admin/lineage/forest?refresh=true")).body;
      hidden = l.nodes.find((n: Node) => n.spec === `volumes/volume-${A}.deleted`);
      if (!hidden) await sleep(500);
    }
    expect(hidden).toMatchObject({ kind: "volume", cinderDeleted: true, orphan: false, blockedBy: [`volumes/volume-${B}`] });
    const plan = await a.post("/api/admin/lineage/cleanup", { orphans: [`volumes/volume-${A}.deleted`], dryRun: true });
    expect(plan.status).toBe(400);
    expect(plan.body.message).toMatch(/hidden parent/);

    expect((await a.request("DELETE", `/api/openstack/volume/volumes/${B}`)).status).toBe(202);
    let gone = false;
    for (let end = Date.now() + 180_000; !gone && Date.now() < end; ) {
      const l = (await a.get("/api/admin/lineage/forest?refresh=true")).body;
      gone = !l.nodes.some((n: Node) => n.spec.startsWith(`volumes/volume-${A}`) || n.spec === `volumes/volume-${B}`);
      if (!gone) await sleep(500);
    }
    expect(gone).toBe(true);
  }, 420_000);

  it("a Glance image created a moment ago without an RBD image yet is 'pending', not absent", async () => {
    const a = await admin();
    const g = await a.post("/api/openstack/image/images", { name: "zenith-it-pending", disk_format: "raw", container_format: "bare" });
    expect(g.status).toBe(201);
    made.images.push(g.body.id);
    const res = await a.get("/api/admin/lineage/forest?refresh=true");
    expect(res.body.pending).toContainEqual({
      spec: `images/${g.body.id}`,
      owner: { type: "glance", id: g.body.id, name: "zenith-it-pending" },
      reason: "fresh",
    });
    expect(res.body.orphans).not.toContain(`images/${g.body.id}`);
  });
});
