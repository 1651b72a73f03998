import type { Check, CheckReason, ClusterFacts, ImageFacts, SnapshotProbe } from "./types";

export interface RbdLocation { url: string; fsid: string; pool: string; image: string; snap: string }

/** rbd://fsid/pool/image/snap → its parts, or the reason Nova/Cinder's parse_location rejects it. */
export function parseRbdLocation(url: string): RbdLocation | string {
  if (!url.startsWith("rbd://")) return `${url} is not stored in rbd`;
  const pieces = url.slice("rbd://".length).split("/").map((p) => decodeURIComponent(p));
  if (pieces.some((p) => p === "")) return `${url} contains blank components`;
  if (pieces.length !== 4) return `${url} is not an rbd snapshot (needs fsid/pool/image/snapshot)`;
  const [fsid, pool, image, snap] = pieces;
  return { url, fsid, pool, image, snap };
}

/** The first location Nova/Cinder could clone from (they try each in order), else the first parse error. */
export function firstRbdLocation(locations: string[]): RbdLocation | string {
  let firstError = "no location";
  for (const url of locations) {
    const parsed = parseRbdLocation(url);
    if (typeof parsed !== "string") return parsed;
    if (firstError === "no location") firstError = parsed;
  }
  return firstError;
}

/**
 * The four conditions of nova's RBDDriver.is_cloneable and cinder's RBDDriver._is_cloneable, in their order:
 * Glance exposes an rbd:// location, its fsid is this cluster's, disk_format is raw, and the snapshot opens.
 * A fact the caller cannot see is `unknown` with the reason, never a silent guess.
 */
export function cloneChecks(img: ImageFacts, cluster: ClusterFacts, probe: SnapshotProbe, viewerIsAdmin: boolean): Check[] {
  const format: Check = img.diskFormat === "raw"
    ? { id: "raw_format", status: "pass", evidence: "disk_format is raw" }
    : { id: "raw_format", status: "fail", evidence: `disk_format is ${img.diskFormat ?? "unset"}; only raw images can be cloned, anything else is downloaded and converted` };

  if (img.locations === null || img.locations.length === 0) {
    const location: Check = viewerIsAdmin
      ? { id: "location_exposed", status: "fail", evidence: "Glance shows no direct_url or locations even to an admin: show_image_direct_url and show_multiple_locations are off, so Nova and Cinder cannot find the RBD snapshot" }
      : { id: "location_exposed", status: "unknown", evidence: "Glance does not show image locations to your role; Nova and Cinder read them with their own credentials, so whether they can is not visible from this session" };
    const why = viewerIsAdmin ? "there is no location to read it from" : "the location is hidden from your role";
    const reason: CheckReason = viewerIsAdmin ? "no_location" : "location_hidden";
    return [
      location,
      { id: "same_fsid", status: "unknown", evidence: `Cannot compare the cluster id: ${why}`, reason },
      format,
      { id: "snapshot_readable", status: "unknown", evidence: `Cannot open the snapshot: ${why}`, reason },
    ];
  }

  const loc = firstRbdLocation(img.locations);
  if (typeof loc === "string") {
    return [
      { id: "location_exposed", status: "fail", evidence: `Glance exposes a location, but ${loc}` },
      { id: "same_fsid", status: "unknown", evidence: "No rbd:// location to read a cluster id from", reason: "no_location" },
      format,
      { id: "snapshot_readable", status: "unknown", evidence: "No rbd:// location to open", reason: "no_location" },
    ];
  }
  const location: Check = { id: "location_exposed", status: "pass", evidence: `Glance exposes ${loc.url}` };
  let fsid: Check;
  if (cluster.fsid === null) fsid = { id: "same_fsid", status: "unknown", evidence: `The image is on cluster ${loc.fsid}; this cloud's own fsid is unknown: ${cluster.evidence}`, reason: cluster.reason ?? "ceph_unavailable" };
  else if (cluster.fsid === loc.fsid) fsid = { id: "same_fsid", status: "pass", evidence: `The image is on cluster ${loc.fsid}, this cloud's own (${cluster.evidence})`, reason: "same_cluster" };
  else fsid = { id: "same_fsid", status: "fail", evidence: `The image is on cluster ${loc.fsid}, but this cloud's Ceph is ${cluster.fsid} (${cluster.evidence}): a different ceph cluster`, reason: "other_cluster" };
  const snapshot: Check = fsid.status === "fail"
    ? { id: "snapshot_readable", status: "unknown", evidence: `Not checked: ${loc.pool}/${loc.image}@${loc.snap} is on another cluster, which this dashboard cannot open`, reason: "other_cluster" }
    : { id: "snapshot_readable", ...probe };
  return viewerIsAdmin ? [location, fsid, format, snapshot] : [location, forMember(fsid), format, forMember(snapshot)];
}

/** What a member is told for each reason: the verdict and why, with nothing read from the Ceph Dashboard. */
export const MEMBER_EVIDENCE: Record<CheckReason, string> = {
  same_cluster: "The image is stored in this cloud's own Ceph cluster",
  other_cluster: "The image is stored in a different Ceph cluster from this cloud's",
  snapshot_found: "The image's RBD snapshot exists",
  image_missing: "The image's RBD image does not exist in Ceph",
  snapshot_missing: "The image's RBD snapshot does not exist in Ceph",
  ceph_not_configured: "Zenith has no Ceph Dashboard account configured, so this could not be checked",
  ceph_unavailable: "The Ceph Dashboard could not be read, so this could not be checked",
  no_location: "Glance shows no rbd:// location to check",
  location_hidden: "Glance does not show image locations to your role",
};

/**
 * A Ceph-derived check as a member sees it: status and reason code, and a sentence chosen by the code alone.
 * Never the cluster fsid, the dashboard's address or its error text, which come from the BFF's own Ceph account.
 */
function forMember(c: Check): Check {
  const reason = c.reason ?? "ceph_unavailable";
  return { id: c.id, status: c.status, reason, evidence: MEMBER_EVIDENCE[reason] };
}

export type CheckVerdict = "clone" | "copy" | "unknown";
/** All pass → clone; any fail → copy; otherwise unknown (the plan then says what it assumed). */
export function verdictOf(checks: Check[]): CheckVerdict {
  if (checks.some((c) => c.status === "fail")) return "copy";
  if (checks.every((c) => c.status === "pass")) return "clone";
  return "unknown";
}
