/**
 * Nova's fault message (English, with uuids, cut to 255 characters) → a code and parameters the UI renders in the
 * user's locale. The message itself stays in the answer as data (faultMessage), never as the headline.
 * The patterns are nova/exception.py's message templates and nova/virt/images.py's conversion failure.
 */
export const NOVA_FAULT_CODES = [
  "volume_not_created",
  "volume_not_created_cut",
  "no_valid_host",
  "max_retries",
  "image_conversion_failed",
  "image_not_found",
  "image_unacceptable",
  "flavor_disk_too_small",
  "block_device_failed",
  "build_aborted",
  "rescheduled",
  "unknown",
] as const;
export type NovaFaultCode = (typeof NOVA_FAULT_CODES)[number];
export interface NovaFaultReason {
  code: NovaFaultCode;
  params: Record<string, string | number>;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** BuildAbortException / RescheduledException: "Build of instance <uuid> aborted: <reason>". */
const BUILD = /^Build of instance \S+ (aborted|was re-scheduled): ([\s\S]*)$/;
/** VolumeNotCreated; the status may be cut off by Nova's 255-character limit. */
const VOLUME_NOT_CREATED =
  /Volume \S+ did not finish being created even after we waited (\d+) seconds or (\d+) attempts\.(?: And its status is ([\w-]+))?/;
/** MaxRetriesExceeded is a NoValidHost: "Exceeded maximum number of retries. …". */
const MAX_RETRIES = /^Exceeded maximum number of retries\b/;
const NO_VALID_HOST = /^No valid host was found\b/;
/** nova/virt/images.py convert_image: ImageUnacceptable("Unable to convert image to <format>: …"), or a wrong format after. */
const CONVERSION = /Unable to convert image to (\w+)|Converted to raw, but format is now/;
const IMAGE_NOT_FOUND = new RegExp(`^Image (?:${UUID}|\\S+) could not be found`);
const IMAGE_UNACCEPTABLE = /^Image \S* ?is unacceptable\b|^Image is not raw format/;
const FLAVOR_DISK = /^Flavor's disk is too small for requested image\b/;
const BLOCK_DEVICE = /^Failure prepping block device\b/;

/** The code (and safe parameters: numbers and status words, no ids) for one Nova fault message. */
export function novaFaultReason(message: string): NovaFaultReason {
  const build = BUILD.exec(message.trim());
  const reason = build ? build[2] : message.trim();
  const v = VOLUME_NOT_CREATED.exec(reason);
  if (v) {
    const waited = { seconds: Number(v[1]), attempts: Number(v[2]) };
    // Nova's 255-character cut can take the volume's status away: a code of its own, not an empty parameter.
    return v[3] ? { code: "volume_not_created", params: { ...waited, status: v[3] } } : { code: "volume_not_created_cut", params: waited };
  }
  if (MAX_RETRIES.test(reason)) return { code: "max_retries", params: {} };
  if (NO_VALID_HOST.test(reason)) return { code: "no_valid_host", params: {} };
  const c = CONVERSION.exec(reason);
  if (c) return { code: "image_conversion_failed", params: { format: c[1] ?? "raw" } };
  if (IMAGE_NOT_FOUND.test(reason)) return { code: "image_not_found", params: {} };
  if (IMAGE_UNACCEPTABLE.test(reason)) return { code: "image_unacceptable", params: {} };
  if (FLAVOR_DISK.test(reason)) return { code: "flavor_disk_too_small", params: {} };
  if (BLOCK_DEVICE.test(reason)) return { code: "block_device_failed", params: {} };
  if (build) return { code: build[1] === "aborted" ? "build_aborted" : "rescheduled", params: {} };
  return { code: "unknown", params: {} };
}
