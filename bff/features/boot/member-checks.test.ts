import { planBoot, type PlanFacts } from "./plan-boot";
import { learnThroughput } from "./throughput";
import { GiB, type ClusterFacts, type SnapshotProbe } from "./types";

const OWN = "0c8dec14-a280-479f-8f15-ecf48bd230a9";
const GLANCE_FSID = "9d2b7d3e-0000-4000-8000-00000000f0f0";
const CEPH_URL = "http://ceph-mgr.internal:8443";
const CEPH_TEXT = "Ceph Dashboard answered 500 on /api/monitor: Traceback (most recent call last) rados.Error";

function facts(viewerIsAdmin: boolean, cluster: ClusterFacts, probe: SnapshotProbe, imageFsid = GLANCE_FSID): PlanFacts {
  return {
    choices: {
      source: { type: "image", id: "img-1" },
      createVolume: true,
      deleteOnTermination: true,
      networkIds: [],
      securityGroups: [],
      count: 1,
    },
    source: {
      kind: "image",
      id: "img-1",
      name: "img",
      status: "active",
      diskFormat: "raw",
      size: GiB,
      virtualSize: GiB,
      minDisk: 0,
      minRam: 0,
      instanceSnapshot: false,
      locations: [`rbd://${imageFsid}/images/img-1/snap`],
      volumeBacked: null,
    },
    flavor: { id: "f1", name: "m1.small", vcpus: 1, ram: 2048, disk: 20 },
    cluster,
    probe,
    viewerIsAdmin,
    throughput: learnThroughput([]),
    wait: { retries: 60, intervalSeconds: 3, seconds: 183, attempts: 61 },
    quotas: { compute: null, volume: null },
    defaultVolumeType: null,
  };
}

const cases: { name: string; cluster: ClusterFacts; probe: SnapshotProbe; imageFsid?: string; verdict: [string, string] }[] = [
  {
    name: "another cluster",
    cluster: { fsid: OWN, evidence: "Ceph Dashboard /api/monitor monmap" },
    probe: { status: "pass", code: "snapshot_found", evidence: "x" },
    verdict: ["fail", "unknown"],
  },
  {
    name: "the dashboard failing",
    cluster: { fsid: null, evidence: `${CEPH_TEXT} at ${CEPH_URL}` },
    probe: { status: "unknown", code: "ceph_unavailable", evidence: `Cannot open images/img-1@snap: ${CEPH_TEXT} at ${CEPH_URL}` },
    verdict: ["unknown", "unknown"],
  },
  {
    name: "the same cluster",
    cluster: { fsid: OWN, evidence: `Ceph Dashboard at ${CEPH_URL}` },
    imageFsid: OWN,
    probe: { status: "pass", code: "snapshot_found", evidence: `images/img-1@snap exists (Ceph Dashboard ${CEPH_URL})` },
    verdict: ["pass", "pass"],
  },
];

describe("a member's boot plan: the Ceph verdict and a code, never Ceph's fsid, text or URL", () => {
  it.each(cases)("$name", ({ cluster, probe, imageFsid, verdict }) => {
    const member = planBoot(facts(false, cluster, probe, imageFsid));
    const checks = member.checks.filter((c) => c.id === "same_fsid" || c.id === "snapshot_readable");
    expect(checks.map((c) => c.status)).toEqual(verdict);
    for (const c of checks) expect(c.code).toMatch(/^[a-z_]+$/);
    const text = JSON.stringify(member);
    for (const secret of [CEPH_URL, "ceph-mgr.internal", "Traceback", "rados", ...(imageFsid === OWN ? [] : [OWN])])
      expect(text).not.toContain(secret);
  });
});
