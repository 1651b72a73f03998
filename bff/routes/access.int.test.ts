import fc from "fast-check";
import { nanoid } from "nanoid";
import { login, type OsSession } from "../../sim/test/os-session";
import { target } from "../../tests/target";
import { createAgent } from "../test/test-app";
import { deleteQuietly, waitFor } from "../test/instance-helpers";
import { operationsOf, type Operation } from "../test/fuzz/request-arbitrary";
import { createSchemaArbitraries, type OpenApiDoc } from "../test/fuzz/schema-arbitrary";

/**
 * Access, enumerated from the OpenAPI document on both targets:
 * - a member gets 403 on every admin route (/api/admin/...), and never 403 `forbidden` elsewhere;
 * - an anonymous caller gets 401 on every route but the public ones: sign-in, and the two health probes a load
 *   balancer or orchestrator calls without credentials (/api/healthz says the process is up, /api/readyz whether
 *   the cloud's Keystone answers; neither carries any tenant data);
 * - two projects: the demo tenant never sees the admin project's servers, volumes, images or networks, through the
 *   features or through the OpenStack proxy.
 * Each request carries a body the route's schema accepts (from the document), so the answer is the gate's, not a 400.
 */
const PUBLIC = new Set(["GET /api/healthz", "GET /api/readyz", "POST /api/auth/login"]);
// /api/metrics is admin-only too (or a scraper's ZENITH_METRICS_TOKEN): the BFF's own traffic is operator data.
const isAdminRoute = (op: Operation) => op.path.startsWith("/api/admin/") || op.path === "/api/metrics";
const NOVA = { "OpenStack-API-Version": "compute 2.67", "X-OpenStack-Nova-API-Version": "2.67" };

/** A request the operation's schema accepts: path parameters and body sampled from the document (fixed seed). */
function validRequest(op: Operation, doc: OpenApiDoc): { url: string; json?: unknown } {
  const arbs = createSchemaArbitraries(doc);
  const one = <T>(a: fc.Arbitrary<T>) => fc.sample(a, { seed: 14, numRuns: 1 })[0];
  let url = op.path;
  for (const p of op.parameters.filter((x) => x.in === "path"))
    url = url.replace(`{${p.name}}`, encodeURIComponent(String(one(arbs.valid(p.schema)))));
  return { url, json: op.body ? one(arbs.valid(op.body)) : undefined };
}

describe(`access enumerated from the OpenAPI document (${target.name})`, () => {
  let doc: OpenApiDoc;
  let ops: Operation[];
  beforeAll(async () => {
    const a = createAgent();
    doc = (await a.get("/api/openapi.json")).body;
    // Sign-out last: it ends the member's session.
    ops = operationsOf(doc).sort((x, y) => Number(x.path === "/api/auth/logout") - Number(y.path === "/api/auth/logout"));
  });

  it("an anonymous caller gets 401 on every route but sign-in and the health probes", async () => {
    const anon = createAgent();
    const got: Record<string, number> = {};
    const wrong: string[] = [];
    for (const op of ops) {
      const route = `${op.method} ${op.path}`;
      const { url, json } = validRequest(op, doc);
      const res = await anon.request(op.method, url, { json });
      got[route] = res.status;
      if (PUBLIC.has(route)) {
        if (res.body?.code === "unauthenticated") wrong.push(`${route}: public, but ${res.status} unauthenticated`);
      } else if (res.status !== 401 || res.body?.code !== "unauthenticated")
        wrong.push(`${route}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    }
    // The proxy (not in the document) is not public either.
    const proxied = await anon.get("/api/openstack/compute/servers");
    if (proxied.status !== 401) wrong.push(`GET /api/openstack/compute/servers: ${proxied.status}`);
    const gated = ops.length - PUBLIC.size;
    console.log(
      `access (${target.name}): anonymous — ${Object.entries(got).filter(([r, s]) => s === 401 && !PUBLIC.has(r)).length}/${gated} gated routes answered 401 (+ the proxy); public: ${[...PUBLIC].map((r) => `${r} → ${got[r]}`).join(", ")}`,
    );
    expect(wrong).toEqual([]);
    expect(ops.filter((op) => PUBLIC.has(`${op.method} ${op.path}`))).toHaveLength(PUBLIC.size);
  });

  it("a member gets 403 on every admin route and no role refusal elsewhere", async () => {
    const member = createAgent();
    await member.login("demo");
    const wrong: string[] = [];
    let admin403 = 0;
    let elsewhere = 0;
    for (const op of ops) {
      const route = `${op.method} ${op.path}`;
      const { url, json } = validRequest(op, doc);
      const res = await member.request(op.method, url, { json });
      if (isAdminRoute(op)) {
        if (res.status === 403 && res.body?.code === "forbidden") admin403++;
        else wrong.push(`${route}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      } else {
        elsewhere++;
        // Sign-in with the sampled (wrong) credentials is Keystone's 401; any other 401, or the admin gate, is wrong.
        const gate = res.status === 403 && /admin role/.test(res.body?.message ?? "");
        if ((res.status === 401 && !PUBLIC.has(route)) || gate) wrong.push(`${route}: a member got ${res.status} ${res.body?.code}`);
      }
    }
    const adminRoutes = ops.filter(isAdminRoute).length;
    console.log(
      `access (${target.name}): member — ${admin403}/${adminRoutes} admin routes answered 403 forbidden; ${elsewhere} other routes reached past the gate`,
    );
    expect(wrong).toEqual([]);
    expect(admin403).toBe(adminRoutes);
    expect(adminRoutes).toBeGreaterThan(10);
  });
});

