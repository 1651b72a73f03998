import { ApiError } from "../errors";
import { noteUpstreamRequestId } from "../lib/request-context";
import { createTtlCache } from "../lib/ttl-cache";
import { bodyText, upstreamError, type Http, type UpstreamRequest } from "../openstack/http";
import { BREAKER_OPEN_MS, assertClosed, cephUnavailable, connectionFailure, trip } from "./breaker";

const V1 = "application/vnd.ceph.api.v1.0+json";

export interface CephImage {
  name: string;
  pool_name: string;
  size: number;
  id?: string;
  parent: { pool_name: string; image_name: string; snap_name: string } | null;
  snapshots: { name: string; size?: number; is_protected: boolean | null; children?: { pool_name: string; image_name: string }[] }[];
  /** Bytes allocated by the image head, and with its snapshots (null without fast-diff). */
  disk_usage?: number | null;
  total_disk_usage?: number | null;
}
/** One change the BFF asks the dashboard to make; never retried. */
export type CephMutation =
  | { op: "flatten"; pool: string; name: string }
  | { op: "unprotect"; pool: string; name: string; snap: string }
  | { op: "delete-snapshot"; pool: string; name: string; snap: string }
  | { op: "delete-image"; pool: string; name: string };

/**
 * The Ceph Dashboard's own id for a request that failed, when it gave one. It sends no request-id header; CherryPy's
 * error pages (`error_page.default`, set by the dashboard's debug plugin: 401, 403, 404, 405, an unhandled 500) carry
 * `request_id` (cherrypy.request.unique_id, a UUID) in the JSON body. Its DashboardException bodies ({detail, code,
 * component}: most 400s and RADOS/RBD errors) carry none. The id goes onto the request's log line as well.
 */
export function cephRequestId(text: string): string | undefined {
  let id: unknown;
  try {
    id = (JSON.parse(text) as { request_id?: unknown } | null)?.request_id;
  } catch {
    return undefined;
  }
  if (typeof id !== "string" || !/^[\w-]{1,64}$/.test(id)) return undefined;
  noteUpstreamRequestId("ceph", id);
  return id;
}

const TOKEN_MS = 60 * 60_000;
/**
 * Dashboard tokens by URL and user, single-flight (concurrent reads with a cold token share one login). A token is
 * used until a minute before its hour is up, so a change never starts with a token about to lapse.
 */
const tokens = createTtlCache<string>({ ttlMs: TOKEN_MS - 60_000, max: 64 });
const fsids = new Map<string, { fsid: string; until: number }>();
const FSID_MS = 5 * 60_000;

/**
 * The Ceph Dashboard REST API with the BFF's own service credentials (deps.ceph). Logs in once per URL
 * and user, re-logs in on a 401; the cluster fsid is cached for five minutes.
 *
 * No call is ever retried by the HTTP layer: a refused or reset connection usually means ceph-mgr died,
 * and a retry can kill the standby that took over. Such a failure opens the breaker (breaker.ts) for
 * this URL for `pauseMs` (the breaker cool-down, ZENITH_BREAKER_COOLDOWN_MS); until it closes every call answers
 * 503 ceph_unavailable without touching the network.
 *
 * The image list (GET /api/block/image) is deliberately absent: Pacific's RbdService.rbd_pool_list runs
 * _rbd_image with usage for every image (fast-diff diff_iterate), which aborts ceph-mgr on a 0-byte image
 * with a snapshot. Reads go image by image with omit_usage=true instead (see lineage/discover.ts).
 */
