import { AsyncLocalStorage } from "node:async_hooks";

/** One upstream call made while serving a request, as the request's log line lists it. */
export interface UpstreamCallLog {
  service: string;
  method: string;
  path: string;
  status: number | "error";
  ms: number;
  upstreamRequestId?: string;
}

/**
 * What the BFF knows about the request it is serving, wherever the code runs: the request id (sent upstream as
 * X-OpenStack-Request-ID, so Keystone, Nova, Glance, Cinder and Neutron log it as their global_request_id), the
 * BFF route it matched (the label of the upstream metrics) and the upstream calls made for it (its log line).
 */
export interface RequestContext {
  requestId: string;
  route: string;
  calls: UpstreamCallLog[];
  /** The envelope's code and service when the answer was an error (set by handleError). */
  error?: { code: string; service?: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext | undefined => storage.getStore();
export const withRequest = <T>(ctx: RequestContext, fn: () => T): T => storage.run(ctx, fn);

/**
 * A service's request id that came in its body rather than a header (the Ceph Dashboard's error pages): onto the
 * request's log line, on the latest call to that service that has none.
 */
export function noteUpstreamRequestId(service: string, id: string): void {
  const calls = currentRequest()?.calls ?? [];
  for (let i = calls.length - 1; i >= 0; i--) {
    if (calls[i].service !== service) continue;
    calls[i].upstreamRequestId ??= id;
    return;
  }
}

/** oslo.middleware's request_id accepts a client-supplied global id only in this form (ID_FORMAT). */
export const REQUEST_ID_FORMAT = /^req-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

/** The caller's request id when it has the form OpenStack accepts, otherwise a new one. */
export function requestIdFrom(header: string | undefined | null, make: () => string): string {
  return header && REQUEST_ID_FORMAT.test(header) ? header : `req-${make()}`;
}
