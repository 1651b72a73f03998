import type { Context, Hono } from "hono";
import { requestId } from "../../core/ids";
import type { SimEnv } from "../keystone/token-auth";
import { glanceError, notFound } from "./errors";
import type { GlanceImage } from "./model";
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
/**
 * Members, with glance's answers. Image data downloads are in data.ts, the interoperable import in import.ts.
 */
export function registerGlanceExtras(app: Hono<SimEnv>, load: (c: Context<SimEnv>) => GlanceImage | undefined) {
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json", "x-openstack-request-id": requestId() } });

  app.get("/v2/images/:id/members", (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    return json({ members: [], schema: "/v2/schemas/members" });
  });
}
