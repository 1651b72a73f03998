/**
 * Shape conformance: does a response have the same keys, recursively, with the same JSON types as an
 * upstream sample? Values are not compared. Rules:
 * - every key of the sample must be present and every key of the response must be in the sample, except
 *   the paths listed in `allowMissing` / `allowExtra` (each with the reason, e.g. a newer microversion or
 *   an extension the sample's deployment lacks);
 * - `null` on either side matches any type (the fields are nullable; samples fill some, we leave some null);
 * - arrays compare each element of the response against the sample's first element; empty arrays match.
 * Paths look like `network.subnets[]` or `agents[].configurations.networks`.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface ShapeOptions {
  /** Paths the response may lack, with the reason. */
  allowMissing?: Record<string, string>;
  /** Paths only the response has, with the reason. */
  allowExtra?: Record<string, string>;
}

export const jsonType = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : typeof v;

/** Returns the differences; an empty list means the shapes conform. */
export function compareShape(sample: unknown, actual: unknown, opts: ShapeOptions = {}, path = ""): string[] {
  const ts = jsonType(sample),
    ta = jsonType(actual);
  if (ts === "null" || ta === "null") return [];
  if (ts !== ta) return [`${path || "<root>"}: type ${ta}, sample has ${ts}`];
  if (ts === "array") {
    const s = sample as unknown[],
      a = actual as unknown[];
    if (!s.length) return [];
    return a.flatMap((el) => compareShape(s[0], el, opts, `${path}[]`));
  }
  if (ts !== "object") return [];
  const s = sample as Record<string, unknown>,
    a = actual as Record<string, unknown>;
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const out: string[] = [];
  for (const k of Object.keys(s)) {
    if (!(k in a)) {
      if (!(at(k) in (opts.allowMissing ?? {}))) out.push(`${at(k)}: missing (sample has ${jsonType(s[k])})`);
      continue;
    }
    out.push(...compareShape(s[k], a[k], opts, at(k)));
  }
  for (const k of Object.keys(a))
    if (!(k in s) && !(at(k) in (opts.allowExtra ?? {}))) out.push(`${at(k)}: extra (${jsonType(a[k])}), not in the sample`);
  return out;
}
