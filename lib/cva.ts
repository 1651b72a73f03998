import { cn, type ClassValue } from "./cn";

type VariantDefs = Record<string, Record<string, ClassValue>>;
type VariantProps<V extends VariantDefs> = { [K in keyof V]?: keyof V[K] | null };

interface CvaConfig<V extends VariantDefs> {
  variants: V;
  defaultVariants?: { [K in keyof V]?: keyof V[K] };
  compoundVariants?: (VariantProps<V> & { class: ClassValue })[];
}

/**
 * A small class-variance-authority: `cva(base, { variants, defaultVariants })`
 * returns `(props) => className`. Same call shape as the real package, so it
 * can be swapped in later without touching the primitives.
 */
export function cva<V extends VariantDefs>(base: ClassValue, config: CvaConfig<V>) {
  return (props: VariantProps<V> & { class?: ClassValue; className?: ClassValue } = {}) => {
    const chosen: Record<string, unknown> = {};
    const parts: ClassValue[] = [base];
    for (const key of Object.keys(config.variants)) {
      const value = props[key] ?? config.defaultVariants?.[key];
      chosen[key] = value;
      if (value != null) parts.push(config.variants[key][value as string]);
    }
    for (const { class: cls, ...when } of config.compoundVariants ?? []) {
      if (Object.entries(when).every(([k, v]) => chosen[k] === v)) parts.push(cls);
    }
    parts.push(props.class, props.className);
    return cn(...parts);
  };
}

export type { VariantProps };
/** Extract the variant props of a `cva()` result, like the real package's `VariantProps`. */
export type VariantsOf<F> = F extends (props: infer P) => string ? Omit<NonNullable<P>, "class" | "className"> : never;
