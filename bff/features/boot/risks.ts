import type { Risk } from "./schema";
import type { BootPath, Check, NovaWait, Quantiles } from "./types";

const s = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);

/** The fix for a copy, aimed at the first condition that failed. */
export function copyFix(checks: Check[], createVolume: boolean): string {
  const failed = checks.find((c) => c.status === "fail")?.id;
  const precreate = createVolume ? " Or pre-create the volume from the image, wait until it is available, and boot from that volume." : "";
  switch (failed) {
    case "raw_format":
      return `Convert the image to raw (qemu-img convert -f <format> -O raw) and upload it again, so Ceph can clone it in seconds.${precreate}`;
    case "same_fsid":
      return `Import the image into this cloud's own Ceph cluster (upload it to this Glance's RBD store) so it can be cloned.${precreate}`;
    case "location_exposed":
      return `An administrator can set show_image_direct_url = True in glance-api.conf so Nova and Cinder find the RBD snapshot.${precreate}`;
    case "snapshot_readable":
      return `Give Nova's and Cinder's cephx users read access to the images pool (profile rbd-read-only pool=images).${precreate}`;
    default:
      return precreate.trim() || "Use a raw image stored in this cloud's Ceph cluster.";
  }
}

export interface RiskInput {
  path: BootPath;
  certain: boolean;
  checks: Check[];
  createVolume: boolean;
  deleteOnTermination: boolean;
  volumeGiB: number | null;
  storage: Quantiles;
  bytesToCopy: number;
  wait: NovaWait;
  /** The copy that happens if an unknown check fails (path not certain). */
  alternative: { path: BootPath; storage: Quantiles } | null;
  parent: string | null;
}

export function deriveRisks(r: RiskInput): Risk[] {
  const out: Risk[] = [];
  const waitParams = { waitSeconds: r.wait.seconds, retries: r.wait.retries, intervalSeconds: r.wait.intervalSeconds };
  if (r.path === "copy-volume") {
    const p = { p50: s(r.storage.p50), p90: s(r.storage.p90), ...waitParams };
    if (r.storage.p50 > r.wait.seconds)
      out.push({
        code: "nova_volume_wait_exceeded",
        severity: "error",
        params: p,
        fix: copyFix(r.checks, true),
        message: `Cinder needs about ${p.p50} s (p90 ${p.p90} s) to copy the image into the volume, but Nova gives up after ${r.wait.seconds} s (block_device_allocate_retries ${r.wait.retries} × ${r.wait.intervalSeconds} s): the boot will fail with "Volume … did not finish being created".`,
      });
    else if (r.storage.p90 > r.wait.seconds)
      out.push({
        code: "nova_volume_wait_exceeded",
        severity: "warning",
        params: p,
        fix: copyFix(r.checks, true),
        message: `Cinder usually copies the image in about ${p.p50} s, but a slow copy (p90 ${p.p90} s) outlasts Nova's ${r.wait.seconds} s wait (block_device_allocate_retries ${r.wait.retries} × ${r.wait.intervalSeconds} s) and the boot would fail.`,
      });
    else
      out.push({
        code: "full_copy_volume",
        severity: "warning",
        params: { p50: p.p50, bytes: r.bytesToCopy },
        fix: copyFix(r.checks, true),
        message: `Cinder downloads, converts and imports the whole image (${r.bytesToCopy} bytes) into a fully allocated volume: about ${p.p50} s instead of a clone's second.`,
      });
  }
  if (r.path === "download-convert-local") {
    const p50 = s(r.storage.p50);
    out.push({
      code: "slow_local_copy",
      severity: "warning",
      params: { p50, bytes: r.bytesToCopy },
      fix: copyFix(r.checks, false),
      message: `Nova downloads the image (${r.bytesToCopy} bytes) to the compute host, converts it to raw and imports it into the vms pool: about ${p50} s of network and disk load before the instance starts, and fully allocated space.`,
    });
  }
  if (!r.certain && r.alternative) {
    const alt = r.alternative;
    const unknown = r.checks.filter((c) => c.status === "unknown").map((c) => c.id);
    const p = { p50: s(alt.storage.p50), unknown: unknown.join(", "), alternative: alt.path, ...waitParams };
    const exceeds = alt.path === "copy-volume" && alt.storage.p50 > r.wait.seconds;
    out.push({
      code: exceeds ? "nova_volume_wait_possible" : "path_uncertain",
      severity: "warning",
      params: p,
      fix: "Ask an administrator whether Glance exposes image locations to Nova and Cinder (show_image_direct_url), or boot once and check the disk's parent.",
      message: exceeds
        ? `Assumed a clone, but ${p.unknown} could not be checked. If they fail, Cinder copies for about ${p.p50} s and Nova gives up after ${r.wait.seconds} s.`
        : `Assumed a clone, but ${p.unknown} could not be checked. If they fail, the path is ${alt.path} (about ${p.p50} s).`,
    });
  }
  if (r.createVolume && !r.deleteOnTermination && r.volumeGiB)
    out.push({
      code: "volume_kept",
      severity: "info",
      params: { gib: r.volumeGiB },
      fix: 'Turn on "Delete volume on instance delete" if the disk should go with the instance.',
      message: `The ${r.volumeGiB} GiB volume stays when the instance is deleted, and also when the build fails; it keeps counting against your volume quota.`,
    });
  if (r.parent && (r.path === "rbd-clone-local" || r.path === "rbd-clone-volume"))
    out.push({
      code: "parent_pinned",
      severity: "info",
      params: { parent: r.parent },
      fix: "Flatten the disk (rbd flatten) before you need to delete the image.",
      message: `The new disk is a copy-on-write clone of ${r.parent}: while it exists the image cannot be deleted (Glance answers 409 "in use").`,
    });
  return out;
}