describe(`two projects: the demo tenant never sees the admin project's resources (${target.name})`, () => {
  const tag = `zt-e-${nanoid(5)}`;
  let admin: OsSession;
  const made = { server: "", volume: "", image: "", network: "" };
  /** Everything the admin project owns, by kind (ids), read straight from the services. */
  const theirs: Record<"servers" | "volumes" | "images" | "networks", Set<string>> = {
    servers: new Set(),
    volumes: new Set(),
    images: new Set(),
    networks: new Set(),
  };

  beforeAll(async () => {
    admin = await login("admin");
    const json = async (res: Response, want: number, what: string) => {
      if (res.status !== want) throw new Error(`${what}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    made.image = (
      await json(
        await admin.call("image", "/v2/images", {
          method: "POST",
          json: { name: `${tag}-image`, disk_format: "raw", container_format: "bare", visibility: "private" },
        }),
        201,
        "image",
      )
    ).id;
    made.network = (
      await json(
        await admin.call("network", "/v2.0/networks", { method: "POST", json: { network: { name: `${tag}-net`, shared: false } } }),
        201,
        "network",
      )
    ).network.id;
    made.volume = (
      await json(
        await admin.call("volumev3", "/volumes", { method: "POST", json: { volume: { name: `${tag}-vol`, size: 1 } } }),
        202,
        "volume",
      )
    ).volume.id;
    const flavors = (await (await admin.call("compute", "/flavors/detail", { headers: NOVA })).json()).flavors as {
      id: string;
      name: string;
    }[];
    const raw = target.real
      ? target.real.images.raw
      : (await (await admin.call("image", "/v2/images?name=centos-7-raw")).json()).images[0].id;
    made.server = (
      await json(
        await admin.call("compute", "/servers", {
          method: "POST",
          headers: NOVA,
          json: {
            server: {
              name: `${tag}-vm`,
              imageRef: raw,
              flavorRef: flavors.find((f) => f.name === (target.real ? "m1.tiny" : "m1.small"))!.id,
              networks: "none",
            },
          },
        }),
        202,
        "server",
      )
    ).server.id;
    await waitFor(admin, made.server, (st) => st === "ACTIVE");
    // The admin project's own resources (not all tenants'): what demo must never see.
    for (const s of (await (await admin.call("compute", "/servers/detail", { headers: NOVA })).json()).servers) theirs.servers.add(s.id);
    for (const v of (await (await admin.call("volumev3", "/volumes/detail")).json()).volumes) theirs.volumes.add(v.id);
    for (const i of (await (await admin.call("image", `/v2/images?owner=${admin.projectId}&visibility=private&limit=1000`)).json()).images)
      theirs.images.add(i.id);
    for (const n of (await (await admin.call("network", `/v2.0/networks?project_id=${admin.projectId}&shared=false`)).json()).networks) {
      if (!n["router:external"]) theirs.networks.add(n.id); // an external network is every project's way out, by design
    }
    for (const [kind, id] of [
      ["servers", made.server],
      ["volumes", made.volume],
      ["images", made.image],
      ["networks", made.network],
    ] as const)
      expect(theirs[kind].has(id)).toBe(true);
  }, 300_000);

  afterAll(async () => {
    if (made.server) await deleteQuietly(admin, made.server);
    if (made.volume) {
      for (let i = 0; i < 30; i++) {
        const res = await admin.call("volumev3", `/volumes/${made.volume}`, { method: "DELETE" });
        if (res.status === 202 || res.status === 404) break;
        await new Promise((r) => setTimeout(r, 1000)); // still creating
      }
    }
    if (made.image) await admin.call("image", `/v2/images/${made.image}`, { method: "DELETE" });
    if (made.network) await admin.call("network", `/v2.0/networks/${made.network}`, { method: "DELETE" });
  }, 300_000);

  /** Every item of a feature list, page by page. */
  async function listAll(a: ReturnType<typeof createAgent>, path: string): Promise<string[]> {
    const ids: string[] = [];
    let marker: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await a.get(`${path}?limit=200${marker ? `&marker=${marker}` : ""}`);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
      ids.push(...res.body.items.map((i: { id: string }) => i.id));
      marker = res.body.nextMarker;
      if (!marker) break;
    }
    return ids;
  }

  it("through the features: lists and details", async () => {
    const demo = createAgent();
    await demo.login("demo");
    const seen = {
      servers: await listAll(demo, "/api/instances"),
      volumes: await listAll(demo, "/api/volumes"),
      images: await listAll(demo, "/api/images"),
      networks: await listAll(demo, "/api/networks"),
    };
    const leaks = Object.entries(seen).flatMap(([kind, ids]) =>
      ids.filter((id) => theirs[kind as keyof typeof theirs].has(id)).map((id) => `${kind} ${id}`),
    );
    const detail = await demo.get(`/api/instances/${made.server}`);
    console.log(
      `isolation (${target.name}): the admin project owns ${Object.entries(theirs)
        .map(([k, s]) => `${s.size} ${k}`)
        .join(", ")}; demo's feature lists hold ${Object.entries(seen)
        .map(([k, ids]) => `${ids.length} ${k}`)
        .join(", ")}; ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
    expect(detail.status).toBe(404);
    const plan = await demo.post("/api/boot/plan", { source: { type: "volume", id: made.volume } });
    expect(plan.status).toBe(404);
  });

  it("through the OpenStack proxy: lists (also asking for all tenants or the other project) and each id", async () => {
    const demo = createAgent();
    await demo.login("demo");
    const p = admin.projectId;
    const lists: [keyof typeof theirs, string, string][] = [
      ["servers", "/api/openstack/compute/servers/detail", "servers"],
      ["servers", "/api/openstack/compute/servers/detail?all_tenants=1", "servers"],
      ["servers", `/api/openstack/compute/servers/detail?project_id=${p}&all_tenants=1`, "servers"],
      ["volumes", "/api/openstack/volume/volumes/detail", "volumes"],
      ["volumes", "/api/openstack/volume/volumes/detail?all_tenants=1", "volumes"],
      ["volumes", `/api/openstack/volume/volumes/detail?project_id=${p}&all_tenants=1`, "volumes"],
      ["images", "/api/openstack/image/images?limit=1000", "images"],
      ["images", `/api/openstack/image/images?owner=${p}&limit=1000`, "images"],
      ["images", "/api/openstack/image/images?visibility=private&limit=1000", "images"],
      ["networks", "/api/openstack/network/networks", "networks"],
      ["networks", `/api/openstack/network/networks?project_id=${p}`, "networks"],
      ["networks", `/api/openstack/network/networks?tenant_id=${p}`, "networks"],
    ];
    const leaks: string[] = [];
    const answers: string[] = [];
    for (const [kind, path, key] of lists) {
      const res = await demo.get(path);
      answers.push(`${res.status}`);
      // Refusing the question (403) is as good as answering it without the other project's items.
      if (res.status === 403) continue;
      expect(res.status, `${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
      for (const it of res.body[key] as { id: string }[]) if (theirs[kind].has(it.id)) leaks.push(`${path} → ${it.id}`);
    }
    const byId: [string, string][] = [
      ["server", `/api/openstack/compute/servers/${made.server}`],
      ["volume", `/api/openstack/volume/volumes/${made.volume}`],
      ["image", `/api/openstack/image/images/${made.image}`],
      ["network", `/api/openstack/network/networks/${made.network}`],
    ];
    for (const [kind, path] of byId) {
      const res = await demo.get(path);
      answers.push(`${res.status}`);
      if (res.status !== 404 && res.status !== 403) leaks.push(`${kind} ${path} → ${res.status}`);
    }
    console.log(
      `isolation (${target.name}): proxy — ${lists.length} list questions and ${byId.length} direct reads as demo (answers ${answers.join(" ")}), ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
  });
});
