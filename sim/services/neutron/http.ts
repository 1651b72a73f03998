import type { Context } from "hono";
import type { AuthContext, SimEnv } from "../keystone/token-auth";
import { errors } from "./errors";
import type { Query } from "./view";

export type NeutronContext = Context<SimEnv>;

/** The caller's identity, as keystonemiddleware hands it to neutron-server. */
export const authOf = (c: NeutronContext): AuthContext => c.get("auth");

export const queryOf = (c: NeutronContext): Query => c.req.queries() ?? {};

/** Reads `{"<resource>": {...}}` with Neutron's messages for a missing or malformed body. */
export async function readBody(c: NeutronContext, resource: string): Promise<Record<string, any>> {
  const text = await c.req.text();
  if (!text.trim()) throw errors.badRequest("Resource body required");
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    throw errors.badRequest("Malformed request body");
  }
  const item = body?.[resource];
  if (!item || typeof item !== "object" || Array.isArray(item)) throw errors.badRequest(`Unable to find '${resource}' in request body`);
  return item;
}

/** The project a new resource belongs to: the caller's, or any project an admin names. */
export function owningProject(auth: AuthContext, item: Record<string, any>, resource: string): string {
  const wanted = item.project_id ?? item.tenant_id;
  if (wanted && wanted !== auth.projectId) {
    if (!auth.isAdmin) throw errors.policy(`create_${resource}`);
    return String(wanted);
  }
  return auth.projectId;
}

/** Attributes only an admin may set on create (policy create_<resource>:<attr>). */
export function adminOnlyAttrs(auth: AuthContext, item: Record<string, any>, resource: string, attrs: string[]): void {
  if (auth.isAdmin) return;
  const bad = attrs.find((a) => item[a] !== undefined);
  if (bad) throw errors.attrPolicy(`create_${resource}`, bad);
}

export function requireAdmin(auth: AuthContext, rule: string): void {
  if (!auth.isAdmin) throw errors.policy(rule);
}

export type AttrKind = "bool" | "int" | "string";

/** neutron-lib's convert_to_boolean: true/false in any case, 1/0 and "1"/"0". */
function toBool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === "string" && ["true", "1"].includes(v.toLowerCase())) return true;
  if (typeof v === "string" && ["false", "0"].includes(v.toLowerCase())) return false;
  return undefined;
}

/**
 * Checks and converts a body's attributes as neutron's attribute map does (convert_to / validate), with its
 * messages: a bad boolean or integer is InvalidInput, a non-string where a string belongs is HTTPBadRequest.
 */
export function checkAttrs(item: Record<string, any>, spec: Record<string, AttrKind>): Record<string, any> {
  const out = { ...item };
  for (const [attr, kind] of Object.entries(spec)) {
    const v = item[attr];
    if (v === undefined) continue;
    if (kind === "bool") {
      const b = toBool(v);
      if (b === undefined) throw errors.invalidInput(`'${v}' cannot be converted to boolean`);
      out[attr] = b;
    } else if (kind === "int") {
      if (v === null) continue;
      const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!Number.isInteger(n)) throw errors.invalidInput(`'${v}' is not an integer`);
      out[attr] = n;
    } else if (typeof v !== "string") {
      throw errors.badRequest(`Invalid input for ${attr}. Reason: '${v}' is not a valid string.`);
    }
  }
  return out;
}
