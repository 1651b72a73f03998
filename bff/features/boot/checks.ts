import type { Check, CheckId, CheckStatus, ClusterFacts, ImageFacts, SnapshotProbe, StoreProbe } from "./types";

export interface RbdLocation {
  url: string;
  fsid: string;
  pool: string;
  image: string;
  snap: string;
}
/** Why Nova/Cinder's parse_location rejects a location: a code, never the URL itself. */
export type LocationError = "no_location" | "not_rbd" | "blank_components" | "not_snapshot";

/** rbd://fsid/pool/image/snap → its parts, or the reason Nova/Cinder's parse_location rejects it. */
export function parseRbdLocation(url: string): RbdLocation | LocationError {
  if (!url.startsWith("rbd://")) return "not_rbd";
  const pieces = url
    .slice("rbd://".length)
    .split("/")
    .map((p) => decodeURIComponent(p));
  if (pieces.some((p) => p === "")) return "blank_components";
  if (pieces.length !== 4) return "not_snapshot";
  const [fsid, pool, image, snap] = pieces;
  return { url, fsid, pool, image, snap };
}

/** The first location Nova/Cinder could clone from (they try each in order), else the first parse error. */
export function firstRbdLocation(locations: string[]): RbdLocation | LocationError {
  let firstError: LocationError = "no_location";
  for (const url of locations) {
    const parsed = parseRbdLocation(url);
    if (typeof parsed !== "string") return parsed;
    if (firstError === "no_location") firstError = parsed;
  }
  return firstError;
}

/**
 * Every evidence code a check can carry, with its English sentence (for logs and the API's `evidence`). The UI
 * renders the same code from its own messages (boot.evidence.<code>). Parameters never hold a URL or an fsid.
 */
export const CHECK_CODES = {
  format_raw: "disk_format is raw",
  format_not_raw: "disk_format is {format}: only raw images can be cloned; anything else is downloaded and converted",
  location_exposed: "Glance exposes an RBD location to this session",
  location_not_shown: "Glance shows no location even to an admin (show_image_direct_url and show_multiple_locations are off)",
  location_hidden_from_role: "Glance does not show image locations to your role; Nova and Cinder read them with their own credentials",
  location_not_rbd: "Glance's location is not an RBD snapshot ({reason})",
  same_cluster: "The location names this cloud's own Ceph cluster",
  other_cluster: "The location names a different Ceph cluster than this cloud's",
  cluster_unknown: "This cloud's own Ceph cluster id could not be read",
  in_cluster_by_id: "This cloud's Ceph holds the image at images/{image}",
  not_in_cluster: "This cloud's Ceph has no RBD image images/{image}: the image is not stored in this cluster",
  no_location: "No RBD location to check against",
  ceph_unavailable: "This cloud's Ceph could not be asked",
  snapshot_opens: "The snapshot exists in this cluster",
  snapshot_protected: "images/{image}@snap exists and is protected",
  snapshot_unprotected: "images/{image}@snap exists but is not protected",
  no_rbd_image: "This cloud's Ceph has no such RBD image",
  no_snapshot: "The RBD image has no such snapshot",
  other_cluster_not_checked: "Not checked: the snapshot is on another cluster",
} as const;
export type CheckCode = keyof typeof CHECK_CODES;

function check(id: CheckId, status: CheckStatus, code: CheckCode, params: Check["params"] = {}): Check {
  const evidence = CHECK_CODES[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { id, status, code, params, evidence };
}

/** same_fsid and snapshot_readable from the service account's look at images/<id>, for a caller who cannot see the location. */
function byImageId(img: ImageFacts, store: StoreProbe | null): [Check, Check] {
  const image = img.id;
  if (!store || store.status === "unknown")
    return [check("same_fsid", "unknown", "ceph_unavailable"), check("snapshot_readable", "unknown", "ceph_unavailable")];
  if (store.status === "absent")
    return [check("same_fsid", "fail", "not_in_cluster", { image }), check("snapshot_readable", "unknown", "no_rbd_image", { image })];
  const snap =
    store.snap === "protected"
      ? check("snapshot_readable", "pass", "snapshot_protected", { image })
      : store.snap === "unprotected"
        ? check("snapshot_readable", "unknown", "snapshot_unprotected", { image })
        : check("snapshot_readable", "fail", "no_snapshot", { image });
  return [check("same_fsid", "pass", "in_cluster_by_id", { image }), snap];
}

/**
 * The four conditions of nova's RBDDriver.is_cloneable and cinder's RBDDriver._is_cloneable, in their order:
 * Glance exposes an rbd:// location, its fsid is this cluster's, disk_format is raw, and the snapshot opens.
 * A fact the caller cannot see is `unknown` with the reason, never a silent guess. A member who cannot see the
 * location still gets "same cluster" and "snapshot readable" settled by the BFF's own look at images/<id> (`store`).
 */
export function cloneChecks(
  img: ImageFacts,
  cluster: ClusterFacts,
  probe: SnapshotProbe,
  viewerIsAdmin: boolean,
  store: StoreProbe | null = null,
): Check[] {
  const format =
    img.diskFormat === "raw"
      ? check("raw_format", "pass", "format_raw")
      : check("raw_format", "fail", "format_not_raw", { format: img.diskFormat ?? "unset" });

  if (img.locations === null || img.locations.length === 0) {
    if (viewerIsAdmin)
      return [
        check("location_exposed", "fail", "location_not_shown"),
        check("same_fsid", "unknown", "no_location"),
        format,
        check("snapshot_readable", "unknown", "no_location"),
      ];
    const [fsid, snap] = byImageId(img, store);
    return [check("location_exposed", "unknown", "location_hidden_from_role"), fsid, format, snap];
  }

  const loc = firstRbdLocation(img.locations);
  if (typeof loc === "string")
    return [
      check("location_exposed", "fail", "location_not_rbd", { reason: loc }),
      check("same_fsid", "unknown", "no_location"),
      format,
      check("snapshot_readable", "unknown", "no_location"),
    ];
  const location = check("location_exposed", "pass", "location_exposed");
  const fsid =
    cluster.fsid === null
      ? check("same_fsid", "unknown", "cluster_unknown")
      : cluster.fsid === loc.fsid
        ? check("same_fsid", "pass", "same_cluster")
        : check("same_fsid", "fail", "other_cluster");
  const snapshot =
    fsid.status === "fail"
      ? check("snapshot_readable", "unknown", "other_cluster_not_checked")
      : check("snapshot_readable", probe.status, (probe.code in CHECK_CODES ? probe.code : "ceph_unavailable") as CheckCode);
  return [location, fsid, format, snapshot];
}

export type CheckVerdict = "clone" | "copy" | "unknown";
/** All pass → clone; any fail → copy; otherwise unknown (the plan then leads with what happens if it is wrong). */
export function verdictOf(checks: Check[]): CheckVerdict {
  if (checks.some((c) => c.status === "fail")) return "copy";
  if (checks.every((c) => c.status === "pass")) return "clone";
  return "unknown";
}
