import { planBoot, type PlanFacts } from "./plan-boot";
import { learnThroughput } from "./throughput";
import { GiB, MiB, type SourceFacts, type SourceType } from "./types";

const OWN = "0c8dec14-a280-479f-8f15-ecf48bd230a9";
const FOREIGN = "9d2b7d3e-0000-4000-8000-00000000f0f0";
const IMG = "11111111-2222-4333-8444-555555555555";

type Format = "raw" | "qcow2";
type Location = "exposed" | "hidden-admin" | "hidden-member";
type Fsid = "own" | "foreign" | "cluster-unknown";

function facts(
  o: { format: Format; location: Location; fsid: Fsid; toggle: boolean; type: SourceType },
  over: Partial<PlanFacts> = {},
): PlanFacts {
  const imgFsid = o.fsid === "foreign" ? FOREIGN : OWN;
  const url = `rbd://${imgFsid}/images/${IMG}/snap`;
  const image: SourceFacts = {
    kind: "image",
    id: IMG,
    name: "img",
    status: "active",
    diskFormat: o.format,
    size: 2 * GiB,
    virtualSize: 8 * GiB,
    minDisk: 0,
    minRam: 0,
    instanceSnapshot: o.type === "instance-snapshot",
    locations: o.location === "exposed" ? [url] : null,
    volumeBacked: null,
  };
  const source: SourceFacts =
    o.type === "volume"
      ? {
          kind: "volume",
          id: "vol-1",
          name: "v",
          status: "available",
          size: 10,
          bootable: true,
          volumeType: null,
          attachedTo: [],
          multiattach: false,
        }
      : o.type === "volume-snapshot"
        ? { kind: "volume-snapshot", id: "snap-1", name: "s", status: "available", size: 10, volumeId: "vol-1" }
        : image;
  return {
    choices: {
      source: { type: o.type, id: source.id },
      createVolume: o.toggle,
      deleteOnTermination: true,
      networkIds: [],
      securityGroups: [],
      count: 1,
    },
    source,
    flavor: { id: "f1", name: "m1.small", vcpus: 1, ram: 2048, disk: 20 },
    cluster:
      o.fsid === "cluster-unknown"
        ? { fsid: null, evidence: "Ceph Dashboard unreachable" }
        : { fsid: OWN, evidence: "Ceph Dashboard /api/monitor" },
    probe: { status: "pass", code: "snapshot_opens", evidence: "images/x@snap exists" },
    viewerIsAdmin: o.location !== "hidden-member",
    throughput: learnThroughput([]),
    wait: { retries: 60, intervalSeconds: 3, seconds: 183, attempts: 61 },
    quotas: { compute: null, volume: null },
    defaultVolumeType: "__DEFAULT__",
    ...over,
  };
}

/** An oracle written independently of the planner: Nova/Cinder's four conditions. */
function expected(o: { format: Format; location: Location; fsid: Fsid; toggle: boolean; type: SourceType }) {
  if (o.type === "volume") return { path: "existing-volume", certain: true };
  if (o.type === "volume-snapshot") return { path: "rbd-clone-volume", certain: true };
  const fails = o.format !== "raw" || o.location === "hidden-admin" || (o.location === "exposed" && o.fsid === "foreign");
  const unknown = o.location === "hidden-member" || (o.location === "exposed" && o.fsid === "cluster-unknown");
  const clone = !fails;
  const path = o.toggle ? (clone ? "rbd-clone-volume" : "copy-volume") : clone ? "rbd-clone-local" : "download-convert-local";
  return { path, certain: fails || !unknown };
}

const rows: { format: Format; location: Location; fsid: Fsid; toggle: boolean; type: SourceType }[] = [];
for (const format of ["raw", "qcow2"] as const)
  for (const location of ["exposed", "hidden-admin", "hidden-member"] as const)
    for (const fsid of ["own", "foreign", "cluster-unknown"] as const)
      for (const toggle of [true, false])
        for (const type of ["image", "instance-snapshot", "volume", "volume-snapshot"] as const)
          rows.push({ format, location, fsid, toggle, type });

