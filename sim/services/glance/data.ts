import type { Context, Hono } from "hono";
import type { SimState } from "../../core/state";
import { requestId } from "../../core/ids";
import type { SimEnv } from "../keystone/token-auth";
import { glanceError, notFound } from "./errors";
import { glanceImages, type GlanceImage } from "./model";

/** The largest upload whose bytes are kept for download, and the bound on all kept bytes of one sim. */
export const KEEP_MAX_IMAGE = 64 * 1024 * 1024;
export const KEEP_MAX_TOTAL = 256 * 1024 * 1024;

interface Kept {
  md5: string;
  bytes: Uint8Array;
}
/** Per sim, in memory only (not in the store): image id → its bytes, oldest first (a Map keeps insertion order). */
const keptBySim = new WeakMap<SimState, Map<string, Kept>>();
const keptOf = (state: SimState) => {
  let m = keptBySim.get(state);
  if (!m) keptBySim.set(state, (m = new Map()));
  return m;
};

/**
 * Keeps an uploaded image's bytes so GET .../file can answer with them: only an upload of at most KEEP_MAX_IMAGE,
 * and the oldest kept images are forgotten while all kept bytes exceed KEEP_MAX_TOTAL. What is not kept (larger
 * uploads, forgotten ones, the scenario's seeded images, which are sizes without bytes) is answered 501.
 */
export function keepImageData(
  state: SimState,
  id: string,
  md5: string,
  bytes: Uint8Array,
  bounds = { image: KEEP_MAX_IMAGE, total: KEEP_MAX_TOTAL },
): void {
  const kept = keptOf(state);
  kept.delete(id);
  if (bytes.length > bounds.image) return;
  kept.set(id, { md5, bytes });
  let total = 0;
  for (const k of kept.values()) total += k.bytes.length;
  for (const [oldest, k] of kept) {
    if (total <= bounds.total) break;
    kept.delete(oldest);
    total -= k.bytes.length;
  }
}

export const forgetImageData = (state: SimState, id: string) => keptOf(state).delete(id);

/** The bytes of `img`, when kept and still its data (the checksum matches: a reset that reuses an id does not). */
export function dataOf(state: SimState, img: Pick<GlanceImage, "id" | "checksum">): Uint8Array | undefined {
  const k = keptOf(state).get(img.id);
  return k && k.md5 === img.checksum ? k.bytes : undefined;
}

/**
 * GET /v2/images/{id}/file and the deactivate/reactivate actions, as Zed's glance-api answers them (measured on the
 * real tier): 200 application/octet-stream with Content-MD5 (the checksum) and Content-Length; 204 for an image
 * without data (queued); 403 for a deactivated image unless admin; 404 for an image the caller cannot see. An owner
 * or admin may deactivate an active image (again: 204) and reactivate it; a queued image cannot be either (403).
 */
export function registerImageData(app: Hono<SimEnv>, state: SimState, load: (c: Context<SimEnv>) => GlanceImage | undefined) {
  const none = (status: number) => new Response(null, { status, headers: { "x-openstack-request-id": requestId() } });

  app.get("/v2/images/:id/file", (c) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id")));
    if (img.status === "queued") return none(204);
    if (img.status === "deactivated" && !c.get("auth").isAdmin)
      return glanceError(c, 403, "The requested image has been deactivated. Image data download is forbidden.");
    const bytes = dataOf(state, img);
    if (!bytes)
      return glanceError(
        c,
        501,
        `The sim keeps the data of images up to ${KEEP_MAX_IMAGE / 1024 / 1024} MiB uploaded to it (${KEEP_MAX_TOTAL / 1024 / 1024} MiB in all); image ${img.id} has none kept.`,
      );
    return new Response(bytes as Uint8Array<ArrayBuffer>, {
      status: 200,
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-MD5": img.checksum ?? "",
        "Content-Length": String(bytes.length),
        "x-openstack-request-id": requestId(),
      },
    });
  });

  const action = (to: "active" | "deactivated", verb: "deactivate" | "reactivate") => (c: Context<SimEnv>) => {
    const img = load(c);
    if (!img) return glanceError(c, 404, notFound(c.req.param("id") ?? ""));
    const a = c.get("auth");
    if (!a.isAdmin && img.owner !== a.projectId) return glanceError(c, 403, `You are not authorized to complete ${verb} action.`);
    if (img.status !== "active" && img.status !== "deactivated")
      return glanceError(c, 403, `Not allowed to ${verb} image in status '${img.status}'`);
    glanceImages(state).put({ ...img, status: to, updated: state.clock.now() });
    return none(204);
  };
  app.post("/v2/images/:id/actions/deactivate", action("deactivated", "deactivate"));
  app.post("/v2/images/:id/actions/reactivate", action("active", "reactivate"));
}
