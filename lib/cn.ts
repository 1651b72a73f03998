/** A class-name value: strings, falsy values, arrays, or an object of `class: condition`. */
export type ClassValue = string | number | null | undefined | false | ClassValue[] | Record<string, unknown>;

/**
 * Join class names, clsx-style. Later classes are appended; there is no
 * tailwind-merge, so primitives keep their variant classes disjoint from what
 * callers are expected to pass (callers add layout, primitives own colour).
 */
export function cn(...inputs: ClassValue[]): string {
  const out: string[] = [];
  const walk = (v: ClassValue) => {
    if (!v) return;
    if (typeof v === "string" || typeof v === "number") out.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else for (const [k, on] of Object.entries(v)) if (on) out.push(k);
  };
  inputs.forEach(walk);
  return out.join(" ");
}
