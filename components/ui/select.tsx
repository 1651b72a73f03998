import type { SelectHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/** A native select, styled like Input: the browser's own keyboard and screen-reader behaviour. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      data-slot="select"
      className={cn(
        "h-9 rounded-md border border-input bg-surface px-2.5 pr-8 text-sm shadow-xs transition-colors",
        "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/40",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
