import { Hono, type Context } from "hono";
import type { SimState } from "../../core/state";
import { requestId } from "../../core/ids";
import { requireToken, type AuthContext, type SimEnv } from "../keystone/token-auth";
import { glanceError, notFound, UNAUTHORIZED } from "./errors";
import { CORE_KEYS, glanceConfig, glanceImages, type GlanceImage } from "./model";
import { deleteImage, newImage, uploadBytes } from "./ops";
import { imageView } from "./view";
import { listImages } from "./list";
import { imageSchema, registerGlanceExtras, schemaViolation } from "./extras";
import { registerImageData } from "./data";
import { registerGlanceImport, settleImport } from "./import";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "x-openstack-request-id": requestId(), ...headers },
  });

/** keystonemiddleware refuses before glance's request-id middleware runs: its 401 carries no request id. */
const withoutRequestId = (res: Response) => {
  res.headers.delete("x-openstack-request-id");
  return res;
};

/** Glance v2, mounted at /image. */
export function glanceRoutes(state: SimState) {
  const app = new Hono<SimEnv>();
  const versions = () => {
    const href = `${state.baseUrl}/image/v2/`;
    return [
      "2.16",
      "2.15",
      "2.14",
      "2.13",
      "2.12",
      "2.11",
      "2.10",
      "2.9",
      "2.8",
      "2.7",
      "2.6",
      "2.5",
      "2.4",
      "2.3",
      "2.2",
      "2.1",
      "2.0",
    ].map((v, i) => ({ id: `v${v}`, status: i === 0 ? "CURRENT" : "SUPPORTED", links: [{ rel: "self", href }] }));
  };
  // The version documents come from glance's version negotiation, before the request-id middleware.
  const unidentified = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  app.get("/", () => unidentified({ versions: versions() }, 300));
  app.get("/versions", () => unidentified({ versions: versions() }));

  // glance-api answers a missing or bad token with webob's 401 (delay_auth_decision), not Keystone's body.
  app.use("/v2/*", requireToken(state, { unauthorized: (c) => withoutRequestId(glanceError(c, 401, UNAUTHORIZED)) }));
  const viewOf = (c: Context<SimEnv>, img: GlanceImage) => {
    const cfg = glanceConfig(state);
    return imageView(img, {
      showLocations: c.get("auth").isAdmin,
      directUrl: cfg.show_image_direct_url,
      multipleLocations: cfg.show_multiple_locations,
    });
  };
  const visible = (a: AuthContext, img: GlanceImage) =>
    a.isAdmin || img.owner === a.projectId || img.visibility === "public" || img.visibility === "community";
  const load = (c: Context<SimEnv>) => {
    const img = glanceImages(state).get(c.req.param("id") ?? "");
    return img && visible(c.get("auth"), img) ? settleImport(state, img) : undefined;
  };

  app.get("/v2/images", (c) => {
    const r = listImages(state, c.get("auth"), new URL(c.req.url).searchParams);
    if ("error" in r) return glanceError(c, 400, r.error);
    const body: Record<string, unknown> = {
      images: r.images.map((i) => viewOf(c, settleImport(state, i))),
      schema: "/v2/schemas/images",
      first: r.first,
    };
    if (r.next) body.next = r.next;
    return json(body);
  });

  app.post("/v2/images", async (c) => {
    const body = await c.req.json().catch(() => null);
    if (!body || typeof body !== "object" || Array.isArray(body)) return glanceError(c, 400, "Body expected in request.");
    const a = c.get("auth");
    for (const attr of ["disk_format", "container_format", "visibility"]) {
      const bad = schemaViolation(attr, body[attr]);
      if (bad) return glanceError(c, 400, bad);
    }
    if (body.visibility === "public" && !c.get("auth").isAdmin)
      return glanceError(c, 403, "You are not authorized to complete publicize_image action.");
    if (body.id && glanceImages(state).get(body.id)) return glanceError(c, 409, `Image with identifier ${body.id} already exists!`);
    const properties: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) {
      if (CORE_KEYS.has(k)) continue;
      if (typeof v !== "string")
        return glanceError(
          c,
          400,
          `Provided object does not match schema 'image': ${JSON.stringify(v)} is not of type 'string'\n\nFailed validating 'type' in schema['additionalProperties']`,
        );
      properties[k] = v;
    }
    const img = newImage(state, a.projectId, {
      id: body.id,
      name: body.name ?? null,
      disk_format: body.disk_format ?? null,
      container_format: body.container_format ?? null,
      visibility: body.visibility ?? "shared",
      protected: !!body.protected,
      min_ram: Number(body.min_ram ?? 0),
      min_disk: Number(body.min_disk ?? 0),
      tags: body.tags ?? [],
      os_hidden: !!body.os_hidden,
      properties,
      owner: a.isAdmin && body.owner ? body.owner : a.projectId,
    });
    glanceImages(state).put(img);
    return json(viewOf(c, img), 201, { Location: `${state.baseUrl}/image/v2/images/${img.id}` });
  });

  app.get("/v2/images/:id", (c) => {
    const img = load(c);
    return img ? json(viewOf(c, img)) : glanceError(c, 404, notFound(c.req.param("id")));
  });

  app.patch("/v2/images/:id", async (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    const type = (c.req.header("Content-Type") ?? "").split(";")[0].trim();
    if (type !== "application/openstack-images-v2.1-json-patch" && type !== "application/openstack-images-v2.0-json-patch")
      return glanceError(c, 415, `The request media type ${type || "None"} is not supported by this server.\n`);
    const ops = await c.req.json().catch(() => null);
    if (!Array.isArray(ops)) return glanceError(c, 400, "Expected a list of JSON-Patch operations");
    const next = { ...img, properties: { ...img.properties } };
    for (const op of ops) {
      const key = String(op.path ?? "").replace(/^\//, "");
      if (["id", "status", "size", "checksum", "os_hash_value", "owner", "created_at", "updated_at", "virtual_size"].includes(key))
        return glanceError(c, 403, `Attribute '${key}' is read-only.`);
      const settable = ["name", "disk_format", "container_format", "visibility", "protected", "min_ram", "min_disk", "tags", "os_hidden"];
      if (op.op === "remove") {
        if (!(key in next.properties)) return glanceError(c, 409, `Property ${key} does not exist.`);
        delete next.properties[key];
      } else if (settable.includes(key)) (next as any)[key] = op.value;
      else next.properties[key] = String(op.value);
    }
    next.updated = state.clock.now();
    glanceImages(state).put(next);
    return json(viewOf(c, next));
  });

  app.put("/v2/images/:id/file", async (c) => {
    // The image data deserializer takes application/octet-stream only, before the image is looked at.
    const type = (c.req.header("Content-Type") ?? "").split(";")[0].trim();
    if (type !== "application/octet-stream")
      return glanceError(c, 415, `The request media type ${type || "None"} is not supported by this server.\n`);
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    if (img.status !== "queued") return glanceError(c, 409, `Image status transition from ${img.status} to saving is not allowed`);
    if (!img.disk_format || !img.container_format)
      return glanceError(c, 400, "Properties disk_format, container_format must be set prior to saving data.");
    uploadBytes(state, img, new Uint8Array(await c.req.arrayBuffer()));
    return new Response(null, { status: 204, headers: { "x-openstack-request-id": requestId() } });
  });

  app.delete("/v2/images/:id", (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    const a = c.get("auth");
    if (!a.isAdmin && img.owner !== a.projectId) return glanceError(c, 403, "You do not own this image");
    const r = deleteImage(state, img);
    if (!r.ok) return glanceError(c, r.status, r.message);
    return new Response(null, { status: 204, headers: { "x-openstack-request-id": requestId() } });
  });

  app.get("/v2/schemas/image", () => json(imageSchema));
  registerImageData(app, state, load);
  registerGlanceExtras(app, load);
  registerGlanceImport(app, state, load);
  // A mounted router's notFound is not consulted: unknown paths are answered here.
  app.all("*", (c) => glanceError(c, 404, "The resource could not be found."));
  return app;
}
