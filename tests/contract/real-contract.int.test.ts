/**
 * Contract checks against the real tier (scripts/real-cloud): facts that Zenith's features rely on, checked
 * on Debian's real Ceph 16 + OpenStack Zed instead of the embedded sim.
 *
 * Runs only with ZENITH_TARGET=real, after `bash scripts/real-cloud/real-cloud.sh up`; reads
 * ${ZENITH_REAL_DIR:-/tmp/zenith-real}/endpoints.json. Talks HTTP with plain fetch, and runs the `rbd` and
 * `openstack` CLIs (Debian's, on /usr/bin/python3) where the check is about what those tools show.
 * What was observed (transitions, timings, Glance's answer) goes to $ZENITH_REAL_DIR/contract-results.json.
 * No wall-clock assertions: timings are recorded, never asserted.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const onReal = process.env.ZENITH_TARGET === "real";
const DIR = process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ep: Record<string, any> = onReal ? JSON.parse(readFileSync(join(DIR, "endpoints.json"), "utf8")) : {};

/** Debian's tools first: a pyenv python3 may come first in PATH otherwise. */
const toolEnv = {
  ...process.env,
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  OS_CLIENT_CONFIG_FILE: join(DIR, "clouds.yaml"),
  OS_CLOUD: "zenith-real",
  PYTHONPATH: "",
};
for (const k of Object.keys(toolEnv))
  if (k.startsWith("OS_") && !["OS_CLIENT_CONFIG_FILE", "OS_CLOUD"].includes(k)) delete (toolEnv as Record<string, unknown>)[k];

const results: Record<string, unknown> = {};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Session {
  token: string;
  projectId: string;
  catalog: Record<string, string>;
}

