import type { Browser } from "@playwright/test";
import { installProbe, NetworkWatch, readTimes, type PageTimes } from "./page-probe";
import { memoryOf } from "./processes";
import type { UpstreamCount, UpstreamCounter } from "./upstream";
import type { Credentials, Mode, Seed, View } from "./views";

/** One measured run of one view. */
export interface Sample extends Partial<PageTimes> {
  mode: Mode;
  requests?: number;
  aborted?: number;
  upstream?: UpstreamCount;
  error?: string;
}

export interface ViewResult {
  view: string;
  samples: Sample[];
  /** The next-server's memory once the view's runs were done. */
  nextServer?: { rssMiB: number; peakMiB: number };
}

export interface TargetSetup {
  appUrl: string;
  who: Credentials;
  seed: Seed;
  counter: UpstreamCounter;
  nextServerPid: () => number | undefined;
}

/** Runs each view `runs` times: cold in a new browser context (fresh sign-in, cold token), then warm (reload). */
export async function runViews(
  browser: Browser,
  views: View[],
  t: TargetSetup,
  runs: number,
  log: (s: string) => void,
): Promise<ViewResult[]> {
  const results: ViewResult[] = [];
  for (const view of views) {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ baseURL: t.appUrl, viewport: { width: 1440, height: 900 } });
      await installProbe(context, { [view.marker]: view.marker });
      const page = await context.newPage();
      const watch = new NetworkWatch(page);
      try {
        for (const mode of ["cold", "warm"] as Mode[]) {
          const sample: Sample = { mode };
          samples.push(sample);
          try {
            await view.prepare(page, mode, t.who);
            await watch.idle(300, 10_000);
            const mark = await t.counter.mark();
            watch.reset();
            const start = await view.run(page, mode, t.seed);
            await watch.idle();
            Object.assign(sample, await readTimes(page, view.marker, start.t0, start.ttfbUrl), {
              requests: watch.requests,
              aborted: watch.failed,
            });
            sample.upstream = await t.counter.since(mark);
          } catch (err) {
            sample.error = err instanceof Error ? err.message.split("\n")[0] : String(err);
          }
          log(
            `  ${view.name} #${i + 1} ${mode}: ${sample.error ? `error: ${sample.error}` : `visible ${sample.dataVisibleMs} ms, all done ${sample.allDoneMs} ms, ${sample.requests} requests, ${sample.upstream?.total} upstream`}`,
          );
        }
      } finally {
        await context.close();
      }
    }
    const pid = t.nextServerPid();
    results.push({ view: view.name, samples, nextServer: pid ? memoryOf(pid) : undefined });
  }
  return results;
}
