import type { Difference } from "./signature";

/**
 * Differences between the sim and the real tier that have a stated reason. Each entry names the probe, the
 * fields that may differ (and, where it matters, the values), and why. Any other difference fails the suite.
 */
export interface KnownDifference {
  probe: string;
  /** field → the real tier's value that is expected to differ ("*" for any). */
  fields: Record<string, string>;
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [];

export function allowed(probeId: string, diffs: Difference[]): { unexplained: Difference[]; known?: KnownDifference } {
  const known = KNOWN_DIFFERENCES.find((k) => k.probe === probeId);
  if (!known) return { unexplained: diffs };
  return { unexplained: diffs.filter((d) => !(d.field in known.fields && (known.fields[d.field] === "*" || known.fields[d.field] === d.real))), known };
}
