import { CHECK_CODES } from "./checks";
import { planBoot, type PlanFacts } from "./plan-boot";
import { learnThroughput } from "./throughput";
import { GiB, type StoreProbe } from "./types";

const OWN = "0c8dec14-a280-479f-8f15-ecf48bd230a9";
const IMG = "11111111-2222-4333-8444-555555555555";

/** A member's plan: Glance hides the location, the BFF's service account looked at images/<id> (`store`). */
function member(store: StoreProbe | null, o: { format?: string; gib?: number; toggle?: boolean } = {}): PlanFacts {
  const gib = o.gib ?? 2;
  return {
    choices: {
      source: { type: "image", id: IMG },
      createVolume: o.toggle ?? true,
      deleteOnTermination: true,
      networkIds: [],
      securityGroups: [],
      count: 1,
    },
    source: {
      kind: "image",
      id: IMG,
      name: "img",
      status: "active",
      diskFormat: o.format ?? "raw",
      size: gib * GiB,
      virtualSize: gib * GiB,
      minDisk: 0,
      minRam: 0,
      instanceSnapshot: false,
      locations: null,
      volumeBacked: null,
    },
    flavor: { id: "f1", name: "m1.small", vcpus: 1, ram: 2048, disk: 20 },
    cluster: { fsid: OWN, evidence: "monmap" },
    probe: { status: "unknown", code: "no_location", evidence: "no location" },
    store,
    viewerIsAdmin: false,
    throughput: learnThroughput([]),
    wait: { retries: 60, intervalSeconds: 3, seconds: 183, attempts: 61 },
    quotas: { compute: null, volume: null },
    defaultVolumeType: null,
  };
}
const status = (p: ReturnType<typeof planBoot>) => Object.fromEntries(p.checks.map((c) => [c.id, c.status]));
const found = (snap: StoreProbe["snap"]): StoreProbe => ({ status: "found", snap, code: "in_cluster_by_id" });

describe("planBoot certainty: a member's plan never promises what it could not prove", () => {
  it("not in this cluster (images/<id> absent): a certain copy, whatever Glance hides", () => {
    const plan = planBoot(member({ status: "absent", snap: null, code: "not_in_cluster" }, { gib: 40 }));
    expect(plan).toMatchObject({ path: "copy-volume", certain: true, alternative: null });
    expect(status(plan)).toMatchObject({ same_fsid: "fail", location_exposed: "unknown" });
    expect(plan.checks.find((c) => c.id === "same_fsid")).toMatchObject({ code: "not_in_cluster", params: { image: IMG } });
    expect(plan.risks.find((r) => r.code === "nova_volume_wait_exceeded")?.severity).toBe("error");
  });

  it("in this cluster with a protected snap: same cluster and snapshot pass; only the hidden location stays unknown", () => {
    const plan = planBoot(member(found("protected")));
    expect(status(plan)).toEqual({ location_exposed: "unknown", same_fsid: "pass", raw_format: "pass", snapshot_readable: "pass" });
    expect(plan).toMatchObject({ path: "rbd-clone-volume", certain: false });
    expect(plan.alternative).toMatchObject({ path: "copy-volume", ifFails: ["location_exposed"] });
  });

  it("a snap that is missing fails the snapshot check (copy); an unprotected one stays unknown", () => {
    expect(planBoot(member(found("missing")))).toMatchObject({ path: "copy-volume", certain: true });
    const unprotected = planBoot(member(found("unprotected")));
    expect(unprotected.certain).toBe(false);
    expect(status(unprotected).snapshot_readable).toBe("unknown");
  });

  it("Ceph could not be asked: every check it would settle stays unknown, none is guessed", () => {
    for (const store of [null, { status: "unknown", snap: null, code: "ceph_unavailable" } as StoreProbe]) {
      const plan = planBoot(member(store));
      expect(status(plan)).toEqual({ location_exposed: "unknown", same_fsid: "unknown", raw_format: "pass", snapshot_readable: "unknown" });
      expect(plan.certain).toBe(false);
      expect(plan.alternative?.ifFails).toEqual(["location_exposed", "same_fsid", "snapshot_readable"]);
    }
  });

  it("the worst case says whether it outlasts Nova's wait: a large image's copy does, a small one's does not", () => {
    expect(planBoot(member(null, { gib: 40 })).alternative).toMatchObject({ path: "copy-volume", exceedsNovaWait: true });
    expect(planBoot(member(null, { gib: 0.1 })).alternative).toMatchObject({ path: "copy-volume", exceedsNovaWait: false });
    // Without a new volume Nova does not wait on Cinder: the local copy is slow but never times out.
    expect(planBoot(member(null, { gib: 40, toggle: false })).alternative).toMatchObject({
      path: "download-convert-local",
      exceedsNovaWait: false,
    });
  });

  it("qcow2 is a certain copy even when nothing else is known", () => {
    expect(planBoot(member(null, { format: "qcow2" }))).toMatchObject({ path: "copy-volume", certain: true });
  });

  it("every check carries a known code, and its English evidence names no fsid or URL", () => {
    for (const store of [
      null,
      found("protected"),
      found("missing"),
      { status: "absent", snap: null, code: "not_in_cluster" } as StoreProbe,
    ]) {
      for (const c of planBoot(member(store)).checks) {
        expect(Object.keys(CHECK_CODES)).toContain(c.code);
        expect(c.evidence).not.toMatch(/rbd:\/\/|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-(?!555555555555)[0-9a-f]{12}/);
        expect(c.evidence).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
