import { createHash } from "node:crypto";
import { isIP } from "node:net";
import type { Context, Hono } from "hono";
import { isoSeconds } from "../../core/clock";
import { requestId, uuid } from "../../core/ids";
import type { SimState } from "../../core/state";
import type { SimEnv } from "../keystone/token-auth";
import { glanceError, notFound } from "./errors";
import { glanceConfig, glanceImages, type GlanceImage } from "./model";
import { qcow2VirtualSize, storeImageData } from "./ops";
import { forgetImageData, keepImageData } from "./data";

/** A Glance Zed task record (GET /v2/images/{id}/tasks), as glance-api answers it. */
export interface GlanceTask {
  id: string;
  image_id: string;
  owner: string;
  user_id: string;
  request_id: string;
  status: "pending" | "processing" | "success" | "failure";
  created: number;
  updated: number;
  input: Record<string, unknown>;
  result: Record<string, unknown> | null;
  message: string;
}
export const glanceTasks = (state: SimState) => state.store.collection<GlanceTask>("glance.task");

/** How long an import takes in cloud seconds: a task start-up, then the bytes at 200 MiB/s. */
const importSeconds = (bytes: number) => 1 + bytes / (200 * 1048576);
/** Formats glance's format_inspector knows (image_conversion refuses the others: "Unable to convert from format"). */
const INSPECTABLE = new Set(["raw", "qcow2", "vmdk", "vhd", "vhdx", "vdi", "iso"]);

/**
 * glance.common.utils.validate_uri as the real tier's Glance applies it: http(s) only, and a host that resolves
 * to a public address (loopback, private and link-local hosts, and names that do not resolve, are refused). The sim
 * resolves nothing: it refuses IP literals in those ranges, `localhost`, and the reserved TLDs that never resolve.
 */
export function passesImportFilter(uri: unknown): boolean {
  if (typeof uri !== "string" || !uri) return false;
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return false;
  const host = u.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (!host || host === "localhost" || /\.(localhost|invalid|test|example|local)$/.test(host)) return false;
  if (isIP(host) === 4) {
    const [a, b] = host.split(".").map(Number);
    return !(a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168));
  }
  if (isIP(host) === 6) return !(host === "::1" || host.startsWith("fe80") || host.startsWith("fc") || host.startsWith("fd"));
  return true;
}

const taskView = (t: GlanceTask) => ({
  id: t.id,
  type: "api_image_import",
  status: t.status,
  owner: t.owner,
  expires_at: t.status === "success" || t.status === "failure" ? isoSeconds(t.updated + 48 * 3600_000).replace("Z", ".000000") : null,
  created_at: isoSeconds(t.created).replace("Z", ".000000"),
  updated_at: isoSeconds(t.updated).replace("Z", ".000000"),
  deleted_at: null,
  deleted: false,
  image_id: t.image_id,
  request_id: t.request_id,
  user_id: t.user_id,
  input: t.input,
  result: t.result,
  message: t.message,
});

function finishTask(state: SimState, taskId: string, status: "success" | "failure", message: string, imageId: string) {
  const t = glanceTasks(state).get(taskId);
  if (!t) return;
  glanceTasks(state).put({
    ...t,
    status,
    message,
    updated: state.clock.now(),
    result: status === "success" ? { image_id: imageId } : null,
  });
}

/**
 * Completes an import whose time has come (called on every read, so the outcome survives a restart): the staged
 * data goes to the RBD store, converted first when image_conversion is on. A web-download fails, because the sim
 * reaches no host outside 127.0.0.1 (as a Glance without a route out would). On failure Glance reverts the image to
 * queued, drops the staged data and names the store in os_glance_failed_import.
 */
export function settleImport(state: SimState, img: GlanceImage): GlanceImage {
  const imp = img.importing;
  if (!imp || state.clock.now() < imp.readyAt) return img;
  const { os_glance_import_task: _, ...properties } = img.properties;
  const base: GlanceImage = { ...img, importing: undefined, staged: undefined, properties };
  const fail = (message: string): GlanceImage => {
    forgetImageData(state, img.id);
    const next: GlanceImage = {
      ...base,
      status: "queued",
      size: null,
      virtual_size: null,
      properties: { ...properties, os_glance_importing_to_stores: "", os_glance_failed_import: "ceph" },
      updated: state.clock.now(),
    };
    glanceImages(state).put(next);
    finishTask(state, imp.taskId, "failure", message, img.id);
    return next;
  };
  if (imp.method === "web-download") return fail(`<urlopen error [Errno 101] Network is unreachable> (${imp.uri})`);
  const staged = img.staged;
  if (!staged) return fail("Staged data is missing");
  const target = glanceConfig(state).image_conversion_output_format;
  let fmt = { disk_format: img.disk_format, container_format: img.container_format };
  let size = staged.size;
  let virtualSize = staged.virtualSize;
  if (target) {
    if (!img.disk_format || !INSPECTABLE.has(img.disk_format)) return fail(`Unable to convert from format ${img.disk_format}`);
    if (img.disk_format === "qcow2" && staged.virtualSize === null) return fail("Image format detection failed");
    if (img.disk_format !== "raw" && img.disk_format !== target) {
      if (staged.virtualSize === null) return fail("Image format detection failed");
      fmt = { disk_format: target, container_format: "bare" };
      // qemu-img convert -O raw: the raw image is the virtual size; the sim keeps no converted bytes.
      forgetImageData(state, img.id);
      size = staged.virtualSize;
      virtualSize = staged.virtualSize;
    }
  }
  const converted = { ...base, ...fmt, properties: { ...properties, os_glance_importing_to_stores: "", os_glance_failed_import: "" } };
  const next = storeImageData(state, converted, size, { md5: staged.md5, sha512: staged.sha512 }, virtualSize);
  finishTask(state, imp.taskId, "success", `Copied ${Math.floor(size / 1048576)} MiB`, img.id);
  return next;
}

