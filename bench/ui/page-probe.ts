import type { BrowserContext, Page } from "@playwright/test";

/**
 * In-page instruments, installed in every document of a context before the app's own scripts:
 * - the first moment (performance.now(), i.e. ms since the navigation started) each marker selector is in the DOM;
 * - a resource-timing buffer large enough to keep every request of a view.
 */
export async function installProbe(context: BrowserContext, markers: Record<string, string>): Promise<void> {
  // A string, not a function: tsx's esbuild wraps named functions in a helper that does not exist in the page.
  await context.addInitScript(`(() => {
    const sel = ${JSON.stringify(markers)};
    const seen = {};
    window.__bench = { seen };
    performance.setResourceTimingBufferSize(5000);
    const check = () => {
      for (const [name, css] of Object.entries(sel)) if (!(name in seen) && document.querySelector(css)) seen[name] = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
    document.addEventListener("DOMContentLoaded", check);
  })();`);
}

/** Counts the page's requests (and aborted ones) and knows when none has been in flight for `quietMs`. */
export class NetworkWatch {
  requests = 0;
  failed = 0;
  private inFlight = new Set<unknown>();
  private lastChange = Date.now();

  constructor(page: Page) {
    page.on("request", (r) => {
      this.requests++;
      this.inFlight.add(r);
      this.lastChange = Date.now();
    });
    const done = (r: unknown) => {
      this.inFlight.delete(r);
      this.lastChange = Date.now();
    };
    page.on("requestfinished", done);
    page.on("requestfailed", (r) => {
      this.failed++;
      done(r);
    });
  }
  reset(): void {
    this.requests = 0;
    this.failed = 0;
    this.lastChange = Date.now();
  }
  /** Resolves once nothing has been in flight for `quietMs` (Playwright's "networkidle" uses 500 ms), or at `timeoutMs`. */
  async idle(quietMs = 500, timeoutMs = 30_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (this.inFlight.size === 0 && Date.now() - this.lastChange >= quietMs) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }
}

export interface PageTimes {
  /** ms from t0 to the first byte of the view's document (hard navigation) or of `ttfbUrl`'s response. */
  ttfbMs: number | null;
  /** ms from t0 to the marker being in the DOM. */
  dataVisibleMs: number | null;
  /** ms from t0 to the end of the last response (the start of network idle), or to data visible if that came later. */
  allDoneMs: number;
  /** Bytes over the wire (resource timing transferSize: headers + body, 0 when served from cache) after t0. */
  bytes: number;
}

/** Reads the view's timings from the page; `t0` is performance.now() when the view began (0 for a navigation). */
export async function readTimes(page: Page, marker: string, t0: number, ttfbUrl?: string): Promise<PageTimes> {
  return page.evaluate(
    ({ marker, t0, ttfbUrl }) => {
      const seen = (window as unknown as { __bench: { seen: Record<string, number> } }).__bench.seen;
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      const res = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((r) => r.startTime >= t0);
      const entries: PerformanceResourceTiming[] = [...res, ...(nav && t0 === 0 ? [nav] : [])];
      const ttfbEntry = ttfbUrl ? res.find((r) => r.name.includes(ttfbUrl)) : t0 === 0 ? nav : undefined;
      return {
        ttfbMs: ttfbEntry ? Math.round(ttfbEntry.responseStart - t0) : null,
        dataVisibleMs: marker in seen ? Math.round(seen[marker] - t0) : null,
        // Network idle began at the last response's end; a marker rendered after it still counts as not done.
        allDoneMs: Math.round(Math.max(0, ...entries.map((e) => e.responseEnd), marker in seen ? seen[marker] : 0) - t0),
        bytes: entries.reduce((sum, e) => sum + (e.transferSize || 0), 0),
      };
    },
    { marker, t0, ttfbUrl },
  );
}
