import { target } from "../../tests/target";
import { createAgent, testDeps } from "../test/test-app";

/**
 * Upstream calls per view, counted by the BFF's own counter (deps.onUpstreamCall), with a warm token: a
 * regression that adds calls fails here. The bounds are today's counts with a little room (bench/README.md).
 */
describe(`upstream calls per view (${target.name})`, () => {
  async function count(who: "admin" | "demo", path: string, agent?: ReturnType<typeof createAgent>) {
    const a = agent ?? createAgent(testDeps());
    const deps = a.deps as ReturnType<typeof testDeps>;
    if (!agent) {
      await a.login(who);
      await a.get("/api/auth/session"); // the token is validated and cached
    }
    const before = deps.calls.length;
    const res = await a.get(path);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    const calls = deps.calls.slice(before);
    return { agent: a, body: res.body, calls, by: (service: string) => calls.filter((c) => c.service === service).length };
  }

  it("instances: one Nova list and one Glance read for the image names (2 today)", async () => {
    const { calls, by } = await count("demo", "/api/instances?limit=20");
    expect(by("compute")).toBe(1);
    expect(calls.length, calls.map((c) => c.url).join("\n")).toBeLessThanOrEqual(2);
  });

  it("images, volumes and networks: at most two OpenStack calls each; images adds one Ceph read per raw image", async () => {
    for (const path of ["/api/images?limit=20", "/api/volumes?limit=20", "/api/networks?limit=20"]) {
      const { body, calls, by } = await count("demo", path);
      const openstack = calls.filter((c) => c.service !== "ceph");
      expect(openstack.length, `${path}\n${openstack.map((c) => c.url).join("\n")}`).toBeLessThanOrEqual(2);
      // The clone-or-copy label: one read of images/<id> by id (omit_usage) per raw image on the page, plus a login.
      const raw = path.startsWith("/api/images")
        ? (body.items as { diskFormat?: string }[]).filter((i) => i.diskFormat === "raw").length
        : 0;
      expect(
        by("ceph"),
        `${path}\n${calls
          .filter((c) => c.service === "ceph")
          .map((c) => c.url)
          .join("\n")}`,
      ).toBeLessThanOrEqual(raw ? raw + 2 : 0);
    }
  });

  it("Lineage: the owner walks (6 today on the sim) plus at most two Ceph reads per RBD image it shows, and the image list only as its count (limit=0)", async () => {
    const { agent, body, calls, by } = await count("admin", "/api/admin/lineage");
    const nodes = body.totals.nodes as number;
    const openstack = calls.length - by("ceph");
    expect(
      openstack,
      calls
        .filter((c) => c.service !== "ceph")
        .map((c) => c.url)
        .join("\n"),
    ).toBeLessThanOrEqual(8);
    expect(by("ceph")).toBeLessThanOrEqual(2 * nodes + 3);
    // The list stats (and computes the usage of) every image of its page: only an empty page (limit=0) is read, for X-Total-Count.
    const lists = calls.filter((c) => c.service === "ceph" && /\/api\/block\/image\/?$/.test(new URL(c.url).pathname));
    expect(lists.map((c) => new URL(c.url).search)).toEqual(["?limit=0"]);
    // Trees, search and the next summary answer from the shared facts: no upstream call while they are fresh.
    const root = body.roots.items[0]?.root as string | undefined;
    for (const path of [
      ...(root ? [`/api/admin/lineage/tree?root=${encodeURIComponent(root)}`] : []),
      "/api/admin/lineage/search?q=images",
      "/api/admin/lineage?offset=0&limit=5",
    ]) {
      const again = await count("admin", path, agent);
      expect(
        again.calls.filter((c) => c.service !== "identity"),
        path,
      ).toHaveLength(0);
    }
  });
});
