import type { Context, Hono } from "hono";
import { requestId } from "../../core/ids";
import type { SimEnv } from "../keystone/token-auth";
import { glanceError, notFound } from "./errors";
import type { SimState } from "../../core/state";
import type { GlanceImage } from "./model";
import { glanceData } from "./ops";
import IMAGE_SCHEMA from "./schema-image.json" with { type: "json" };

/** glance-api's image schema (GET /v2/schemas/image), as Zed serves it; its enums validate create and update. */
export const imageSchema = IMAGE_SCHEMA;
const ENUMS: Record<string, (string | null)[]> = {
  disk_format: IMAGE_SCHEMA.properties.disk_format.enum,
  container_format: IMAGE_SCHEMA.properties.container_format.enum,
  visibility: IMAGE_SCHEMA.properties.visibility.enum,
};
const py = (v: unknown) => (v === null ? "None" : typeof v === "string" ? `'${v}'` : JSON.stringify(v));

/** The schema check of POST /v2/images and PATCH for the enumerated attributes, with glance's message; null when valid. */
export function schemaViolation(attr: string, value: unknown): string | null {
  const allowed = ENUMS[attr];
  if (!allowed || value === undefined || allowed.includes(value as string | null)) return null;
  return `Provided object does not match schema 'image': ${py(value)} is not one of [${allowed.map(py).join(", ")}]\n\nFailed validating 'enum' in schema['properties']['${attr}']`;
}

/**
 * Image data reads and members, with glance's answers: a queued image has no data (204). The sim stores no image
 * bytes, so a data download says that it is not implemented (import.ts has the interoperable import).
 */
export function registerGlanceExtras(app: Hono<SimEnv>, state: SimState, load: (c: Context<SimEnv>) => GlanceImage | undefined) {
  const none = (status: number) => new Response(null, { status, headers: { "x-openstack-request-id": requestId() } });
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json", "x-openstack-request-id": requestId() } });

  app.get("/v2/images/:id/file", (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    if (img.status === "queued") return none(204);
    const kept = img.status === "active" ? glanceData(state).get(img.id) : undefined;
    if (!kept) return glanceError(c, 501, "The sim keeps no data for this image (only uploads of up to 32 MiB are kept).");
    const bytes = Buffer.from(kept.b64, "base64");
    return new Response(bytes, {
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Length": String(bytes.length),
        "Content-MD5": img.checksum ?? "",
        "x-openstack-request-id": requestId(),
      },
    });
  });

  app.get("/v2/images/:id/members", (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    return json({ members: [], schema: "/v2/schemas/members" });
  });
}
