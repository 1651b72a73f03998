import type { RawAnswer } from "./session";
import type { Service, Signature } from "./types";

/** Ids differ between the targets: uuids, 32-hex ids and request ids are masked before messages are compared. */
export const maskIds = (s: string): string =>
  s
    .replace(/req-[0-9a-f-]{36}/gi, "<req>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
    .replace(/\b[0-9a-f]{32}\b/gi, "<id>")
    .replace(/zt-[a-z]-[0-9a-z]+/g, "<tag>")
    .replace(/\s+/g, " ")
    .trim();

function kindOf(a: RawAnswer): string {
  if (!a.text) return "empty";
  const ct = a.headers.get("content-type") ?? "";
  if (a.json !== null && typeof a.json === "object") return "json";
  if (/html/.test(ct) || /^\s*<(html|!doctype|h1|h2)/i.test(a.text)) return "html";
  return "text";
}

/** `forbidden{code,message}`, `error{code,message,title}`, `NeutronError{detail,message,type}`, or the top keys. */
function shapeOf(json: any): string {
  const keys = Object.keys(json).sort();
  if (keys.length === 1 && json[keys[0]] && typeof json[keys[0]] === "object" && !Array.isArray(json[keys[0]]))
    return `${keys[0]}{${Object.keys(json[keys[0]]).sort().join(",")}}`;
  return `{${keys.join(",")}}`;
}

function messageOf(a: RawAnswer, kind: string): string {
  if (kind === "json") {
    const inner = Object.values(a.json as object)[0] as any;
    const m = inner?.message ?? (a.json as any).message ?? (a.json as any).title;
    return maskIds(String(m ?? ""));
  }
  // Glance and webob: the text after the title ("403 Forbidden\n\n<message>\n\n").
  const text = a.text.replace(/<[^>]+>/g, " ");
  return maskIds(text);
}

/** The headers a client reads: microversion echoes, a request id, Location. */
function headersOf(service: Service, a: RawAnswer): Record<string, string> {
  const h: Record<string, string> = {};
  const get = (n: string) => a.headers.get(n);
  if (service === "compute") {
    h["openstack-api-version"] = get("openstack-api-version") ?? "-";
    h["x-openstack-nova-api-version"] = get("x-openstack-nova-api-version") ?? "-";
  }
  if (service === "volumev3") h["openstack-api-version"] = get("openstack-api-version") ?? "-";
  // The dashboard answers with the endpoint's version in the media type (application/vnd.ceph.api.v1.0+json).
  if (service === "ceph") h["content-type"] = (get("content-type") ?? "-").split(";")[0].trim();
  h["x-openstack-request-id"] = get("x-openstack-request-id") ? "present" : "-";
  if (service === "compute") h["x-compute-request-id"] = get("x-compute-request-id") ? "present" : "-";
  h.location = get("location") ? "present" : "-";
  return h;
}

export function signature(service: Service, a: RawAnswer): Signature {
  const kind = kindOf(a);
  const sig: Signature = { status: a.status, kind, headers: headersOf(service, a) };
  if (a.status >= 400) {
    sig.errorShape = kind === "json" ? shapeOf(a.json) : kind;
    if (a.status === 403) sig.message = messageOf(a, kind);
  } else if (kind === "json") {
    sig.keys = Array.isArray(a.json) ? "[array]" : Object.keys(a.json).sort().join(",");
  }
  return sig;
}

export interface Difference {
  field: string;
  sim: string;
  real: string;
}

/** Field-by-field differences between the sim's and the real tier's signature. */
export function compare(sim: Signature, real: Signature): Difference[] {
  const out: Difference[] = [];
  const put = (field: string, a: unknown, b: unknown) => {
    if (String(a ?? "") !== String(b ?? "")) out.push({ field, sim: String(a ?? "-"), real: String(b ?? "-") });
  };
  put("status", sim.status, real.status);
  put("kind", sim.kind, real.kind);
  put("errorShape", sim.errorShape, real.errorShape);
  put("message", sim.message, real.message);
  put("keys", sim.keys, real.keys);
  for (const k of new Set([...Object.keys(sim.headers), ...Object.keys(real.headers)])) put(`header:${k}`, sim.headers[k], real.headers[k]);
  return out;
}