describe("planBoot: every combination of format × location × fsid × toggle × source", () => {
  it.each(rows)("$type $format location=$location fsid=$fsid toggle=$toggle", (row) => {
    const plan = planBoot(facts(row));
    const want = expected(row);
    expect(plan.path).toBe(want.path);
    expect(plan.certain).toBe(want.certain);
    const image = row.type === "image" || row.type === "instance-snapshot";
    expect(plan.toggleApplies).toBe(image);
    // The review's "Create new volume" comes from here: the toggle for an image, always for a volume snapshot.
    expect(plan.createsVolume).toBe(row.type === "volume-snapshot" || (image && row.toggle));
    if (image) {
      expect(plan.checks.map((c) => c.id)).toEqual(["location_exposed", "same_fsid", "raw_format", "snapshot_readable"]);
      for (const c of plan.checks) expect(c.evidence.length).toBeGreaterThan(10);
      expect(plan.checks[2].status).toBe(row.format === "raw" ? "pass" : "fail");
      if (row.location === "hidden-member") expect(plan.checks[0]).toMatchObject({ status: "unknown", code: "location_hidden_from_role" });
    } else expect(plan.checks).toEqual([]);
    const copy = plan.path === "copy-volume" || plan.path === "download-convert-local";
    expect(plan.bytesToCopy).toBe(copy ? 2 * GiB : 0);
    expect(plan.spaceBytes.kind).toBe(copy ? "full" : plan.path === "existing-volume" ? "existing" : "thin");
    expect(plan.predictedSeconds.p90).toBeGreaterThanOrEqual(plan.predictedSeconds.p50);
    if (copy) expect(plan.stages.map((s) => s.stage)).toEqual(["download", "convert", "import", "boot"]);
    if (!want.certain) expect(plan.alternative?.path).toBe(row.toggle ? "copy-volume" : "download-convert-local");
    expect(plan.throughput.source).toBe("default");
  });
});

