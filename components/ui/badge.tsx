import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import { cva, type VariantsOf } from "@/lib/cva";

export const badgeVariants = cva("inline-flex max-w-full items-center gap-1 border px-2 py-0.5 text-xs font-medium leading-4", {
  variants: {
    tone: {
      neutral: "border-border bg-muted text-muted-foreground",
      info: "border-transparent bg-info-soft text-accent-foreground",
      success: "border-transparent bg-success-soft text-success",
      warning: "border-transparent bg-warning-soft text-warning",
      danger: "border-transparent bg-danger-soft text-danger",
    },
    dot: { true: "before:size-1.5 before:shrink-0 before:rounded-full before:bg-current before:content-['']", false: "" },
    /** A sentence-long badge (a verdict) wraps inside its container instead of overflowing it. */
    wrap: { true: "whitespace-normal break-words rounded-md text-left", false: "whitespace-nowrap rounded-full" },
  },
  defaultVariants: { tone: "neutral", dot: "false", wrap: "false" },
});

type BadgeVariants = VariantsOf<typeof badgeVariants>;
export type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeVariants["tone"]; dot?: boolean; wrap?: boolean };

export function Badge({ className, tone, dot, wrap, ...props }: BadgeProps) {
  return (
    <span
      data-slot="badge"
      className={cn(badgeVariants({ tone, dot: dot ? "true" : "false", wrap: wrap ? "true" : "false" }), className)}
      {...props}
    />
  );
}
