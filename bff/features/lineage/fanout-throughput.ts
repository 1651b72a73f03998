import { ApiError } from "../../errors";
import type { FanoutThroughput } from "./fanout-schema";
import type { Throughput } from "./flatten-advice";

/** The throughput boot learned (or its default), as the fan-out needs it: with where it came from and on how many copies. */
export interface LearnedThroughput extends Throughput {
  source: "learned" | "default";
  samples: number;
}

/**
 * Reads the copy throughput (boot's read of Cinder's volume list) for the fan-out. A failed read does not fail the
 * answer when it is an upstream failure (an ApiError): the throughput is unavailable, with the failure's code and
 * service (its text goes to `log` only, for the server log), and the advice's times become unknown. `tp` is what adviseFlatten takes: null when unavailable.
 */
export async function fanoutThroughput(
  read: () => Promise<LearnedThroughput>,
  log: (err: unknown) => void,
): Promise<{ answer: FanoutThroughput; tp: Throughput | null }> {
  try {
    const m = await read();
    return { answer: { source: m.source, bytesPerSecond: m.bytesPerSecond, samples: m.samples }, tp: m };
  } catch (e) {
    // An upstream failure (an ApiError: 502/504 naming the service) makes the times unknown; a bug still fails.
    if (!(e instanceof ApiError)) throw e;
    log(e);
    return { answer: { source: "unavailable", service: e.extra.service ?? null, code: e.code }, tp: null };
  }
}
