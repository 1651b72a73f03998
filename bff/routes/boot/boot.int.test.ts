import { BootOptionsSchema, BootPlanSchema, BootProgressSchema } from "../../features/boot/schema";
import { createAgent, testDeps } from "../../test/test-app";
import { onReal, simControl, target } from "../../../tests/target";
import { bootNetwork, cephImage, cleanup, demoImages, fittingFlavor, waitDone, waitVolume } from "../../test/boot-helpers";

const booted: string[] = [];
const keptVolumes: string[] = [];
/** Cloud seconds per wall second: the sim runs at its time scale, the real tier at 1. */
let scale = 1;

beforeAll(async () => {
  if (!onReal) {
    await simControl("/reset", { scenario: "default" });
    scale = (await (await fetch(`${target.simUrl}/_sim/state`)).json()).timeScale;
  }
});
afterAll(async () => {
  await cleanup(booted, keptVolumes);
});

describe(`boot wizard BFF (${target.name})`, () => {
  it("needs a session, validates input and names the field", async () => {
    const anon = createAgent();
    expect((await anon.post("/api/boot/plan", { source: { type: "image", id: "x" } })).status).toBe(401);
    const a = createAgent();
    await a.login("admin");
    const bad = await a.post("/api/boot/plan", { source: { type: "iso", id: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^source\.type: /);
    const neg = await a.post("/api/boot/plan", { source: { type: "image", id: "x" }, volumeSize: -1 });
    expect(neg.body.message).toMatch(/^volumeSize: /);
    const noName = await a.post("/api/boot", { source: { type: "image", id: "x" }, flavorId: "1", networkIds: ["n"] });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/^name: /);
    const missing = await a.post("/api/boot/plan", { source: { type: "image", id: "00000000-0000-4000-8000-000000000000" } });
    expect(missing.status).toBe(404);
    expect(missing.body.service).toBe("image");
  });

  it("lists everything the wizard needs in one round trip", async () => {
    const a = createAgent();
    await a.login("demo");
    const res = await a.get("/api/boot/options");
    expect(res.status).toBe(200);
    expect(BootOptionsSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.images.length).toBeGreaterThan(0);
    expect(res.body.flavors.length).toBeGreaterThan(0);
    // Nova's wait as the cloud is configured: the real tier's nova.conf (endpoints.json), the sim's /_sim/nova-config.
    const cfg = onReal
      ? {
          retries: target.real!.nova.blockDeviceAllocateRetries as number,
          interval: target.real!.nova.blockDeviceAllocateRetriesInterval as number,
        }
      : await (await fetch(`${target.simUrl}/_sim/nova-config`))
          .json()
          .then((c) => ({ retries: c.block_device_allocate_retries, interval: c.block_device_allocate_retries_interval }));
    expect(res.body.novaWait).toMatchObject({
      attempts: cfg.retries + 1,
      intervalSeconds: cfg.interval,
      seconds: (cfg.retries + 1) * cfg.interval,
    });
  });

  it("as a member, a hidden location is `unknown` with the reason, never a silent guess", async () => {
    const a = createAgent();
    await a.login("demo");
    const img = await demoImages(a);
    const res = await a.post("/api/boot/plan", { source: { type: "image", id: img.raw }, createVolume: true });
    expect(res.status).toBe(200);
    const loc = res.body.checks.find((c: { id: string }) => c.id === "location_exposed");
    // What Glance shows this member decides it: real Glance shows direct_url to members (show_image_direct_url =
    // True); the sim applies the admin-only location policy. Each target states its own expectation.
    const { login } = await import("../../../sim/test/os-session");
    const seen = await (await (await login("demo")).call("image", `/v2/images/${img.raw}`)).json();
    expect("direct_url" in seen).toBe(onReal);
    if (onReal) expect(loc.status).toBe("pass");
    else {
      expect(loc).toMatchObject({ status: "unknown", code: "location_hidden_from_role" });
      expect(res.body.certain).toBe(false);
      expect(res.body.alternative.path).toBe("copy-volume");
    }
  });

  type Img = "raw" | "qcow2" | "foreign";
  const cases: { img: Img; toggle: boolean; path: string }[] = [
    { img: "raw", toggle: true, path: "rbd-clone-volume" },
    { img: "raw", toggle: false, path: "rbd-clone-local" },
    { img: "qcow2", toggle: true, path: "copy-volume" },
    { img: "qcow2", toggle: false, path: "download-convert-local" },
    { img: "foreign", toggle: true, path: "copy-volume" },
    { img: "foreign", toggle: false, path: "download-convert-local" },
  ];
  const run = (c: (typeof cases)[number]) =>
    `${c.img} image, create volume ${c.toggle}: plans ${c.path}, and the cloud does what the plan said`;
  // The real tier has a single Ceph cluster, so it has no image on a foreign cluster: those cases say so and skip.
  const onBoth = cases.filter((c) => c.img !== "foreign"),
    foreign = cases.filter((c) => c.img === "foreign");
  for (const c of foreign) it.skipIf(onReal)(`${run(c)} (real tier: a single Ceph cluster, no image on another one)`, () => bootCase(c));
  for (const c of onBoth) it(run(c), () => bootCase(c));
  async function bootCase({ img, toggle, path }: (typeof cases)[number]) {
    const a = createAgent();
    await a.login("admin");
    const ids = await demoImages(a);
    const imageId = ids[img]!;
    expect(imageId, `the ${target.name} target's ${img} image`).toBeTruthy();
    const choices = {
      source: { type: "image", id: imageId },
      createVolume: toggle,
      deleteOnTermination: img === "raw",
      flavorId: await fittingFlavor(a, imageId),
      networkIds: [await bootNetwork(a)],
      securityGroups: ["default"],
      count: 1,
    };
    const planRes = await a.post("/api/boot/plan", choices);
    expect(planRes.status).toBe(200);
    const plan = planRes.body;
    expect(BootPlanSchema.safeParse(plan).success).toBe(true);
    expect(plan).toMatchObject({ path, certain: true, toggleApplies: true });
    expect(plan.checks.find((c: { id: string }) => c.id === "raw_format").status).toBe(img === "qcow2" ? "fail" : "pass");
    if (img === "foreign")
      expect(plan.checks.find((c: { id: string }) => c.id === "same_fsid")).toMatchObject({ status: "fail", code: "other_cluster" });
    expect(["learned", "default"]).toContain(plan.throughput.source);
    const predictsTimeout = plan.risks.some(
      (r: { code: string; severity: string }) => r.code === "nova_volume_wait_exceeded" && r.severity === "error",
    );
    if (img === "foreign" && toggle) expect(predictsTimeout).toBe(true);
    if (img === "raw") expect(predictsTimeout).toBe(false);

    const boot = await a.post("/api/boot", { ...choices, name: `zt-boot-${img}-${toggle ? "vol" : "local"}` });
    expect(boot.status, JSON.stringify(boot.body)).toBe(202);
    booted.push(boot.body.serverId);
    const done = await waitDone(a, boot.body.serverId, onReal ? 120_000 : 60_000);
    expect(BootProgressSchema.safeParse(done).success).toBe(true);
    expect(done.outcome).toBe(predictsTimeout ? "error" : "active");
    expect(done.prediction).toMatchObject({ path, p50: plan.predictedSeconds.p50 });
    const observed = done.elapsedSeconds / scale;
    console.log(
      `[boot ${target.name}] ${img} createVolume=${toggle} path=${path} predicted p50=${plan.predictedSeconds.p50}s p90=${plan.predictedSeconds.p90}s storage p50=${plan.storageSeconds.p50}s wait=${plan.novaWait.seconds}s (${plan.throughput.source}) → ${done.outcome} after ${observed.toFixed(1)}s${scale !== 1 ? ` (cloud time; ${done.elapsedSeconds}s wall at scale ${scale})` : ""}`,
    );

    if (predictsTimeout) {
      expect(done.fault.message).toMatch(
        /^Build of instance \S+ aborted: Volume \S+ did not finish being created even after we waited \d+ seconds or \d+ attempts\. And its status is (creating|downloading)\.$/,
      );
      // The volume may go on to `downloading` after Nova gave up; that is not part of the boot.
      expect(done.phases.at(-1)).toMatchObject({ phase: "error", detail: done.fault.message });
    }
    // Phases in the state machine's order, times never running backwards, the outcome last.
    const ORDER = [
      "scheduling",
      "block_device_mapping",
      "volume_creating",
      "volume_downloading",
      "volume_available",
      "networking",
      "spawning",
      "active",
      "error",
    ];
    const ranks = done.phases.map((p: { phase: string }) => ORDER.indexOf(p.phase));
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    const times = done.phases.map((p: { at: string }) => Date.parse(p.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(done.phases.at(-1).phase).toBe(done.outcome);
    if (toggle) {
      expect(done.volume, "the root volume is found").not.toBeNull();
      if (!choices.deleteOnTermination) keptVolumes.push(done.volume.id);
      // After Nova gave up the volume goes on copying: wait for it, so its RBD image exists to be checked.
      if (predictsTimeout) await waitVolume(a, done.volume.id, "available");
      const rbd = await cephImage("volumes", `volume-${done.volume.id}`);
      expect(rbd, "the root volume's RBD image").not.toBeNull();
      if (path === "rbd-clone-volume") expect(rbd.parent).toMatchObject({ pool_name: "images", image_name: imageId, snap_name: "snap" });
      else expect(rbd.parent).toBeNull(); // a full copy
      if (path === "copy-volume" && !predictsTimeout)
        expect(done.phases.map((p: { phase: string }) => p.phase)).toContain("volume_creating");
    } else {
      const disk = await cephImage("vms", `${boot.body.serverId}_disk`);
      // Real nova-compute runs fake.FakeDriver, which writes no disk to the vms pool; the sim's libvirt model does.
      if (onReal) expect(disk).toBeNull();
      else if (path === "rbd-clone-local") expect(disk.parent).toMatchObject({ pool_name: "images", image_name: imageId });
      else expect(disk.parent).toBeNull();
    }
  }

  it("streams progress as server-sent events until the boot is done", async () => {
    const a = createAgent();
    await a.login("admin");
    const ids = await demoImages(a);
    const choices = {
      source: { type: "image", id: ids.raw },
      createVolume: true,
      deleteOnTermination: true,
      flavorId: await fittingFlavor(a, ids.raw),
      networkIds: [await bootNetwork(a)],
      count: 1,
    };
    const boot = await a.post("/api/boot", { ...choices, name: "zt-boot-sse" });
    expect(boot.status).toBe(202);
    booted.push(boot.body.serverId);
    const res = await a.get(`${boot.body.streamUrl}?intervalMs=250`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    const events = String(res.body)
      .split("\n\n")
      .filter((e) => e.startsWith("event:"));
    const progress = events
      .filter((e) => e.startsWith("event: progress"))
      .map((e) =>
        JSON.parse(
          e
            .split("\n")
            .find((l) => l.startsWith("data: "))!
            .slice(6),
        ),
      );
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: true, outcome: "active" });
    expect(events.at(-1)).toMatch(/^event: end/);
    expect(events.at(-1)).toMatch(/"reason":"done"/);
    const missing = await a.get("/api/boot/00000000-0000-4000-8000-000000000000/progress/stream");
    expect(missing.status).toBe(404);
    expect(missing.body.service).toBe("compute");
  });

  it("plans the other sources: a volume boots as is, a volume snapshot clones (its own volume and snapshot)", async () => {
    const a = createAgent();
    await a.login("demo");
    const { login } = await import("../../../sim/test/os-session");
    const s = await login("demo");
    const img = await demoImages(a);
    const raw = await (await s.call("image", `/v2/images/${img.raw}`)).json();
    const size = Math.max(1, raw.min_disk, Math.ceil(raw.size / 1024 ** 3));
    const made = await s.call("volumev3", "/volumes", {
      method: "POST",
      json: { volume: { name: "zt-a-boot-src", size, imageRef: img.raw } },
    });
    expect(made.status, await made.clone().text()).toBe(202);
    const vol = (await made.json()).volume;
    keptVolumes.push(vol.id);
    await waitVolume(a, vol.id, "available");
    const snapRes = await s.call("volumev3", "/snapshots", {
      method: "POST",
      json: { snapshot: { volume_id: vol.id, name: "zt-a-boot-snap" } },
    });
    expect(snapRes.status).toBe(202);
    const snap = (await snapRes.json()).snapshot;
    try {
      for (let i = 0; i < 240 && (await (await s.call("volumev3", `/snapshots/${snap.id}`)).json()).snapshot.status !== "available"; i++)
        await new Promise((r) => setTimeout(r, 250));
      const plan = (source: object, extra: object = {}) => a.post("/api/boot/plan", { source, ...extra });
      const fromVolume = await plan({ type: "volume", id: vol.id }, { createVolume: true, count: 2 });
      expect(fromVolume.body).toMatchObject({ path: "existing-volume", toggleApplies: false, checks: [], bytesToCopy: 0 });
      expect(fromVolume.body.blockers.map((b: { code: string }) => b.code)).toContain("count_volume_source");
      const fromSnap = await plan({ type: "volume-snapshot", id: snap.id });
      expect(fromSnap.body).toMatchObject({ path: "rbd-clone-volume", toggleApplies: false, minVolumeGiB: snap.size });
    } finally {
      await s.call("volumev3", `/snapshots/${snap.id}`, { method: "DELETE" });
      for (let i = 0; i < 240 && (await s.call("volumev3", `/snapshots/${snap.id}`)).status !== 404; i++)
        await new Promise((r) => setTimeout(r, 250));
    }
  });

  it.skipIf(onReal)(
    "plans an instance snapshot as a clone of its RBD image (real tier: FakeDriver uploads no instance snapshot)",
    async () => {
      const a = createAgent();
      await a.login("demo");
      const { body: o } = await a.get("/api/boot/options");
      expect(o.instanceSnapshots.length, "the sim's scenario seeds instance snapshots").toBeGreaterThan(0);
      const fromInstanceSnap = await a.post("/api/boot/plan", {
        source: { type: "instance-snapshot", id: o.instanceSnapshots[0].id },
        createVolume: true,
      });
      expect(fromInstanceSnap.status).toBe(200);
      expect(fromInstanceSnap.body.path).toBe("rbd-clone-volume");
    },
  );

  it("shares the session's facts: from opening the wizard to its first plan, at most 12 upstream calls", async () => {
    const deps = testDeps();
    const a = createAgent(deps);
    await a.login("admin");
    const img = await demoImages(a);
    const choices = {
      source: { type: "image", id: img.raw },
      createVolume: true,
      flavorId: await fittingFlavor(a, img.raw),
      networkIds: [],
    };
    // An earlier session warmed the app (Ceph login and fsid, Cinder's throughput history); this one is new.
    expect((await a.post("/api/boot/plan", choices)).status).toBe(200);
    await a.login("admin");
    const before = deps.calls.length;
    expect((await a.get("/api/boot/options")).status).toBe(200);
    const plan = await a.post("/api/boot/plan", choices);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    const calls = deps.calls.slice(before).filter((c) => c.service !== "identity");
    expect(calls.length, calls.map((c) => `${c.method} ${c.url}`).join("\n")).toBeLessThanOrEqual(12);
    // The plan read none of what the options had just read.
    const reads = (re: RegExp) => calls.filter((c) => re.test(new URL(c.url).pathname)).length;
    expect(reads(/\/limits$/)).toBe(1);
    expect(reads(/\/types\/default$/)).toBe(1);
    expect(reads(/\/os-quota-sets\/[^/]+$/)).toBe(1);
  });

  it("names the quota a boot would exceed, and refuses to launch it", async () => {
    const a = createAgent();
    await a.login("demo");
    const img = await demoImages(a);
    const choices = {
      source: { type: "image", id: img.raw },
      createVolume: true,
      count: 50,
      flavorId: await fittingFlavor(a, img.raw),
      networkIds: [await bootNetwork(a)],
    };
    const plan = await a.post("/api/boot/plan", choices);
    const quota = plan.body.blockers
      .filter((b: { code: string }) => b.code === "quota_exceeded")
      .map((b: { params: { quota: string } }) => b.params.quota);
    expect(quota).toContain("instances");
    const boot = await a.post("/api/boot", { ...choices, name: "zt-too-many" });
    expect(boot.status).toBe(409);
    expect(boot.body.code).toBe("boot_blocked");
    expect(boot.body.message).toMatch(/Quota \w+ \((Nova|Cinder)\) would be exceeded/);
  });

  it("learns the copy throughput from the cloud's own history once there are enough copies", async () => {
    const s = await (await import("../../../sim/test/os-session")).login("admin");
    const a = createAgent();
    await a.login("admin");
    const img = await demoImages(a);
    const { body: o } = await a.get("/api/boot/options");
    const q = o.images.find((i: { id: string }) => i.id === img.qcow2);
    const size = Math.max(1, q.minDisk, Math.ceil(Math.max(q.size ?? 0, q.virtualSize ?? 0) / 1024 ** 3));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await s.call("volumev3", "/volumes", {
        method: "POST",
        json: { volume: { size, imageRef: img.qcow2, name: `zt-learn-${i}` } },
      });
      expect(res.status, await res.clone().text()).toBe(202);
      ids.push((await res.json()).volume.id);
    }
    keptVolumes.push(...ids);
    for (let i = 0; i < 120; i++) {
      const st = await Promise.all(ids.map(async (id) => (await (await s.call("volumev3", `/volumes/${id}`)).json()).volume.status));
      if (st.every((x) => x === "available" || x === "error")) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const fresh = createAgent();
    await fresh.login("admin");
    const plan = await fresh.post("/api/boot/plan", { source: { type: "image", id: img.qcow2 }, createVolume: true });
    expect(plan.body.throughput).toMatchObject({ source: "learned", explanation: expect.stringMatching(/^Learned from \d+ volume/) });
    expect(plan.body.throughput.samples).toBeGreaterThanOrEqual(3);
    console.log(
      `[boot ${target.name}] learned throughput: ${plan.body.throughput.explanation}; qcow2 copy now predicted p50=${plan.body.storageSeconds.p50}s${scale !== 1 ? " (the sim's history runs at its time scale)" : ""}`,
    );
  });
});
