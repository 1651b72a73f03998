import { readFileSync } from "node:fs";
import { benchBff, benchSim, report } from "./harness";

/**
 * Clone versus copy, measured on the target (ZENITH_TARGET=real: the real tier's Cinder/Nova on Ceph RBD;
 * otherwise a private sim): seconds per GiB for a volume created from the raw and the qcow2 image, the
 * statuses seen on the way, and time to ACTIVE (or ERROR) for each boot path. Results, not assertions.
 */
const onReal = process.env.ZENITH_TARGET === "real";
const real = onReal ? JSON.parse(readFileSync(`${process.env.ZENITH_REAL_DIR ?? "/tmp/zenith-real"}/endpoints.json`, "utf8")) : null;
const sim = onReal ? null : await benchSim();
const bff = benchBff(real?.authUrl ?? `${sim!.url}/identity/v3`);
const login = await bff.call("POST", "/api/auth/login", { username: "demo", password: real?.users.demo.password ?? "zenith-demo" });
if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
const COMPUTE = { "OpenStack-API-Version": "compute 2.67" };
const GiB = 1024 ** 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function image(kind: "raw" | "qcow2") {
  const list = (await bff.call("GET", "/api/openstack/image/images?limit=200")).body.images as any[];
  const wanted = real
    ? list.find((i) => i.id === real.images[kind])
    : list.find((i) => i.disk_format === kind && !/foreign/.test(i.name) && i.status === "active");
  if (!wanted) throw new Error(`no ${kind} image on this target`);
  return wanted;
}

/** Polls until the resource leaves its transient states; records each status change with its time. */
async function watch(path: string, key: string, done: (s: string) => boolean, limitMs = 600_000) {
  const t0 = performance.now();
  const seen: string[] = [];
  let last = "";
  while (performance.now() - t0 < limitMs) {
    const r = await bff.call("GET", path);
    const status = r.status === 200 ? String(r.body[key].status) : `http ${r.status}`;
    if (status !== last) {
      seen.push(`${status}@${((performance.now() - t0) / 1000).toFixed(1)}s`);
      last = status;
    }
    if (done(status)) return { status, seconds: (performance.now() - t0) / 1000, seen };
    await sleep(200);
  }
  return { status: `timeout (${last})`, seconds: limitMs / 1000, seen };
}

const rows: Record<string, unknown>[] = [];
const flavor = ((await bff.call("GET", "/api/openstack/compute/flavors")).body.flavors as any[]).find((f) => f.name === "m1.tiny")?.id;
for (const kind of ["raw", "qcow2"] as const) {
  const img = await image(kind);
  const size = Math.max(1, Math.ceil((img.virtual_size ?? img.size) / GiB), img.min_disk ?? 0);
  const created = await bff.call("POST", "/api/openstack/volume/volumes", { volume: { size, imageRef: img.id, name: `bench-${kind}` } });
  const vol = created.body.volume;
  const w = await watch(`/api/openstack/volume/volumes/${vol.id}`, "volume", (s) => !["creating", "downloading"].includes(s));
  rows.push({
    what: `volume from ${kind}`,
    imageMiB: Math.round(img.size / 2 ** 20),
    status: w.status,
    seconds: +w.seconds.toFixed(2),
    secondsPerGiB: +(w.seconds / (img.size / GiB)).toFixed(2),
    seen: w.seen.join(" "),
  });
  await bff.call("DELETE", `/api/openstack/volume/volumes/${vol.id}`);

  for (const bootFromVolume of [false, true]) {
    const bdm = bootFromVolume
      ? [{ boot_index: 0, uuid: img.id, source_type: "image", destination_type: "volume", volume_size: size, delete_on_termination: true }]
      : [{ boot_index: 0, uuid: img.id, source_type: "image", destination_type: "local", delete_on_termination: true }];
    const server = {
      name: `bench-${kind}-${bootFromVolume ? "bfv" : "local"}`,
      flavorRef: flavor,
      networks: "none",
      block_device_mapping_v2: bdm,
      ...(bootFromVolume ? {} : { imageRef: img.id }),
    };
    const r = await bff.call("POST", "/api/openstack/compute/servers", { server }, COMPUTE);
    if (r.status !== 202) {
      rows.push({
        what: `boot ${kind} ${bootFromVolume ? "from new volume" : "local disk"}`,
        status: `create failed ${r.status}: ${r.body?.message}`,
      });
      continue;
    }
    const id = r.body.server.id;
    const s = await watch(`/api/openstack/compute/servers/${id}`, "server", (st) => ["ACTIVE", "ERROR"].includes(st));
    const fault =
      s.status === "ERROR"
        ? (await bff.call("GET", `/api/openstack/compute/servers/${id}`, undefined, COMPUTE)).body.server.fault?.message
        : undefined;
    rows.push({
      what: `boot ${kind} ${bootFromVolume ? "from new volume" : "local disk"}`,
      status: s.status,
      seconds: +s.seconds.toFixed(2),
      seen: s.seen.join(" "),
      fault: fault?.slice(0, 120),
    });
    await bff.call("DELETE", `/api/openstack/compute/servers/${id}`);
  }
}
console.log(`target: ${onReal ? "real (Debian Zed + Ceph 16)" : `sim at time scale ${sim!.state.clock.scale()}`}`);
report(`storage-paths-${onReal ? "real" : "sim"}`, rows);
await sim?.dispose();
