import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import doc from "../../lib/api/openapi.json";
import { CATALOG_TYPES, type ServiceName } from "../openstack/services";
import type { createAgent } from "./test-app";

type Agent = ReturnType<typeof createAgent>;

/** One request the matrix sends: a route of the OpenAPI document (params filled) or a proxied GET. */
export interface Probe {
  label: string;
  method: string;
  path: string;
  json?: unknown;
}
export interface Answer {
  status: number;
  code?: string;
  service?: string;
  upstreamRequestId?: string;
  retryAfter?: string | null;
  requestId?: string;
  body: any;
}

/**
 * Every operation of the BFF's OpenAPI document that the matrix can send without changing the cloud: each GET with
 * its path parameters filled from `params` (streams and routes with an unknown parameter left out), and the POSTs
 * that only plan (`safePosts`). The services a probe touches are found by sending it (`touches`), not listed by hand.
 */
export function probesFromOpenApi(
  params: Record<string, string>,
  safePosts: Record<string, unknown>,
): { probes: Probe[]; skipped: string[] } {
  const probes: Probe[] = [];
  const skipped: string[] = [];
  for (const [path, ops] of Object.entries(
    doc.paths as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>,
  )) {
    for (const [method, op] of Object.entries(ops)) {
      const M = method.toUpperCase();
      const label = `${M} ${path}`;
      const stream = Object.values(op.responses ?? {}).some((r) => r.content && "text/event-stream" in r.content);
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      if (stream) {
        skipped.push(`${label} (a stream)`);
        continue;
      }
      if (names.some((n) => !(n in params))) {
        skipped.push(`${label} (no ${names.join(", ")} to fill)`);
        continue;
      }
      const filled = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]));
      if (M === "GET") probes.push({ label, method: M, path: filled });
      else if (label in safePosts) probes.push({ label, method: M, path: filled, json: safePosts[label] });
      else skipped.push(`${label} (changes the cloud)`);
    }
  }
  return { probes, skipped };
}

export async function send(a: Agent, p: Probe): Promise<Answer> {
  const res = p.method === "GET" ? await a.get(p.path) : await a.request(p.method, p.path, { json: p.json });
  const b = (res.body ?? {}) as Record<string, unknown>;
  return {
    status: res.status,
    code: b.code as string | undefined,
    service: b.service as string | undefined,
    upstreamRequestId: b.upstreamRequestId as string | undefined,
    retryAfter: res.headers.get("retry-after"),
    requestId: b.requestId as string | undefined,
    body: res.body,
  };
}

/**
 * The services each probe touched on a healthy cloud (from the BFF's own upstream call log). `fresh` gives an agent
 * on a new app (empty caches) with the same session cookie, so a fact cached by an earlier probe hides no call.
 */
export async function touches(fresh: () => Agent, probes: Probe[]): Promise<Map<string, { services: Set<ServiceName>; status: number }>> {
  const out = new Map<string, { services: Set<ServiceName>; status: number }>();
  for (const p of probes) {
    const a = fresh();
    const { status } = await send(a, p);
    out.set(p.label, { services: new Set(a.deps.calls.map((c) => c.service)), status });
  }
  return out;
}

/**
 * Routes that report a failing service in their answer by design, instead of failing: readiness answers 503 naming
 * Keystone; the admin System page probes every service and lists it unreachable; Lineage lists an owner walk that
 * failed (and concludes no orphan in its pool); the images list's clone verdicts become "unknown"; a boot plan turns an unanswered Ceph check into certainty "unknown"
 * (code ceph_unavailable) and still plans.
 */
const REPORTS: Record<string, (x: Answer, s: ServiceName) => boolean> = {
  "GET /api/readyz": (x, s) => s === "identity" && x.status === 503 && x.body.checks.identity.ok === false,
  "GET /api/admin/services": (x, s) =>
    x.status === 200 && x.body.services.some((p: { type: string; reachable: boolean }) => !p.reachable && typeFor(s).includes(p.type)),
  // Lineage (the summary and the whole forest): an owner walk that failed is listed in coverage.walks, and no orphan
  // is concluded in its pool.
  "GET /api/admin/lineage": (x, s) => walkFailed(x, s),
  "GET /api/admin/lineage/forest": (x, s) => walkFailed(x, s),
  // The fan-out is computed from the same gather, and carries its coverage.
  "GET /api/admin/lineage/fanout": (x, s) => walkFailed(x, s),
  // Images: each image's clone verdict needs Ceph; without it the verdict is "unknown", the list still answers.
  "GET /api/images": (x, s) =>
    s === "ceph" && x.status === 200 && x.body.items.some((i: { cloneVerdict: string }) => i.cloneVerdict === "unknown"),
  "POST /api/boot/plan": (x, s) => s === "ceph" && x.status === 200 && JSON.stringify(x.body).includes("ceph_unavailable"),
};
function walkFailed(x: Answer, s: ServiceName): boolean {
  const walker = ({ compute: "nova", image: "glance", volume: "cinder" } as Record<string, string>)[s];
  return (
    x.status === 200 && x.body.coverage.walks.some((w: { service: string; code: string }) => w.code === "failed" && w.service === walker)
  );
}
const typeFor = (s: ServiceName) => CATALOG_TYPES[s];

/** Whether a route's answer under a fault of `service` is one of those that report it by design (REPORTS). */
export const reportsFault = (label: string, x: Answer, service: ServiceName): boolean => REPORTS[label]?.(x, service) ?? false;

export const cell = (x: Answer) => `${x.status}${x.code ? ` ${x.code}` : ""}${x.upstreamRequestId ? " +req-id" : ""}`;

/** Writes the matrix as markdown: per service, route × fault → answer, plus whether the rest stayed up and recovery. */
export function writeMatrix(
  file: string,
  title: string,
  intro: string,
  faults: string[],
  rows: { service: string; route: string; cells: Record<string, string>; recovered: string }[],
  footer: string[],
) {
  const lines = [`# ${title}`, "", intro, ""];
  for (const service of [...new Set(rows.map((r) => r.service))]) {
    lines.push(`## ${service}`, "", `| route | ${faults.join(" | ")} | after clearing |`, `|---|${faults.map(() => "---").join("|")}|---|`);
    for (const r of rows.filter((x) => x.service === service))
      lines.push(`| \`${r.route}\` | ${faults.map((f) => r.cells[f] ?? "").join(" | ")} | ${r.recovered} |`);
    lines.push("");
  }
  lines.push(...footer, "");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.join("\n"));
}
