/** Median and range of a set of samples; nulls (a marker never seen) are left out and counted. */
export interface Spread {
  median: number | null;
  min: number | null;
  max: number | null;
  n: number;
  missing: number;
}

export function spread(samples: (number | null | undefined)[]): Spread {
  const xs = samples.filter((x): x is number => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  const missing = samples.length - xs.length;
  if (xs.length === 0) return { median: null, min: null, max: null, n: 0, missing };
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { median, min: xs[0], max: xs[xs.length - 1], n: xs.length, missing };
}

/** "median (min–max)", or "—" when nothing was measured. */
export function fmt(s: Spread, unit = ""): string {
  if (s.median === null) return "—";
  const r = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  const range = s.min === s.max ? "" : ` (${r(s.min!)}–${r(s.max!)})`;
  return `${r(s.median)}${unit}${range}${s.missing ? ` [${s.missing} missing]` : ""}`;
}
