import { createApp } from "../app";
import type { BffDeps } from "../deps";
import type { UpstreamCall } from "../openstack/http";
import { target } from "../../tests/target";
import { SESSION_COOKIE } from "../session/cookie";

export const TEST_SECRET = "zenith-test-secret-0123456789abcdef";
export const APP_ORIGIN = "http://127.0.0.1:3000";

/** BFF deps pointed at the target under test (sim or real), with a call log for count assertions. */
export function testDeps(overrides: Partial<BffDeps> = {}): BffDeps & { calls: UpstreamCall[] } {
  const calls: UpstreamCall[] = [];
  return {
    cloud: {
      authUrl: target.authUrl,
      region: target.region,
      interface: "public",
      source: "ZENITH_AUTH_URL",
      userDomain: "Default",
      projectDomain: "Default",
    },
    sessionSecret: TEST_SECRET,
    fetch: (r, init) => globalThis.fetch(r, init),
    upstreamTimeoutMs: 30_000,
    tokenCacheMs: 30_000,
    allowedOrigins: [],
    ceph: { username: target.real?.ceph?.username ?? "admin", password: target.real?.ceph?.password ?? "zenith-ceph" },
    nova: {
      blockDeviceAllocateRetries: target.real?.nova?.blockDeviceAllocateRetries ?? 60,
      blockDeviceAllocateRetriesInterval: target.real?.nova?.blockDeviceAllocateRetriesInterval ?? 3,
    },
    // The sim's Glance runs image_conversion (output_format raw); the real tier's does not.
    glanceConversion: target.real ? undefined : "raw",
    onUpstreamCall: (c) => calls.push(c),
    calls,
    ...overrides,
  };
}

/** A browser-like client of the BFF: keeps the cookie, sends the CSRF header on state changes. */
export function createAgent(deps = testDeps()) {
  const app = createApp(deps);
  // A cookie jar: the session cookie, and the last-project cookie that outlives sign-outs.
  const jar = new Map<string, string>();
  async function request(method: string, path: string, opts: { json?: unknown; headers?: Record<string, string>; csrf?: boolean } = {}) {
    const headers: Record<string, string> = { ...opts.headers };
    if (jar.size) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    if (method !== "GET" && opts.csrf !== false) headers["x-zenith-request"] = "1";
    if (opts.json !== undefined) headers["content-type"] = "application/json";
    const res = await app.request(`http://127.0.0.1:3000${path}`, {
      method,
      headers,
      body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
    });
    const set = res.headers.get("set-cookie");
    for (const one of res.headers.getSetCookie()) {
      const pair = one.split(";")[0];
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
      if (!value || /Max-Age=0/i.test(one)) jar.delete(name);
      else jar.set(name, value);
    }
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* text */
    }
    return { status: res.status, body, headers: res.headers, setCookie: set };
  }
  return {
    app,
    deps,
    get: (path: string, opts?: { headers?: Record<string, string> }) => request("GET", path, opts),
    post: (path: string, json?: unknown, opts?: { headers?: Record<string, string>; csrf?: boolean }) =>
      request("POST", path, { json, ...opts }),
    request,
    /** The session cookie as `name=value`, or "". */
    cookie: () => (jar.has(SESSION_COOKIE) ? `${SESSION_COOKIE}=${jar.get(SESSION_COOKIE)}` : ""),
    setCookie: (c: string) => {
      const at = c.indexOf("=");
      jar.set(c.slice(0, at), c.slice(at + 1));
    },
    /** Every cookie the browser holds, by name. */
    cookies: () => new Map(jar),
    login: async (who: "admin" | "demo", project?: string) => {
      const u = target.users[who];
      const res = await request("POST", "/api/auth/login", {
        json: { username: u.username, password: u.password, ...(project ? { project } : {}) },
      });
      if (res.status !== 200) throw new Error(`login as ${who} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
  };
}

/** Direct Keystone calls, to check what Keystone itself thinks (not through the BFF). */
export async function keystoneToken(who: "admin" | "demo"): Promise<{ token: string; body: any }> {
  const u = target.users[who];
  const res = await fetch(`${target.authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: u.username, domain: { name: u.userDomain }, password: u.password } } },
        scope: { project: { name: u.project, domain: { name: "Default" } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`Keystone login as ${who}: ${res.status} ${await res.text()}`);
  return { token: res.headers.get("x-subject-token")!, body: (await res.json()).token };
}
