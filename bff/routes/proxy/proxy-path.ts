import type { ServiceName } from "../../openstack/services";

export const PROXIED: ServiceName[] = ["compute", "image", "volume", "network", "identity"];

export type ProxyPath =
  | { ok: true; service: ServiceName; segments: string[]; path: string }
  | { ok: false; field: "service" | "path"; reason: string };

/** Encoded `/`, `\` and `.`: a decoded segment must never become a separator or a dot segment upstream. */
const ENCODED_SEPARATOR = /%(2f|5c|2e)/i;
/** Characters a path segment may carry unencoded (RFC 3986 pchar minus unreserved). */
const PCHAR_KEEP = /%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g;

const encodeSegment = (s: string) => encodeURIComponent(s).replace(PCHAR_KEEP, (m) => decodeURIComponent(m));

/**
 * `/api/openstack/{service}/{path}` from the raw (still percent-encoded) pathname, routed on decoded segments:
 * `%63ompute` is compute. Encoded slashes, backslashes and dots, and `.`/`..` segments, are refused, so nothing
 * can step out of the service's endpoint. The upstream path is rebuilt from the decoded segments, each
 * encoded once.
 */
export function parseProxyPath(rawPathname: string, mount = "/api/openstack"): ProxyPath {
  const raw = rawPathname.split("/").slice(1);
  const mountSegs = mount.split("/").slice(1);
  if (raw.some((s) => ENCODED_SEPARATOR.test(s)))
    return { ok: false, field: "path", reason: "may not contain encoded '/', '\\' or '.' (%2F, %5C, %2E)" };
  let decoded: string[];
  try {
    decoded = raw.map((s) => decodeURIComponent(s));
  } catch {
    return { ok: false, field: "path", reason: "is not valid percent-encoding" };
  }
  if (decoded.some((s) => s === "." || s === ".." || s.includes("\\")))
    return { ok: false, field: "path", reason: "may not contain '.' or '..' segments or '\\'" };
  if (mountSegs.some((m, i) => decoded[i] !== m)) return { ok: false, field: "path", reason: `must start with ${mount}/` };
  const service = decoded[mountSegs.length] as ServiceName;
  if (!PROXIED.includes(service)) return { ok: false, field: "service", reason: `must be one of ${PROXIED.join(", ")}` };
  const segments = decoded.slice(mountSegs.length + 1);
  return { ok: true, service, segments, path: segments.length ? `/${segments.map(encodeSegment).join("/")}` : "" };
}

const UUIDISH = /^[0-9A-Za-z-]{1,64}$/;

/**
 * Glance's image data upload, `PUT /api/openstack/image/images/{id}/file` (the catalog base is already /v2): the one proxied request whose body is streamed
 * (Glance accepts chunked uploads) instead of buffered under the JSON limit.
 */
export function isImageUpload(method: string, p: ProxyPath): boolean {
  if (!p.ok || method !== "PUT" || p.service !== "image") return false;
  const s = p.segments;
  return s.length === 3 && s[0] === "images" && UUIDISH.test(s[1]) && s[2] === "file";
}
