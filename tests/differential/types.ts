/** The differential suite's vocabulary: one raw request, sent as one user to both targets. */
export type Who = "admin" | "member" | "other" | "anon";
/** "ceph" is the Ceph Dashboard (catalog type ceph-dashboard); its users are admin (a dashboard token) and anon. */
export type Service = "identity" | "compute" | "network" | "image" | "volumev3" | "ceph";

export interface Probe {
  /** Unique, stable name: "<service>.<route>.<case>"; the allow-list refers to it. */
  id: string;
  service: Service;
  method: string;
  /** Path under the service's catalog URL; {name} placeholders come from the run's fixtures. */
  path: string;
  user: Who;
  /** JSON body (stringified with a Content-Length), or a raw string body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the body with Transfer-Encoding: chunked and no Content-Length. */
  chunked?: boolean;
  /**
   * Before sending, read this path (GET, as the probe's user) on each target until `until` holds (up to 180 s): for a
   * probe whose answer depends on an earlier probe's asynchronous work having finished (Cinder's extend).
   */
  settle?: { path: string; until: (body: any) => boolean };
  /** Use the catalog's URL as it is (Cinder: without the project id the BFF adds). */
  bare?: boolean;
  /** After a success, the request that deletes what it created (placeholders from the response as {created.id}). */
  cleanup?: {
    method: string;
    path: string;
    user?: Who;
    headers?: Record<string, string>;
    idFrom: (body: any, location: string | null) => string | undefined;
  };
}

/** What is compared of one response; equal signatures mean the sim answered as the real service did. */
export interface Signature {
  status: number;
  /** "json" | "html" | "text" | "empty". */
  kind: string;
  /** Errors: the body's shape, e.g. `forbidden{code,message}`, `error{code,message,title}`, `NeutronError{detail,message,type}`. */
  errorShape?: string;
  /** 403s: the message, with ids masked (policy texts must match). */
  message?: string;
  /** Successes: the top-level keys of the JSON body. */
  keys?: string;
  /** Headers clients rely on: microversion values, request id and Location presence. */
  headers: Record<string, string>;
}