export function createCephDashboard(http: Http, baseUrl: string, creds: { username: string; password: string }, pauseMs = BREAKER_OPEN_MS) {
  const base = baseUrl.replace(/\/+$/, "");
  const key = `${base}|${creds.username}`;

  /** One request, never retried; connection failures open the breaker and become ceph_unavailable (502, or 504 on a timeout). */
  async function send(req: Omit<UpstreamRequest, "service" | "retry">): Promise<Response> {
    assertClosed(base);
    try {
      return await http.raw({ ...req, service: "ceph", retry: false });
    } catch (e) {
      // The HTTP layer's breaker for the dashboard (5xx in a row) pauses it the same way as this one.
      if (e instanceof ApiError && e.code === "upstream_circuit_open") {
        const retryAfterS = (e.extra.details as { retryAfterS?: number } | undefined)?.retryAfterS;
        throw cephUnavailable(e.message, { reason: "paused", url: base, cause: "circuit_open", retryAfterS });
      }
      const cause = connectionFailure(e);
      if (cause === null) throw e;
      trip(base, cause, Date.now(), pauseMs);
      throw cephUnavailable(`The Ceph Dashboard is registered at ${base} but is not answering (${cause}).`, {
        reason: "not_answering",
        url: base,
        cause,
      });
    }
  }

  /** The cached token, or the one login in flight for this dashboard and user. */
  const token = () => tokens.get(key, login);
  /** After a 401: the token is stale; log in again. */
  const relogin = () => {
    tokens.delete(key);
    return token();
  };

  async function login(): Promise<string> {
    const res = await send({
      method: "POST",
      url: `${base}/api/auth`,
      headers: { Accept: V1 },
      json: { username: creds.username, password: creds.password },
    });
    const text = await res.text();
    if (res.status === 400 || res.status === 401)
      throw cephUnavailable(`The Ceph Dashboard at ${base} refused the BFF's credentials (ZENITH_CEPH_USER / ZENITH_CEPH_PASSWORD).`, {
        reason: "login_refused",
        url: base,
      });
    if (!res.ok) throw upstreamError("ceph", res.status, text, cephRequestId(text));
    return (JSON.parse(text) as { token: string }).token;
  }

  async function get<T>(path: string, accept = V1): Promise<T | null> {
    let bearer = await token();
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await send({ url: `${base}${path}`, headers: { Accept: accept, Authorization: `Bearer ${bearer}` } });
      // Drain, never `await body.cancel()`: under Next's runtime that waits for the upstream timeout (30 s).
      if (res.status === 401 && attempt === 0) {
        await res.text().catch(() => "");
        bearer = await relogin();
        continue;
      }
      if (res.status === 404) {
        await res.text().catch(() => "");
        return null;
      }
      if (!res.ok) {
        const text = await res.text();
        throw new ApiError(502, "upstream_error", `Ceph Dashboard answered ${res.status} on ${path}: ${text.slice(0, 200)}`, {
          service: "ceph",
          upstreamRequestId: cephRequestId(text),
        });
      }
      return JSON.parse(await bodyText("ceph", res)) as T;
    }
    throw new ApiError(502, "upstream_error", "Ceph Dashboard rejected the BFF's credentials twice", { service: "ceph" });
  }

  const specPath = (pool: string, name: string) => `/api/block/image/${encodeURIComponent(`${pool}/${name}`)}`;

  /**
   * A non-GET, never retried once the dashboard has taken it: any non-2xx is an error naming the dashboard.
   * A 401 means the request was refused before it ran (a stale token), so it is sent again after a new login.
   */
  async function mutate(m: CephMutation): Promise<void> {
    let bearer = await token();
    const base0 = specPath(m.pool, m.name);
    const req =
      m.op === "flatten"
        ? { method: "POST", path: `${base0}/flatten` }
        : m.op === "unprotect"
          ? { method: "PUT", path: `${base0}/snap/${encodeURIComponent(m.snap)}`, json: { is_protected: false } }
          : m.op === "delete-snapshot"
            ? { method: "DELETE", path: `${base0}/snap/${encodeURIComponent(m.snap)}` }
            : { method: "DELETE", path: base0 };
    const once = () =>
      send({ method: req.method, url: `${base}${req.path}`, json: req.json, headers: { Accept: V1, Authorization: `Bearer ${bearer}` } });
    let res = await once();
    if (res.status === 401) {
      await res.text().catch(() => "");
      bearer = await relogin();
      res = await once();
    }
    const text = await res.text();
    if (!res.ok) throw upstreamError("ceph", res.status, text, cephRequestId(text));
  }

  return {
    mutate,
    /** The cluster's own fsid, from the monitor map (GET /api/monitor). */
    async fsid(): Promise<string> {
      const hit = fsids.get(base);
      if (hit && hit.until > Date.now()) return hit.fsid;
      const body = await get<{ mon_status?: { monmap?: { fsid?: string } } }>("/api/monitor");
      const fsid = body?.mon_status?.monmap?.fsid;
      if (!fsid)
        throw new ApiError(502, "upstream_error", "Ceph Dashboard /api/monitor has no mon_status.monmap.fsid", { service: "ceph" });
      fsids.set(base, { fsid, until: Date.now() + FSID_MS });
      return fsid;
    },
    /**
     * One RBD image (size, parent, snapshots with protection and children), or null when it does not exist.
     * `omit_usage=true` makes RbdService._rbd_image skip _rbd_disk_usage (no diff_iterate); the answer's
     * disk_usage / total_disk_usage are then null.
     */
    image: (pool: string, name: string) => get<CephImage>(`${specPath(pool, name)}?omit_usage=true`),
    /**
     * The same image with the dashboard's usage figures (fast-diff diff_iterate over every snapshot and the head).
     * Only for images the caller has proven diff-safe (see lineage/usage-policy.ts): never for a 0-byte image.
     */
    imageWithUsage: (pool: string, name: string) => get<CephImage>(specPath(pool, name)),
  };
}
export type CephDashboard = ReturnType<typeof createCephDashboard>;
