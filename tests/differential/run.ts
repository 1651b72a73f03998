import type { Prepared } from "./fixtures";
import { send, serviceUrl } from "./session";
import { CEPH_V1 } from "./ceph-fixtures";
import { compare, signature, type Difference } from "./signature";
import type { Probe, Signature } from "./types";
import { allowed, type KnownDifference } from "./known-differences";

const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{([a-z_]+)\}/g, (m, k: string) => {
    if (!(k in vars)) throw new Error(`no value for {${k}}`);
    return vars[k];
  });

const SETTLE_MS = 180_000;

async function settle(t: Prepared, probe: Probe, url: string, token: string | undefined, headers?: Record<string, string>) {
  for (const started = Date.now(); ; await new Promise((ok) => setTimeout(ok, 1000))) {
    const r = await send(url, { method: "GET", token, headers });
    if (r.status === 200 && probe.settle!.until(r.json)) return;
    if (Date.now() - started > SETTLE_MS)
      throw new Error(
        `${probe.id} on ${t.name}: ${probe.settle!.path} did not settle in ${SETTLE_MS / 1000} s: ${r.status} ${r.text.slice(0, 200)}`,
      );
  }
}

/** Sends one probe to one prepared target, undoes what a success created, and returns its signature. */
export async function probeOn(t: Prepared, probe: Probe): Promise<{ sig: Signature; excerpt: string }> {
  const caller = t.sessions[probe.user === "anon" ? "member" : probe.user];
  const base = (who: Probe["user"]) => serviceUrl(t.urls, probe.service, t.sessions[who === "anon" ? "member" : who].projectId, probe.bare);
  const url = `${base(probe.user)}${fill(probe.path, t.vars)}`;
  const body =
    probe.body === undefined
      ? undefined
      : typeof probe.body === "string"
        ? probe.body
        : JSON.parse(fill(JSON.stringify(probe.body), t.vars));
  // The dashboard has its own users: "admin" is the BFF's dashboard user (a Bearer token), any other caller is anonymous.
  const ceph = probe.service === "ceph";
  const token = probe.user === "anon" || ceph ? undefined : caller.token;
  const headers = ceph
    ? { Accept: CEPH_V1, ...(probe.user === "admin" ? { Authorization: `Bearer ${t.cephToken}` } : {}), ...probe.headers }
    : probe.headers;
  if (probe.settle) await settle(t, probe, `${base(probe.user)}${fill(probe.settle.path, t.vars)}`, token, headers);
  const a = await send(url, { method: probe.method, token, body, headers, chunked: probe.chunked });
  if (probe.cleanup && a.status < 300) {
    const id = probe.cleanup.idFrom(a.json, a.headers.get("location"));
    if (id) {
      const who = probe.cleanup.user ?? probe.user;
      const s = who === "anon" || ceph ? undefined : t.sessions[who].token;
      const h = ceph ? { Accept: CEPH_V1, Authorization: `Bearer ${t.cephToken}` } : probe.cleanup.headers;
      const url = `${base(who)}${fill(probe.cleanup.path, { ...t.vars, created: id })}`;
      // What was just made may still be creating (a snapshot): retry while the service says not yet (400/409).
      for (let i = 0; i < 60; i++) {
        const r = await send(url, { method: probe.cleanup.method, token: s, headers: h });
        if (r.status !== 400 && r.status !== 409) break;
        await new Promise((ok) => setTimeout(ok, 1000));
      }
    }
  }
  return { sig: signature(probe.service, a), excerpt: a.text.slice(0, 240) };
}

export interface Outcome {
  probe: Probe;
  sim: Signature;
  real: Signature;
  differences: Difference[];
  /** Differences the allow-list does not name. */
  unexplained: Difference[];
  known?: KnownDifference;
  excerpts: { sim: string; real: string };
}

/** Runs the whole catalogue, both targets side by side, probe after probe (in the catalogue's order). */
export async function runCatalogue(sim: Prepared, real: Prepared, catalogue: Probe[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const probe of catalogue) {
    const [s, r] = await Promise.all([probeOn(sim, probe), probeOn(real, probe)]);
    const differences = compare(s.sig, r.sig);
    const { unexplained, known } = allowed(probe.id, differences);
    out.push({ probe, sim: s.sig, real: r.sig, differences, unexplained, known, excerpts: { sim: s.excerpt, real: r.excerpt } });
  }
  return out;
}

/** One line per unexplained difference, for a failure message and the report. */
export const describe = (o: Outcome): string =>
  `${o.probe.id} (${o.probe.user} ${o.probe.method} ${o.probe.path}): ${o.unexplained.map((d) => `${d.field} sim=${d.sim} real=${d.real}`).join("; ")}\n    sim:  ${o.excerpts.sim.replace(/\s+/g, " ")}\n    real: ${o.excerpts.real.replace(/\s+/g, " ")}`;
