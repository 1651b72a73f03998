import type { HTMLAttributes } from "react";
import { cn } from "@/lib/cn";
import { cva, type VariantsOf } from "@/lib/cva";

export const badgeVariants = cva(
  "inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium leading-4",
  {
    variants: {
      tone: {
        neutral: "border-border bg-muted text-muted-foreground",
        info: "border-transparent bg-info-soft text-accent-foreground",
        success: "border-transparent bg-success-soft text-success",
        warning: "border-transparent bg-warning-soft text-warning",
        danger: "border-transparent bg-danger-soft text-danger",
      },
      dot: { true: "before:size-1.5 before:rounded-full before:bg-current before:content-['']", false: "" },
    },
    defaultVariants: { tone: "neutral", dot: "false" },
  },
);

type BadgeVariants = VariantsOf<typeof badgeVariants>;
export type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: BadgeVariants["tone"]; dot?: boolean };

export function Badge({ className, tone, dot, ...props }: BadgeProps) {
  return (
    <span
      data-slot="badge"
      className={cn(badgeVariants({ tone, dot: dot ? "true" : "false" }), className)}
      {...props}
    />
  );
}
