import type { App } from "../../app";
import { SESSION_COOKIE } from "../../session/cookie";
import { LAST_PROJECT_COOKIE } from "../../session/last-project";
import type { FuzzRequest } from "./request-arbitrary";

/** What one fuzzed request got back, reduced to what the invariants look at. */
export interface FuzzOutcome {
  status: number;
  crashed?: string;
  body?: any;
  contentType?: string;
  cookies?: string[];
  headerNames?: string[];
}

export interface FuzzTally {
  requests: number;
  byStatus: Record<string, number>;
  byRoute: Record<string, Record<string, number>>;
  byCaller: Record<string, number>;
  /** A request that broke an invariant, with what it got. */
  violations: { request: FuzzRequest; outcome: FuzzOutcome; why: string }[];
}

export const newTally = (): FuzzTally => ({ requests: 0, byStatus: {}, byRoute: {}, byCaller: {}, violations: [] });

/** The session cookies the sender attaches for each kind of caller; renewed when a fuzzed request ends one. */
export interface Sessions {
  member: string;
  admin: string;
}

/**
 * Sends one fuzzed request to the in-process BFF as its caller would: the caller's cookie, the CSRF header for a
 * session (not for admin-no-csrf), a foreign Origin for member-foreign-origin. An event stream that opens is
 * closed at once. Returns what came back; a throw out of the app is a crash.
 */
export async function send(app: App, r: FuzzRequest, sessions: Sessions): Promise<FuzzOutcome> {
  const headers: Record<string, string> = { ...r.headers };
  const session =
    r.caller === "member" || r.caller === "member-foreign-origin"
      ? sessions.member
      : r.caller === "admin" || r.caller === "admin-no-csrf"
        ? sessions.admin
        : undefined;
  if (session) headers.cookie = `${SESSION_COOKIE}=${session}`;
  if (r.caller === "forged-cookie") headers.cookie = `${SESSION_COOKIE}=${r.forgedCookie ?? ""}`;
  if (session && r.caller !== "admin-no-csrf" && !("x-zenith-request" in r.headers)) headers["x-zenith-request"] = "1";
  if (r.caller === "member-foreign-origin") headers.origin = "http://evil.example";
  // HTTP carries header values as bytes without CR, LF or NUL: anything else is percent-encoded as a client would.
  for (const [k, v] of Object.entries(headers))
    headers[k] = v.replace(/[^\t\x20-\x7e\x80-\xff]/gu, (ch) => encodeURIComponent(ch.replace(/[\uD800-\uDFFF]/g, "\uFFFD")));
  const abort = new AbortController();
  let res: Response;
  try {
    res = await app.request(`http://127.0.0.1:3000${r.url}`, {
      method: r.method,
      headers,
      body: ["GET", "HEAD"].includes(r.method) ? undefined : r.body,
      signal: abort.signal,
    });
  } catch (e) {
    return { status: 0, crashed: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) };
  }
  const contentType = res.headers.get("content-type") ?? "";
  const cookies = res.headers.getSetCookie().map((c) => c.slice(0, c.indexOf("=")));
  const headerNames = [...res.headers.keys()];
  if (contentType.startsWith("text/event-stream")) {
    abort.abort();
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, contentType, cookies, headerNames };
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* keep the text */
  }
  return { status: res.status, body, contentType, cookies, headerNames };
}

/**
 * 4xx answers about who is asking, the cloud's or the deployment's state, or load — not about one input field: the
 * role (403 forbidden), an ended session, too many streams or sign-ins (429), and conflicts with current state (409).
 */
const NOT_ABOUT_A_FIELD = new Set(["forbidden", "session_expired", "too_many_streams", "rate_limited"]);
const aboutState = (status: number) => status === 409 || status === 429;

/**
 * The invariants: no crash, no 5xx, and every 4xx is the one error envelope; one that rejects the request's input
 * names the field (`field`), and one an upstream service answered names the service.
 */
export function check(r: FuzzRequest, o: FuzzOutcome): string | undefined {
  if (o.crashed) return `crashed: ${o.crashed}`;
  if (o.status >= 500) return `answered ${o.status}`;
  // Header injection: nothing the request carried may become a response header or a cookie of ours.
  const strange = (o.cookies ?? []).filter((n) => ![SESSION_COOKIE, `__Host-${SESSION_COOKIE}`, LAST_PROJECT_COOKIE].includes(n));
  if (strange.length) return `set foreign cookies ${strange.join(", ")}`;
  if ((o.headerNames ?? []).some((h) => h.startsWith("x-injected"))) return "reflected an injected header";
  if (o.status < 400 || r.method === "HEAD") return undefined;
  const b = o.body as Record<string, unknown> | null;
  if (!b || typeof b !== "object" || typeof b.code !== "string" || typeof b.message !== "string" || typeof b.requestId !== "string")
    return `${o.status} without the error envelope`;
  if (typeof b.service === "string" || NOT_ABOUT_A_FIELD.has(b.code) || aboutState(o.status)) return undefined;
  if (typeof b.field !== "string" || !b.field) return `${o.status} ${b.code} does not name the field`;
  return undefined;
}

export function record(t: FuzzTally, r: FuzzRequest, o: FuzzOutcome): void {
  t.requests++;
  const s = o.crashed ? "crash" : String(o.status);
  t.byStatus[s] = (t.byStatus[s] ?? 0) + 1;
  t.byCaller[r.caller] = (t.byCaller[r.caller] ?? 0) + 1;
  const route = (t.byRoute[r.route] ??= {});
  route[s] = (route[s] ?? 0) + 1;
  const why = check(r, o);
  if (why)
    t.violations.push({
      request: { ...r, body: r.body && r.body.length > 300 ? `${r.body.slice(0, 300)}… (${r.body.length} chars)` : r.body },
      outcome: o,
      why,
    });
}

/** The tally as a few printable lines. */
export function formatTally(t: FuzzTally): string {
  const lines = [
    `fuzz: ${t.requests} requests, ${t.violations.length} violations`,
    `by status: ${JSON.stringify(t.byStatus)}`,
    `by caller: ${JSON.stringify(t.byCaller)}`,
    "by route:",
  ];
  for (const [route, s] of Object.entries(t.byRoute).sort()) lines.push(`  ${route.padEnd(48)} ${JSON.stringify(s)}`);
  return lines.join("\n");
}
