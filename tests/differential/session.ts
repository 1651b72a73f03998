import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Service, Who } from "./types";

/** One user's Keystone session on one target: its token, ids and the catalog's public URLs. */
export interface Session {
  token: string;
  userId: string;
  projectId: string;
  urls: Record<string, string>;
}
export interface Creds {
  username: string;
  password: string;
  userDomain: string;
  project: string;
}

const TIMEOUT = 60_000;
/** How long a refused connection is retried (a real-tier service restarting under another engineer's test). */
const REFUSED_WAIT_MS = 180_000;

export async function login(authUrl: string, u: Creds): Promise<Session> {
  const res = await fetch(`${authUrl}/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: u.username, domain: { name: u.userDomain }, password: u.password } } },
        scope: { project: { name: u.project, domain: { name: "Default" } } },
      },
    }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  if (res.status !== 201) throw new Error(`login as ${u.username} at ${authUrl}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const urls: Record<string, string> = {};
  for (const svc of body.token.catalog) {
    const e = svc.endpoints.find((x: { interface: string }) => x.interface === "public");
    if (e) urls[svc.type] = String(e.url).replace(/\/$/, "");
  }
  return { token: res.headers.get("x-subject-token")!, userId: body.token.user.id, projectId: body.token.project.id, urls };
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/**
 * A chunked request on a socket of its own, closed after the answer. A service that refuses chunked bodies may answer
 * before reading the chunks (the Ceph Dashboard's CherryPy answers 411); on a pooled keep-alive socket the unread
 * chunks would then be read as the next probe's request line ("Malformed Request-Line"), so no later probe may share it.
 */
function sendChunked(url: string, method: string, headers: Record<string, string>, text: string): Promise<Response> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = (u.protocol === "https:" ? httpsRequest : httpRequest)(
      u,
      { method, headers: { ...headers, "Transfer-Encoding": "chunked" }, agent: false, timeout: TIMEOUT },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(", ") : v);
          const status = res.statusCode ?? 0;
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: h }));
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer from ${u.host} in ${TIMEOUT} ms`)));
    req.on("error", reject);
    req.end(text);
  });
}

/** One raw request; a chunked one goes out with Transfer-Encoding: chunked and no Content-Length (sendChunked). */
export async function send(
  url: string,
  init: { method: string; token?: string; body?: unknown; headers?: Record<string, string>; chunked?: boolean },
): Promise<RawAnswer> {
  const headers: Record<string, string> = { Accept: "application/json", ...(init.token ? { "X-Auth-Token": init.token } : {}) };
  const text = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  if (text !== undefined) headers["Content-Type"] = "application/json";
  Object.assign(headers, init.headers);
  const once = () =>
    init.chunked && text !== undefined
      ? sendChunked(url, init.method, headers, text)
      : fetch(url, { method: init.method, headers, body: text, signal: AbortSignal.timeout(TIMEOUT) });
  // The real tier is shared: a service may be restarting. A refused connection sent nothing, and a read changes
  // nothing, so those are sent again while the service comes back (for up to REFUSED_WAIT_MS); any other failure
  // of a change is the answer (never sent twice).
  let res: Response | undefined;
  for (const started = Date.now(); !res; ) {
    try {
      res = await once();
    } catch (e) {
      const err = e as { code?: string; cause?: { code?: string } };
      const code = err.cause?.code ?? err.code;
      const again = code === "ECONNREFUSED" || ((init.method === "GET" || init.method === "HEAD") && code === "ECONNRESET");
      if (!again || Date.now() - started > REFUSED_WAIT_MS) throw e;
      await new Promise((ok) => setTimeout(ok, 2000));
    }
  }
  const answer = await res.text();
  let json: unknown = null;
  try {
    json = answer ? JSON.parse(answer) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text: answer, json };
}

/** The users of one target: admin and member are given; other (a member of another project) is made per run. */
export interface Users {
  sessions: Partial<Record<Who, Session>>;
  urls: Record<string, string>;
}

/**
 * A service's URL for one caller. Cinder's catalog URL carries the token's project (optional only from 3.67 on):
 * the caller's project goes there, as the BFF does; `bare` leaves it out.
 */
export const serviceUrl = (urls: Record<string, string>, s: Service, projectId?: string, bare = false): string => {
  const u = urls[s === "ceph" ? "ceph-dashboard" : s];
  if (!u) throw new Error(`no ${s} endpoint in the catalog`);
  if (s !== "volumev3") return u;
  const root = u.replace(/\/v3\/[0-9a-f-]{32,36}$/, "/v3");
  return bare || !projectId ? root : `${root}/${projectId}`;
};
