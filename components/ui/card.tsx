import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/**
 * A card. Its sections (header, title, description, content) live in card-sections.tsx: Turbopack ships every export
 * of a module that client code imports, and most cards (lists, the error page) use none of them.
 */
export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section data-slot="card" className={cn("rounded-lg border bg-surface shadow-xs", className)} {...props} />;
}
