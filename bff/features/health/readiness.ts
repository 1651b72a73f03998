import { ApiError } from "../../errors";
import type { Http } from "../../openstack/http";
import type { Readiness } from "./schema";

/** How long readiness waits for Keystone: a probe must answer well within a load balancer's check interval. */
export const READY_TIMEOUT_MS = 3000;

/**
 * Whether the cloud is reachable: Keystone's version document at the configured auth URL answers (any status
 * below 500; it needs no token). Not retried: a probe reports what it saw.
 */
export async function readiness(http: Http, authUrl: string, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  try {
    const res = await http.raw({ service: "identity", url: authUrl, retry: false, breaker: false, timeoutMs });
    await res.text().catch(() => "");
    const ok = res.status < 500;
    return { ready: ok, checks: { identity: { ok, status: res.status, code: ok ? null : "upstream_error" } } };
  } catch (e) {
    return { ready: false, checks: { identity: { ok: false, status: null, code: e instanceof ApiError ? e.code : "internal" } } };
  }
}
