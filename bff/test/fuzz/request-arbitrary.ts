import fc from "fast-check";
import { NASTY_STRINGS, createSchemaArbitraries, deepText, hugeString, type OpenApiDoc, type Schema } from "./schema-arbitrary";

/** Who sends the request: the cookie and CSRF header are filled in by the sender, which holds the sessions. */
export type Caller = "anonymous" | "forged-cookie" | "member" | "admin" | "admin-no-csrf" | "member-foreign-origin";
export const CALLERS: Caller[] = ["anonymous", "forged-cookie", "member", "admin", "admin-no-csrf", "member-foreign-origin"];

export interface FuzzRequest {
  /** "METHOD /api/template" from the document, or the proxy's "ANY /api/openstack/{service}/{path}". */
  route: string;
  method: string;
  /** Path and query, to be sent to http://127.0.0.1:3000. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  caller: Caller;
  /** The forged cookie's value when caller is forged-cookie. */
  forgedCookie?: string;
}

export interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[];
  body?: Schema;
}

export const PROXY_ROUTE = "ANY /api/openstack/{service}/{path}";
const PROXY_SERVICES = [
  "compute",
  "image",
  "volume",
  "network",
  "identity",
  "%63ompute",
  "Compute",
  "metadata",
  "placement",
  "..",
  "%2e%2e",
  "",
  "compute%2F..",
  "identity%00",
];
const PROXY_SEGMENTS = [
  "servers",
  "detail",
  "v3",
  "users",
  "projects",
  "images",
  "v2",
  "ports",
  "networks",
  "volumes",
  "os-hypervisors",
  "auth",
  "tokens",
  "..",
  ".",
  "%2e%2e",
  "%2E",
  "%2f",
  "%2F..",
  "..%5c",
  "%5c",
  "%252e%252e",
  "..;",
  "%00",
  "%0d%0aX-Injected:%201",
  "%C0%AE%C0%AE",
  "%ff",
  "%",
  "~root",
  "😀",
  "%F0%9F%98%80",
];

/** Every operation of the document, with its parameters and JSON body schema. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.["application/json"]?.schema,
      });
    }
  }
  return ops;
}

/** Percent-encodes a value for a URL; a lone surrogate becomes the invalid UTF-8 an attacker would send (%ED%A0%80). */
const enc = (v: unknown) =>
  (typeof v === "string" ? v : (JSON.stringify(v) ?? ""))
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");

/** Header sets that try to smuggle, spoof or inject: forwarded hosts, origins, request ids, junk versions. */
const hostileHeaders = fc
  .record(
    {
      "x-forwarded-host": fc.constantFrom("evil.example", "127.0.0.1:3000", "a".repeat(300)),
      "x-forwarded-proto": fc.constantFrom("https", "gopher", ""),
      "x-forwarded-for": fc.constantFrom("10.0.0.1", "1.2.3.4, 127.0.0.1", "not-an-address"),
      "x-openstack-request-id": fc.constantFrom("req-evil", "req-x%0d%0aSet-Cookie: a=b", "😀"),
      "openstack-api-version": fc.constantFrom("compute 99.99", "compute latest", "volume 3.0 x", "identity ../"),
      "x-zenith-request": fc.constantFrom("0", "true", "1 ", ""),
      accept: fc.constantFrom("text/html", "application/xml", "*/*", "application/json;q=0"),
      "content-length": fc.constantFrom("0", "-1", "99999999999"),
      cookie: fc.constantFrom("zenith_session=; zenith_session=x", "__Host-zenith_session=Fe26.2**x", "a=" + "b".repeat(8000)),
      "x-long": hugeString(16 * 1024),
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== "content-length")) as Record<string, string>);

/** A body for a route: valid, hostile for its schema, malformed, huge, deep, or (for a body-less route) unexpected. */
function bodyOf(op: Operation, arbs: ReturnType<typeof createSchemaArbitraries>) {
  const limit = op.path.startsWith("/api/auth") ? 16 * 1024 : 1024 * 1024;
  const text: fc.Arbitrary<string | undefined>[] = [
    fc.constantFrom(
      "{",
      '{"a":',
      "[1,]",
      "nul",
      '"unterminated',
      '{"a":1}{"b":2}',
      "\uFEFF{}",
      "NaN",
      "'single'",
      '{"__proto__":{"isAdmin":true}}',
    ),
    fc.nat({ max: 64 }).map((n) => "x".repeat(limit + 1 + n)), // just over the route's limit
    deepText(100_000),
    fc.constantFrom("", "null", "[]", "0", '""', "true"),
  ];
  if (op.body) {
    const valid = arbs.valid(op.body).map((v) => JSON.stringify(v));
    text.push(
      valid,
      valid,
      arbs.hostile(op.body).map((v) => JSON.stringify(v)),
      arbs.hostile(op.body).map((v) => JSON.stringify(v)),
    );
  } else {
    text.push(fc.constant(undefined), fc.constant(undefined), fc.constant(undefined), fc.constant(undefined));
  }
  return fc.oneof(...text);
}