/**
 * Interoperable image import, as Glance Zed answers it (measured on the real tier): PUT /stage, POST /import with
 * glance-direct, web-download (behind the URI filter) and copy-image, GET /tasks. Refusals in glance-api's order:
 * the body first (400), then the image (404), ownership (403), the state (409).
 */
export function registerGlanceImport(app: Hono<SimEnv>, state: SimState, load: (c: Context<SimEnv>) => GlanceImage | undefined) {
  const empty = (status: number) =>
    new Response(null, { status, headers: { "Content-Type": "text/html; charset=UTF-8", "x-openstack-request-id": requestId() } });
  const owns = (c: Context<SimEnv>, img: GlanceImage) => c.get("auth").isAdmin || img.owner === c.get("auth").projectId;

  app.get("/v2/info/import", () =>
    Response.json(
      { "import-methods": { description: "Import methods available.", type: "array", value: glanceConfig(state).enabled_import_methods } },
      { headers: { "x-openstack-request-id": requestId() } },
    ),
  );

  app.put("/v2/images/:id/stage", async (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    if (!owns(c, img)) return glanceError(c, 403, "You do not own this image");
    if (img.status !== "queued") return glanceError(c, 409, `Image status transition from ${img.status} to uploading is not allowed`);
    const data = new Uint8Array(await c.req.arrayBuffer());
    const md5 = createHash("md5").update(data).digest("hex");
    keepImageData(state, img.id, md5, data);
    const staged = {
      size: data.length,
      md5,
      sha512: createHash("sha512").update(data).digest("hex"),
      virtualSize: img.disk_format === "qcow2" ? qcow2VirtualSize(data) : img.disk_format === "raw" ? data.length : null,
    };
    glanceImages(state).put({ ...img, status: "uploading", size: data.length, staged, updated: state.clock.now() });
    return empty(204);
  });

  app.post("/v2/images/:id/import", async (c) => {
    let body: any;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return glanceError(c, 400, "Malformed JSON in request body.");
    }
    const method = body?.method?.name;
    if (!body?.method) return glanceError(c, 400, "Import request requires a 'method' field.");
    const enabled = glanceConfig(state).enabled_import_methods;
    if (!enabled.includes(method)) return glanceError(c, 400, `Unknown import method name '${method}'.`);
    const found = load(c);
    if (!found) return glanceError(c, 404, notFound(c.req.param("id")));
    const img = settleImport(state, found);
    const a = c.get("auth");
    if (method === "copy-image") {
      if (!a.isAdmin) return glanceError(c, 403, "You are not authorized to complete copy_image action.");
      return glanceError(c, 400, "Image is already present at store 'ceph'");
    }
    if (img.status === "active" || img.status === "importing" || img.status === "saving")
      return glanceError(c, 409, `Image with status ${img.status} cannot be target for import`);
    if (!owns(c, img)) return glanceError(c, 403, "You do not own this image");
    if (method === "glance-direct" && img.status !== "uploading")
      return glanceError(c, 409, "Image needs to be staged before 'glance-direct' method can be used");
    if (method === "web-download" && img.status !== "queued")
      return glanceError(c, 409, `Image with status ${img.status} cannot be target for import`);
    const uri = body.method.uri;
    if (method === "web-download" && !passesImportFilter(uri))
      return glanceError(c, 400, `URI for web-download does not pass filtering: ${uri ?? "None"}`);
    const now = state.clock.now();
    const task: GlanceTask = {
      id: uuid(),
      image_id: img.id,
      owner: img.owner,
      user_id: a.userId,
      request_id: requestId(),
      status: "processing",
      created: now,
      updated: now,
      input: { image_id: img.id, import_req: body, backend: ["ceph"] },
      result: null,
      message: "",
    };
    glanceTasks(state).put(task);
    glanceImages(state).put({
      ...img,
      status: "importing",
      properties: { ...img.properties, os_glance_import_task: task.id, os_glance_importing_to_stores: "ceph", os_glance_failed_import: "" },
      importing: { taskId: task.id, method, readyAt: now + state.clock.ms(importSeconds(img.staged?.size ?? 0)), uri },
      updated: now,
    });
    return empty(202);
  });

  app.get("/v2/images/:id/tasks", (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, "The resource could not be found.");
    settleImport(state, img);
    const tasks = glanceTasks(state)
      .all()
      .filter((t) => t.image_id === img.id)
      .sort((x, y) => y.created - x.created)
      .map(taskView);
    return Response.json({ tasks }, { headers: { "x-openstack-request-id": requestId() } });
  });
}
