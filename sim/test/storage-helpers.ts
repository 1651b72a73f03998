import { readFileSync } from "node:fs";
import type { OsSession } from "./os-session";
import { target } from "../../tests/target";

/** Upstream samples vendored under sim/test/samples/<service>/ (provenance in each SOURCES.tsv). */
export const sample = (path: string) => JSON.parse(readFileSync(new URL(`./samples/${path}`, import.meta.url), "utf8"));

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until `done` holds, recording every distinct value seen. */
export async function pollUntil<T>(
  fn: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs = 30_000,
  everyMs = 40,
): Promise<{ last: T; seen: T[] }> {
  const seen: T[] = [];
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (!seen.length || JSON.stringify(seen[seen.length - 1]) !== JSON.stringify(v)) seen.push(v);
    if (done(v)) return { last: v, seen };
    if (Date.now() > end) throw new Error(`timed out; seen ${JSON.stringify(seen)}`);
    await sleep(everyMs);
  }
}

export const nova = (s: OsSession, path: string, mv = "2.1", init: RequestInit & { json?: unknown } = {}) =>
  s.call("compute", path, { ...init, headers: { "OpenStack-API-Version": `compute ${mv}`, ...(init.headers as Record<string, string>) } });
export const cinder = (s: OsSession, path: string, mv = "3.0", init: RequestInit & { json?: unknown } = {}) =>
  s.call("volumev3", path, { ...init, headers: { "OpenStack-API-Version": `volume ${mv}`, ...(init.headers as Record<string, string>) } });
export const glance = (s: OsSession, path: string, init: RequestInit & { json?: unknown } = {}) => s.call("image", path, init);

/** The dashboard's login: the real tier's from endpoints.json; the sim's admin shares the cloud admin's password. */
export const cephCredentials = (): { username: string; password: string } =>
  target.real
    ? { username: target.real.ceph.username, password: target.real.ceph.password }
    : { username: "admin", password: process.env.SIM_CEPH_PASSWORD ?? target.users.admin.password };

/** A Ceph Dashboard session (POST /api/auth) against the catalog's ceph-dashboard endpoint. */
export async function cephLogin(s: OsSession) {
  const base = s.endpoint("ceph-dashboard");
  const res = await fetch(`${base}/api/auth`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/vnd.ceph.api.v1.0+json" },
    body: JSON.stringify(cephCredentials()),
  });
  if (res.status !== 201) throw new Error(`ceph auth ${res.status}: ${await res.text()}`);
  const { token } = await res.json();
  return (path: string, init: RequestInit & { version?: string; json?: unknown } = {}) => {
    const { version = "1.0", json, ...rest } = init;
    const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: `application/vnd.ceph.api.v${version}+json` };
    if (json !== undefined) headers["Content-Type"] = "application/json";
    return fetch(`${base}${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
  };
}

/** Sets the value at a dotted path (with [] for every array element) to `v` in place. */
export function setAt(obj: any, path: string, v: unknown): void {
  const [head, ...rest] = path.split(".");
  if (obj === null || typeof obj !== "object") return;
  if (head.endsWith("[]")) {
    const arr = obj[head.slice(0, -2)];
    if (Array.isArray(arr)) for (const el of arr) rest.length ? setAt(el, rest.join("."), v) : undefined;
    return;
  }
  if (!(head in obj)) return;
  if (rest.length) setAt(obj[head], rest.join("."), v);
  else obj[head] = typeof v === "function" ? (v as (x: unknown) => unknown)(obj[head]) : v;
}