async function login(who: "admin" | "demo"): Promise<Session> {
  const u = ep.users[who];
  const res = await fetch(`${ep.authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: u.username, domain: { name: u.userDomain }, password: u.password } } },
        scope: { project: { name: u.project, domain: { name: u.projectDomain ?? "Default" } } },
      },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  expect(res.status, `keystone login as ${who}`).toBe(201);
  const body = await res.json();
  const catalog: Record<string, string> = {};
  for (const svc of body.token.catalog) {
    const e = svc.endpoints.find((x: { interface: string; region_id: string }) => x.interface === "public" && x.region_id === ep.region);
    if (e) catalog[svc.type] = e.url.replace(/\/$/, "");
  }
  return { token: res.headers.get("x-subject-token")!, projectId: body.token.project.id, catalog };
}

async function api(s: Session, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method,
    headers: { "X-Auth-Token": s.token, Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, text, json: json as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function rbdJson(...args: string[]) {
  const { stdout } = await run("/usr/bin/rbd", ["--conf", ep.ceph.conf, ...args, "--format", "json"], { env: toolEnv, timeout: 60_000 });
  return JSON.parse(stdout);
}

async function openstack(...args: string[]) {
  const { stdout } = await run("/usr/bin/openstack", args, { env: toolEnv, timeout: 120_000 });
  return stdout;
}

interface VolumeRun {
  id: string;
  transitions: { t: number; status: string }[];
  final: string;
  seconds: number;
  polls: number;
}

/** POST a volume from an image and poll it every ~200 ms until available/error, recording each status seen. */
async function volumeFromImage(s: Session, name: string, imageId: string): Promise<VolumeRun> {
  const cinder = s.catalog.volumev3;
  const t0 = Date.now();
  const r = await api(s, "POST", `${cinder}/volumes`, { volume: { name, size: 1, imageRef: imageId } });
  expect(r.status, `POST /volumes: ${r.text}`).toBe(202);
  const id: string = r.json.volume.id;
  created.push(id);
  const transitions: VolumeRun["transitions"] = [];
  let last = "";
  let polls = 0;
  while (Date.now() - t0 < 300_000) {
    const v = await api(s, "GET", `${cinder}/volumes/${id}`);
    polls++;
    const st: string = v.json?.volume?.status;
    if (st !== last) {
      transitions.push({ t: (Date.now() - t0) / 1000, status: st });
      last = st;
    }
    if (st === "available" || st === "error") break;
    await sleep(200);
  }
  return { id, transitions, final: last, seconds: (Date.now() - t0) / 1000, polls };
}

const created: string[] = [];
let admin: Session;
let demo: Session;
let rawVolume: string | undefined;

describe.skipIf(!onReal)("real cloud contract (contract checks need real Ceph/OpenStack)", () => {
  afterAll(async () => {
    if (!onReal) return;
    // clean up every volume this file made, then check the seed image survived
    const s = demo ?? (await login("demo"));
    for (const id of created) await api(s, "DELETE", `${s.catalog.volumev3}/volumes/${id}`);
    const t0 = Date.now();
    for (const id of created) {
      while (Date.now() - t0 < 120_000) {
        const v = await api(s, "GET", `${s.catalog.volumev3}/volumes/${id}`);
        if (v.status === 404) break;
        await sleep(500);
      }
    }
    writeFileSync(join(DIR, "contract-results.json"), JSON.stringify(results, null, 2));
  }, 300_000);

  it("logs in as admin and demo, and the catalog has every service including ceph-dashboard", async () => {
    admin = await login("admin");
    demo = await login("demo");
    for (const type of ["identity", "compute", "image", "volumev3", "block-storage", "network", "placement", "ceph-dashboard"]) {
      expect(admin.catalog[type], `catalog type ${type}`).toBeTruthy();
    }
    expect(admin.catalog["ceph-dashboard"]).toBe(ep.ceph.dashboardUrl);
  }, 60_000);

  it("1. raw image -> volume is an RBD clone (never downloading); qcow2 -> volume is downloaded and has no parent", async () => {
    demo ??= await login("demo");
    const rawId: string = ep.images.raw;
    const qcowId: string = ep.images.qcow2;

    const raw = await volumeFromImage(demo, "contract-raw", rawId);
    expect(raw.final, JSON.stringify(raw)).toBe("available");
    expect(raw.transitions.map((x) => x.status)).not.toContain("downloading");
    rawVolume = raw.id;
    const rawInfo = await rbdJson("info", `volumes/volume-${raw.id}`);
    expect(rawInfo.parent, "rbd info of the raw volume shows its parent").toMatchObject({ pool: "images", image: rawId, snapshot: "snap" });
    const { stdout: plain } = await run("/usr/bin/rbd", ["--conf", ep.ceph.conf, "info", `volumes/volume-${raw.id}`], { env: toolEnv });
    expect(plain).toContain(`parent: images/${rawId}@snap`);

    const q = await volumeFromImage(demo, "contract-qcow2", qcowId);
    expect(q.final, JSON.stringify(q)).toBe("available");
    expect(
      q.transitions.map((x) => x.status),
      "qcow2 volume is seen downloading (convert + import)",
    ).toContain("downloading");
    const qInfo = await rbdJson("info", `volumes/volume-${q.id}`);
    expect(qInfo.parent).toBeUndefined();

    // sizes, for per-GiB figures (recorded, not asserted)
    const img = async (id: string) => (await api(admin ?? demo, "GET", `${demo.catalog.image}/v2/images/${id}`)).json;
    const [ri, qi] = [await img(rawId), await img(qcowId)];
    const gib = 1024 ** 3;
    const qVirtual = qi.virtual_size ?? (await rbdJson("info", `volumes/volume-${q.id}`)).size;
    results.volumeFromImage = {
      raw: { ...raw, imageBytes: ri.size, secondsPerGiB: raw.seconds / (ri.size / gib) },
      qcow2: { ...q, imageBytes: qi.size, virtualBytes: qVirtual, secondsPerGiB: q.seconds / (qVirtual / gib) },
    };
    console.log("volume from image:", JSON.stringify(results.volumeFromImage));
  }, 600_000);

  it("2. deleting the raw image while a clone exists: Glance answers 409 'in use' and keeps the image", async () => {
    expect(rawVolume, "needs the clone from check 1").toBeTruthy();
    admin ??= await login("admin");
    const rawId: string = ep.images.raw;
    const children = await rbdJson("children", `images/${rawId}@snap`);
    expect(children).toContainEqual(expect.objectContaining({ pool: "volumes", image: `volume-${rawVolume}` }));

    const del = await api(admin, "DELETE", `${admin.catalog.image}/v2/images/${rawId}`);
    results.glanceDeleteWithClones = { status: del.status, body: del.text };
    console.log("Glance DELETE with clones:", del.status, del.text.replace(/\s+/g, " ").slice(0, 400));
    expect(del.status).toBe(409);
    expect(del.text).toMatch(/in use/i);
    const still = await api(admin, "GET", `${admin.catalog.image}/v2/images/${rawId}`);
    expect(still.json.status).toBe("active");
    const snaps = await rbdJson("snap", "ls", `images/${rawId}`);
    expect(snaps.map((x: { name: string }) => x.name)).toContain("snap");
  }, 120_000);

  it("4. Ceph Dashboard API shows the same parent/children as rbd info / rbd children", async () => {
    expect(rawVolume, "needs the clone from check 1").toBeTruthy();
    const rawId: string = ep.images.raw;
    const base: string = ep.ceph.dashboardUrl;
    const auth = await fetch(`${base}/api/auth`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/vnd.ceph.api.v1.0+json" },
      body: JSON.stringify({ username: ep.ceph.username, password: ep.ceph.password }),
      signal: AbortSignal.timeout(30_000),
    });
    expect(auth.status).toBe(201);
    const token = (await auth.json()).token as string;
    // Per-image reads with omit_usage, as Lineage makes them: the list (GET /api/block/image) computes every image's
    // usage with fast-diff diff_iterate, which aborts ceph-mgr on a 0-byte image with a snapshot (a volume-backed
    // instance snapshot), so no test on the shared tier may call it.
    const read = async (spec: string) => {
      const res = await fetch(`${base}/api/block/image/${encodeURIComponent(spec)}?omit_usage=true`, {
        headers: { Accept: "application/vnd.ceph.api.v1.0+json", Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(60_000),
      });
      expect(res.status, spec).toBe(200);
      return res.json();
    };
    const parentImg = await read(`images/${rawId}`);
    const snap = parentImg.snapshots.find((s: { name: string }) => s.name === "snap");
    expect(snap.is_protected).toBe(true);
    const dashChildren = snap.children.map((c: { pool_name: string; image_name: string }) => `${c.pool_name}/${c.image_name}`).sort();
    const rbdChildren = (await rbdJson("children", `images/${rawId}@snap`))
      .map((c: { pool: string; image: string }) => `${c.pool}/${c.image}`)
      .sort();
    expect(dashChildren).toEqual(rbdChildren);
    expect(dashChildren).toContain(`volumes/volume-${rawVolume}`);
    const child = await read(`volumes/volume-${rawVolume}`);
    expect(child.parent).toMatchObject({ pool_name: "images", image_name: rawId, snap_name: "snap" });
    const info = await rbdJson("info", `volumes/volume-${rawVolume}`);
    expect({ pool: child.parent.pool_name, image: child.parent.image_name, snapshot: child.parent.snap_name }).toEqual({
      pool: info.parent.pool,
      image: info.parent.image,
      snapshot: info.parent.snapshot,
    });
    results.dashboard = { children: dashChildren, childParent: child.parent };
  }, 120_000);

  it("3. DHCP agents: add network --dhcp shows the agent hosting zenith-net, remove network --dhcp takes it off", async () => {
    admin ??= await login("admin");
    const net: string = ep.networks["zenith-net"].id;
    const neutron = admin.catalog.network;
    const agents = (await api(admin, "GET", `${neutron}/v2.0/agents?agent_type=DHCP%20agent`)).json.agents as {
      id: string;
      host: string;
      alive: boolean;
    }[];
    expect(agents.filter((a) => a.alive).length).toBeGreaterThanOrEqual(4);
    const hosting = new Set(
      ((await api(admin, "GET", `${neutron}/v2.0/networks/${net}/dhcp-agents`)).json.agents as { id: string }[]).map((a) => a.id),
    );
    const agent = agents.find((a) => a.alive && !hosting.has(a.id));
    expect(agent, "an alive DHCP agent not yet hosting zenith-net").toBeTruthy();
    const listed = async () =>
      (JSON.parse(await openstack("network", "agent", "list", "--network", "zenith-net", "-f", "json")) as { ID: string }[]).map(
        (a) => a.ID,
      );
    try {
      await openstack("network", "agent", "add", "network", "--dhcp", agent!.id, "zenith-net");
      expect(await listed()).toContain(agent!.id);
      await openstack("network", "agent", "remove", "network", "--dhcp", agent!.id, "zenith-net");
      expect(await listed()).not.toContain(agent!.id);
    } finally {
      const now = (await api(admin, "GET", `${neutron}/v2.0/networks/${net}/dhcp-agents`)).json.agents as { id: string }[];
      if (now.some((a) => a.id === agent!.id) && !hosting.has(agent!.id)) {
        await api(admin, "DELETE", `${neutron}/v2.0/agents/${agent!.id}/dhcp-networks/${net}`);
      }
    }
    results.dhcp = { agent: agent!.host, hostingBefore: [...hosting] };
  }, 300_000);

  it("5. boot from volume: qcow2 outlasts Nova's short wait and fails with its real fault; raw (a clone) goes ACTIVE", async () => {
    demo ??= await login("demo");
    const nova = demo.catalog.compute;
    const { blockDeviceAllocateRetries: retries, blockDeviceAllocateRetriesInterval: interval } = ep.nova;
    const servers: string[] = [];
    let qcowFault: string | undefined;
    const boot = async (name: string, imageId: string) => {
      const r = await api(
        demo,
        "POST",
        `${nova}/servers`,
        {
          server: {
            name,
            flavorRef: ep.flavors["m1.tiny"],
            networks: [{ uuid: ep.networks["zenith-net"].id }],
            block_device_mapping_v2: [
              {
                boot_index: 0,
                uuid: imageId,
                source_type: "image",
                destination_type: "volume",
                volume_size: 1,
                delete_on_termination: true,
              },
            ],
          },
        },
        { "OpenStack-API-Version": "compute 2.67" },
      );
      expect(r.status, `POST /servers: ${r.text}`).toBe(202);
      servers.push(r.json.server.id);
      const t0 = Date.now();
      let sv: any; // eslint-disable-line @typescript-eslint/no-explicit-any
      while (Date.now() - t0 < 240_000) {
        sv = (await api(demo, "GET", `${nova}/servers/${r.json.server.id}`, undefined, { "OpenStack-API-Version": "compute 2.67" })).json
          .server;
        if (sv.status === "ACTIVE" || sv.status === "ERROR") break;
        await sleep(500);
      }
      return {
        status: sv.status as string,
        fault: sv.fault?.message as string | undefined,
        seconds: (Date.now() - t0) / 1000,
        id: sv.id as string,
      };
    };
    try {
      const q = await boot("contract-bfv-qcow2", ep.images.qcow2);
      qcowFault = q.fault;
      const raw = await boot("contract-bfv-raw", ep.images.raw);
      results.bootFromVolume = { retries, interval, qcow2: q, raw };
      console.log("boot from volume:", JSON.stringify(results.bootFromVolume));
      expect(raw.status, raw.fault).toBe("ACTIVE");
      // Precondition, stated: the real tier's short wait (NOVA_BDA_RETRIES=4, NOVA_BDA_INTERVAL=1) against the
      // 768 MiB qcow2, whose download+convert+import takes ~9 s even on a quiet machine.
      expect((retries + 1) * interval, "the real tier is set up with Nova's short volume wait").toBeLessThanOrEqual(5);
      expect(q.status).toBe("ERROR");
      expect(q.fault).toMatch(
        /Volume [0-9a-f-]+ did not finish being created even after we waited \d+ seconds or \d+ attempts\. And its status is (creating|downloading)\./,
      );
    } finally {
      // delete_on_termination covers the raw server's volume; the volume of the failed qcow2 build is left
      // behind by Nova (it is named in the fault). Both go on the list that afterAll deletes.
      const vols = (await api(demo, "GET", `${demo.catalog.volumev3}/volumes/detail`)).json.volumes as {
        id: string;
        attachments: { server_id: string }[];
        volume_image_metadata?: { image_id: string };
        created_at: string;
      }[];
      for (const s of servers) await api(demo, "DELETE", `${nova}/servers/${s}`);
      const t0 = Date.now();
      for (const s of servers) {
        while (Date.now() - t0 < 120_000 && (await api(demo, "GET", `${nova}/servers/${s}`)).status !== 404) await sleep(500);
      }
      const mine = vols.filter((v) => v.attachments.some((a) => servers.includes(a.server_id)));
      for (const v of mine) if (!created.includes(v.id)) created.push(v.id);
      const failedVol = qcowFault?.match(/Volume ([0-9a-f-]{36})/)?.[1];
      if (failedVol && !created.includes(failedVol)) created.push(failedVol);
    }
  }, 600_000);
});
