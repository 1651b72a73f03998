import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Sample, ViewResult } from "./runner";
import { fmt, spread, type Spread } from "./stats";
import type { Mode } from "./views";

export const resultsDir = new URL("../results", import.meta.url).pathname;

export interface Summary {
  view: string;
  mode: Mode;
  ttfbMs: Spread;
  dataVisibleMs: Spread;
  allDoneMs: Spread;
  /** All done ÷ data visible, per run. */
  doneOverVisible: Spread;
  requests: Spread;
  aborted: Spread;
  kib: Spread;
  upstream: Spread;
  /** Median upstream calls per service. */
  upstreamByService: Record<string, number>;
  /** Median calls per request kind. */
  upstreamByRequest?: Record<string, number>;
  /** Median of other clients' request lines in the same windows (real tier only). */
  othersInWindow?: number;
  errors: string[];
}

export function summarise(results: ViewResult[]): Summary[] {
  const out: Summary[] = [];
  for (const r of results) {
    for (const mode of ["cold", "warm"] as Mode[]) {
      const s = r.samples.filter((x) => x.mode === mode);
      const ok = s.filter((x) => !x.error);
      const services = [...new Set(ok.flatMap((x) => Object.keys(x.upstream?.byService ?? {})))].sort();
      const real = ok.some((x) => x.upstream?.others);
      out.push({
        view: r.view,
        mode,
        ttfbMs: spread(ok.map((x) => x.ttfbMs)),
        dataVisibleMs: spread(ok.map((x) => x.dataVisibleMs)),
        allDoneMs: spread(ok.map((x) => x.allDoneMs)),
        doneOverVisible: spread(
          ok.map((x) => (x.dataVisibleMs && x.allDoneMs !== undefined ? Math.round((x.allDoneMs / x.dataVisibleMs) * 10) / 10 : null)),
        ),
        requests: spread(ok.map((x) => x.requests)),
        aborted: spread(ok.map((x) => x.aborted)),
        kib: spread(ok.map((x) => (x.bytes === undefined ? undefined : Math.round(x.bytes / 102.4) / 10))),
        upstream: spread(ok.map((x) => x.upstream?.total)),
        upstreamByService: Object.fromEntries(
          services.map((svc) => [svc, spread(ok.map((x) => x.upstream?.byService[svc] ?? 0)).median ?? 0]),
        ),
        upstreamByRequest: medians(ok.map((x) => x.upstream?.byRequest ?? {})),
        othersInWindow: real
          ? (spread(ok.map((x) => Object.values(x.upstream?.others ?? {}).reduce((a, b) => a + b, 0))).median ?? 0)
          : undefined,
        errors: s.filter((x) => x.error).map((x) => x.error as string),
      });
    }
  }
  return out;
}

/** The median of each key over runs (0 where a run lacks it), keys with a median of 0 left out. */
function medians(runs: Record<string, number>[]): Record<string, number> {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(keys.map((k) => [k, spread(runs.map((r) => r[k] ?? 0)).median ?? 0]).filter(([, n]) => (n as number) > 0));
}

export function markdown(
  target: string,
  at: string,
  about: Record<string, unknown>,
  runs: number,
  summaries: Summary[],
  memory: ViewResult[],
  idleMemory?: { rssMiB: number; peakMiB: number },
): string {
  const lines = [
    `# UI bench: ${target}, ${at}`,
    "",
    `\`npm run bench:ui\`: Debian's Chromium through \`next start\`; ${runs} runs per view, each cold (new browser context, fresh sign-in, so the BFF's token cache is cold for the token) then warm (reload; for sign-in, signing in again in the same context).`,
    "Times in ms as median (min–max): TTFB (the document's first byte; for sign-in, the login answer's), data visible (the view's data marker in the DOM), all done (end of the last response before 500 ms of network idle), and all done ÷ data visible per run. Requests and KiB: what the browser fetched (KiB over the wire, 0 for cache hits); aborted: requests the browser cancelled.",
    `Upstream: ${String(about.upstreamCounted)}.`,
    "",
    `Commit ${String(about.commit)}, ${String(about.cpus)} CPUs, Chromium ${String(about.chromium)}, Node ${String(about.node)}; Keystone ${String(about.keystone)}.`,
    "",
    "| view | run | TTFB | data visible | all done | done ÷ visible | requests | aborted | KiB | upstream calls | by service (median) |" +
      (summaries.some((s) => s.othersInWindow !== undefined) ? " others in window |" : ""),
    "|---|---|---|---|---|---|---|---|---|---|---|" + (summaries.some((s) => s.othersInWindow !== undefined) ? "---|" : ""),
  ];
  for (const s of summaries) {
    const by =
      Object.entries(s.upstreamByService)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ") || "—";
    const err = s.errors.length ? ` ⚠ ${s.errors.length} failed` : "";
    lines.push(
      `| ${s.view} | ${s.mode}${err} | ${fmt(s.ttfbMs)} | ${fmt(s.dataVisibleMs)} | ${fmt(s.allDoneMs)} | ${fmt(s.doneOverVisible)} | ${fmt(s.requests)} | ${fmt(s.aborted)} | ${fmt(s.kib)} | ${fmt(s.upstream)} | ${by} |` +
        (s.othersInWindow !== undefined ? ` ${s.othersInWindow} |` : ""),
    );
  }
  const kinds = summaries.filter((s) => s.upstreamByRequest && Object.keys(s.upstreamByRequest).length);
  if (kinds.length) {
    lines.push("", "Upstream calls by request (median per run; ids and queries folded):", "");
    for (const s of kinds)
      lines.push(
        `- ${s.view}, ${s.mode}: ${Object.entries(s.upstreamByRequest!)
          .map(([k, n]) => `${k} ×${n}`)
          .join("; ")}`,
      );
  }
  lines.push("", "next-server memory after each view's runs (VmRSS / VmHWM peak, MiB):", "");
  lines.push("| view | RSS | peak |", "|---|---|---|");
  if (idleMemory) lines.push(`| (started, before any view) | ${idleMemory.rssMiB} | ${idleMemory.peakMiB} |`);
  for (const m of memory) lines.push(`| ${m.view} | ${m.nextServer?.rssMiB ?? "—"} | ${m.nextServer?.peakMiB ?? "—"} |`);
  const errors = summaries.flatMap((s) => s.errors.map((e) => `- ${s.view} (${s.mode}): ${e}`));
  if (errors.length) lines.push("", "Failed runs (left out of the figures):", "", ...[...new Set(errors)]);
  return `${lines.join("\n")}\n`;
}

/** Writes ui-<date>-<target>.{json,md} and removes this target's older ones: only the latest run per target is kept. */
export function writeResults(target: string, at: Date, json: unknown, md: string): string[] {
  mkdirSync(resultsDir, { recursive: true });
  const stem = `ui-${at.toISOString().slice(0, 10)}-${target}`;
  for (const f of readdirSync(resultsDir))
    if (new RegExp(`^ui-\\d{4}-\\d{2}-\\d{2}-${target}\\.(json|md)$`).test(f) && !f.startsWith(stem)) rmSync(join(resultsDir, f));
  const files = [join(resultsDir, `${stem}.json`), join(resultsDir, `${stem}.md`)];
  writeFileSync(files[0], `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(files[1], md);
  return files;
}

export type { Sample };