describe("planBoot: risks, sizes, blockers", () => {
  const raw = { format: "raw" as const, location: "exposed" as const, fsid: "own" as const, type: "image" as const };
  it("predicts Nova's volume wait is exceeded for a large copy, with the fix aimed at the failing check", () => {
    const big = facts({ ...raw, fsid: "foreign", toggle: true });
    (big.source as any).size = 40 * GiB;
    (big.source as any).virtualSize = 40 * GiB;
    const plan = planBoot(big);
    expect(plan.path).toBe("copy-volume");
    expect(plan.storageSeconds.p50).toBeGreaterThan(183);
    const risk = plan.risks.find((r) => r.code === "nova_volume_wait_exceeded")!;
    expect(risk.severity).toBe("error");
    expect(risk.fix).toMatch(/own Ceph cluster/);
    expect(risk.fix).toMatch(/pre-create the volume/);
  });
  it("uses the real tier's shortened wait (2 × 1 s → 3 s) against a 320 MiB qcow2", () => {
    const f = facts({ ...raw, format: "qcow2", toggle: true }, { wait: { retries: 2, intervalSeconds: 1, seconds: 3, attempts: 3 } });
    (f.source as any).size = 320 * MiB;
    (f.source as any).virtualSize = 320 * MiB;
    const plan = planBoot(f);
    expect(plan.storageSeconds.p50).toBeGreaterThan(3);
    expect(plan.risks.find((r) => r.code === "nova_volume_wait_exceeded")?.severity).toBe("error");
    expect(plan.risks.find((r) => r.code === "nova_volume_wait_exceeded")?.fix).toMatch(/qemu-img convert/);
  });
  it("a clone under the wait carries no wait risk but warns that the parent is pinned", () => {
    const plan = planBoot(facts({ ...raw, toggle: true }));
    expect(plan.risks.map((r) => r.code)).toEqual(["parent_pinned"]);
    expect(plan.storageSeconds.p50).toBeLessThan(3);
  });
  it("warns about a kept volume without delete-on-termination", () => {
    const f = facts({ ...raw, toggle: true });
    f.choices.deleteOnTermination = false;
    expect(planBoot(f).risks.map((r) => r.code)).toContain("volume_kept");
  });
  it("minVolumeGiB is the largest of virtual size, size, min_disk and flavor disk, rounded up", () => {
    const f = facts({ ...raw, toggle: true });
    (f.source as any).virtualSize = 8.2 * GiB;
    expect(planBoot(f).minVolumeGiB).toBe(20);
    f.flavor = { ...f.flavor!, disk: 0 };
    expect(planBoot(f).minVolumeGiB).toBe(9);
    (f.source as any).minDisk = 30;
    expect(planBoot(f).minVolumeGiB).toBe(30);
  });
  it("blocks a volume below the minimum, naming the field", () => {
    const f = facts({ ...raw, toggle: true });
    f.choices.volumeSize = 5;
    expect(planBoot(f).blockers).toEqual([
      expect.objectContaining({ code: "volume_size_below_minimum", field: "volumeSize", params: { min: 20, size: 5 } }),
    ]);
  });
  it("blocks count > 1 with a volume source", () => {
    const f = facts({ ...raw, toggle: false, type: "volume" });
    f.choices.count = 2;
    expect(planBoot(f).blockers.map((b) => b.code)).toEqual(["count_volume_source"]);
  });
  it("blocks flavors too small for min_ram and min_disk, and a zero-disk flavor for members booting locally", () => {
    const f = facts({ ...raw, toggle: false });
    (f.source as any).minRam = 4096;
    (f.source as any).minDisk = 40;
    expect(planBoot(f).blockers.map((b) => b.code)).toEqual(["flavor_ram_too_small", "flavor_disk_too_small"]);
    const m = facts({ ...raw, location: "hidden-member", toggle: false });
    m.flavor = { ...m.flavor!, disk: 0 };
    expect(planBoot(m).blockers.map((b) => b.code)).toEqual(["flavor_disk_zero"]);
    m.choices.createVolume = true;
    expect(planBoot(m).blockers).toEqual([]);
  });
  it("names the quota that would be exceeded, including the per-type volume quota", () => {
    const f = facts(
      { ...raw, toggle: true },
      {
        quotas: {
          compute: { instances: { limit: 10, inUse: 9 }, cores: { limit: 20, inUse: 0 }, ram: { limit: 51200, inUse: 0 } },
          volume: {
            volumes: { limit: 10, inUse: 0 },
            gigabytes: { limit: 1000, inUse: 0 },
            "gigabytes_ceph-ssd": { limit: 50, inUse: 40 },
            per_volume_gigabytes: { limit: -1, inUse: 0 },
          },
        },
      },
    );
    f.choices.volumeType = "ceph-ssd";
    f.choices.count = 2;
    const plan = planBoot(f);
    expect(plan.blockers.filter((b) => b.code === "quota_exceeded").map((b) => b.params.quota)).toEqual([
      "instances",
      "gigabytes_ceph-ssd",
    ]);
    expect(plan.blockers.find((b) => b.params.quota === "instances")?.message).toMatch(/Quota instances \(Nova\)/);
    expect(plan.quota.find((q) => q.quota === "gigabytes")).toMatchObject({ requested: 40, ok: true });
  });
  it("a volume-backed instance snapshot boots through a Cinder snapshot clone whatever the toggle", () => {
    const f = facts({ ...raw, type: "instance-snapshot", toggle: false });
    (f.source as any).volumeBacked = { snapshotId: "cs-1", volumeSize: 10 };
    const plan = planBoot(f);
    expect(plan).toMatchObject({ path: "rbd-clone-volume", toggleApplies: false, checks: [], minVolumeGiB: 10 });
  });
  it("a clone boot onto a parent whose clones would exceed the fan-out limit says so (busy_parent); a copy does not", () => {
    const probe = { status: "pass" as const, code: "snapshot_opens", evidence: "", clones: 20 };
    const f = facts({ ...raw, toggle: false }, { probe, fanoutMaxRunningClones: 20 });
    expect(planBoot(f).parentFanout).toEqual({ code: "busy_parent", params: { clones: 20, adding: 1, max: 20 } });
    expect(
      planBoot(facts({ ...raw, toggle: true }, { probe: { ...probe, clones: 19 }, fanoutMaxRunningClones: 20 })).parentFanout,
    ).toBeNull();
    expect(planBoot(facts({ ...raw, format: "qcow2", toggle: false }, { probe, fanoutMaxRunningClones: 20 })).parentFanout).toBeNull();
    expect(planBoot(facts({ ...raw, toggle: false }, { probe, fanoutMaxRunningClones: null })).parentFanout).toBeNull();
  });
});
