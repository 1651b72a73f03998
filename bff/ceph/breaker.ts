import { ApiError } from "../errors";

/**
 * A circuit breaker per Ceph Dashboard URL. A refused, reset or timed-out connection means the manager
 * is down or dying (ceph-mgr aborts take the dashboard with them, and each new call can hit the next
 * standby); the BFF then stops calling that URL for `openMs` and answers 503 ceph_unavailable at once.
 */
export interface CephOutage {
  url: string;
  cause: string;
  since: number;
  until: number;
}

const outages = new Map<string, CephOutage>();
export const BREAKER_OPEN_MS = 30_000;

/** Why the dashboard is unavailable: the UI renders `lineage.ceph.<reason>` with these params. */
export type CephUnavailableReason = "not_configured" | "not_answering" | "paused" | "login_refused";
export interface CephUnavailableDetails {
  reason: CephUnavailableReason;
  url?: string;
  cause?: string;
  retryAfterS?: number;
}

/**
 * 503 while the BFF holds off (not configured, paused, refused credentials); a dashboard that is not answering is a
 * gateway failure like any other service's: 504 after a timeout, 502 otherwise.
 */
export function cephUnavailable(message: string, details: CephUnavailableDetails): ApiError {
  const status = details.reason !== "not_answering" ? 503 : details.cause === "timeout" ? 504 : 502;
  return new ApiError(status, "ceph_unavailable", message, { service: "ceph", details });
}

/** Throws 503 (reason "paused") while the breaker for `url` is open. */
export function assertClosed(url: string, now = Date.now()): void {
  const o = outages.get(url);
  if (!o) return;
  if (o.until <= now) {
    outages.delete(url);
    return;
  }
  const retryAfterS = Math.ceil((o.until - now) / 1000);
  throw cephUnavailable(
    `The Ceph Dashboard at ${url} stopped answering (${o.cause}); the BFF is not calling it again for ${retryAfterS} s.`,
    { reason: "paused", url, cause: o.cause, retryAfterS },
  );
}

/** Opens the breaker for `url` after a connection failure. */
export function trip(url: string, cause: string, now = Date.now(), openMs = BREAKER_OPEN_MS): CephOutage {
  const o = { url, cause, since: now, until: now + openMs };
  outages.set(url, o);
  return o;
}

/** A connection-level failure (refused, reset, timed out) that must open the breaker, or null. */
export function connectionFailure(e: unknown): string | null {
  if (!(e instanceof ApiError) || e.extra.service !== "ceph") return null;
  if (e.code === "upstream_timeout") return "timeout";
  if (e.code !== "upstream_unreachable") return null;
  const cause = (e.extra.details as { cause?: unknown } | undefined)?.cause;
  return typeof cause === "string" ? cause : "unknown";
}

/** For tests: forget every outage. */
export function resetBreakers(): void {
  outages.clear();
}
