import type { BrowserContext, Page } from "@playwright/test";

/** A main-thread stall seen in the page: a long task (> 50 ms) or a long animation frame (a frame that took > 50 ms). */
export interface Stall {
  kind: "longtask" | "frame";
  /** ms since the document's navigation started (performance.now()). */
  start: number;
  duration: number;
}

/**
 * Records every long task and long animation frame of each document of the context, from its first script on
 * (buffered), in `window.__stalls`. A string, not a function: tsx's esbuild wraps named functions in a helper the
 * page lacks.
 */
export async function installStallProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(`(() => {
    const stalls = [];
    window.__stalls = stalls;
    const watch = (type, kind) => {
      if (!PerformanceObserver.supportedEntryTypes.includes(type)) return;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) stalls.push({ kind, start: e.startTime, duration: e.duration });
      }).observe({ type, buffered: true });
    };
    watch("longtask", "longtask");
    watch("long-animation-frame", "frame");
  })();`);
}

/** The stalls recorded so far in the page's current document. */
export async function readStalls(page: Page): Promise<Stall[]> {
  return page.evaluate(() => [...((window as unknown as { __stalls?: Stall[] }).__stalls ?? [])]);
}

export interface StallSummary {
  count: number;
  /** Sum of their durations (ms). */
  totalMs: number;
  maxMs: number;
  /** When the last one ended (ms since navigation), or null when there was none. */
  lastEndMs: number | null;
}

/** The stalls of one kind that began in [from, to). */
export function stallsIn(stalls: Stall[], kind: Stall["kind"], from: number, to: number): StallSummary {
  const xs = stalls.filter((s) => s.kind === kind && s.start >= from && s.start < to);
  return {
    count: xs.length,
    totalMs: Math.round(xs.reduce((a, s) => a + s.duration, 0)),
    maxMs: Math.round(Math.max(0, ...xs.map((s) => s.duration))),
    lastEndMs: xs.length ? Math.round(Math.max(...xs.map((s) => s.start + s.duration))) : null,
  };
}
