import type { Extent } from "./model";

/** Operations on sorted, disjoint [start, end) object ranges. */
export function normalize(list: Extent[]): Extent[] {
  const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Extent[] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export const count = (list: Extent[]) => list.reduce((n, [a, b]) => n + (b - a), 0);

export const union = (x: Extent[], y: Extent[]) => normalize([...x.map((e) => [...e] as Extent), ...y.map((e) => [...e] as Extent)]);

export function intersect(x: Extent[], y: Extent[]): Extent[] {
  const out: Extent[] = [];
  let i = 0,
    j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i][0], y[j][0]);
    const b = Math.min(x[i][1], y[j][1]);
    if (b > a) out.push([a, b]);
    if (x[i][1] < y[j][1]) i++;
    else j++;
  }
  return out;
}

export function subtract(x: Extent[], y: Extent[]): Extent[] {
  let out = x.map((e) => [...e] as Extent);
  for (const [c, d] of y) {
    const next: Extent[] = [];
    for (const [a, b] of out) {
      if (d <= a || c >= b) {
        next.push([a, b]);
        continue;
      }
      if (c > a) next.push([a, c]);
      if (d < b) next.push([d, b]);
    }
    out = next;
  }
  return out;
}

export const clip = (x: Extent[], limit: number) => intersect(x, [[0, limit]]);
