import { FANOUT_DEFAULTS } from "./fanout";
import type { FanoutLimits } from "./fanout-schema";

/** The configured limits (BffDeps.fanout), each falling back to FANOUT_DEFAULTS. */
export function fanoutLimits(cfg: Partial<FanoutLimits> | undefined): FanoutLimits {
  return {
    maxRunningClones: Math.floor(cfg?.maxRunningClones ?? FANOUT_DEFAULTS.maxRunningClones),
    maxParentBytes: cfg?.maxParentBytes ?? FANOUT_DEFAULTS.maxParentBytes,
    parallelFlattens: Math.max(1, Math.floor(cfg?.parallelFlattens ?? FANOUT_DEFAULTS.parallelFlattens)),
  };
}