const contentType = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json",
  "application/json; charset=utf-16",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "",
);

function pathParam(schema: Schema, arbs: ReturnType<typeof createSchemaArbitraries>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: arbs.valid(schema).map(enc) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS).map(enc) },
    { weight: 1, arbitrary: fc.constantFrom("..", "../admin", "%2e%2e", "%2F", "..%2Fadmin", "a/../../admin/dhcp", "%00", ";", "%0d%0a") },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).map(enc) },
    {
      weight: 1,
      arbitrary: hugeString(20_000)
        .filter((s) => s.length > 0)
        .map(enc),
    },
  );
}

function queryOf(op: Operation, arbs: ReturnType<typeof createSchemaArbitraries>): fc.Arbitrary<string> {
  const parts = op.parameters
    .filter((p) => p.in === "query")
    .map((p) =>
      fc.option(
        fc
          .oneof(
            { weight: 4, arbitrary: arbs.valid(p.schema) },
            { weight: 1, arbitrary: arbs.offSchema(p.schema) },
            { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
          )
          .map((v) => `${enc(p.name)}=${enc(v)}`),
        { freq: 3 },
      ),
    );
  const extra = fc.option(
    fc.constantFrom("limit=1&limit=2", "__proto__[isAdmin]=1", "a[]=1&a[]=2", "%zz=1", "x=%", "=", "&&&", `q=${"z".repeat(9000)}`),
    { freq: 3 },
  );
  return fc.tuple(fc.tuple(...parts), extra).map(([ps, x]) => {
    const all = [...ps.filter((p): p is string => p !== null), ...(x ? [x] : [])];
    return all.length ? `?${all.join("&")}` : "";
  });
}

const forgedCookie = fc.oneof(
  fc.constantFrom("", "Fe26.2**", "Fe26.2**" + "A".repeat(200), "null", "%00", "😀"),
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
);

/** A request to one documented operation. */
function documented(op: Operation, arbs: ReturnType<typeof createSchemaArbitraries>): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters.filter((p) => p.in === "path");
  return fc
    .record({
      caller: fc.constantFrom(...CALLERS),
      forged: forgedCookie,
      pathValues: fc.tuple(...params.map((p) => pathParam(p.schema, arbs))),
      query: queryOf(op, arbs),
      body: bodyOf(op, arbs),
      contentType,
      headers: fc.option(hostileHeaders, { freq: 4 }),
    })
    .map(({ caller, forged, pathValues, query, body, contentType: ct, headers }) => {
      let path = op.path;
      params.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, pathValues[i]);
      });
      const h: Record<string, string> = { ...(headers ?? {}) };
      if (body !== undefined && ct) h["content-type"] = ct;
      return {
        route: `${op.method} ${op.path}`,
        method: op.method,
        url: `${path}${query}`,
        headers: h,
        body,
        caller,
        forgedCookie: forged,
      };
    });
}

/** A request through the OpenStack proxy, aimed at stepping out of the service. */
const proxied: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
    service: fc.constantFrom(...PROXY_SERVICES),
    segments: fc.array(fc.constantFrom(...PROXY_SEGMENTS), { minLength: 0, maxLength: 6 }),
    query: fc.constantFrom("", "?all_tenants=1", "?project_id=x", "?limit=%00", "?a=%0d%0a"),
    caller: fc.constantFrom(...CALLERS),
    forged: forgedCookie,
    body: fc.option(fc.constantFrom("{}", '{"server":{}}', "not json", "x".repeat(1024 * 1024 + 1)), { freq: 2 }),
    headers: fc.option(hostileHeaders, { freq: 3 }),
  })
  .map(({ method, service, segments, query, caller, forged, body, headers }) => ({
    route: PROXY_ROUTE,
    method,
    url: `/api/openstack/${[service, ...segments].join("/")}${query}`,
    headers: { ...(headers ?? {}), ...(body !== null && !["GET", "HEAD"].includes(method) ? { "content-type": "application/json" } : {}) },
    body: body !== null && !["GET", "HEAD"].includes(method) ? body : undefined,
    caller,
    forgedCookie: forged,
  }));

/** Requests across every operation of the document (equal weight), plus the proxy (a tenth of them). */
export function requestArbitrary(doc: OpenApiDoc): fc.Arbitrary<FuzzRequest> {
  const arbs = createSchemaArbitraries(doc);
  const ops = operationsOf(doc);
  return fc.oneof({ weight: 9, arbitrary: fc.oneof(...ops.map((op) => documented(op, arbs))) }, { weight: 1, arbitrary: proxied });
}
