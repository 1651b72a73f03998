import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/cn";
import { cva, type VariantsOf } from "@/lib/cva";
import { Icon } from "./icon";

const alertVariants = cva("flex gap-3 rounded-lg border p-3 text-sm", {
  variants: {
    tone: {
      info: "border-border bg-info-soft/60 text-foreground [&_[data-slot=alert-icon]]:text-primary",
      danger: "border-danger/30 bg-danger-soft text-foreground [&_[data-slot=alert-icon]]:text-danger",
      warning: "border-warning/30 bg-warning-soft text-foreground [&_[data-slot=alert-icon]]:text-warning",
    },
  },
  defaultVariants: { tone: "info" },
});

type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> &
  VariantsOf<typeof alertVariants> & { title: ReactNode; action?: ReactNode };

/** A message block. Danger alerts are announced (`role="alert"`); others are polite status. */
export function Alert({ className, tone, title, action, children, ...props }: AlertProps) {
  return (
    <div data-slot="alert" role={tone === "danger" ? "alert" : "status"} className={cn(alertVariants({ tone }), className)} {...props}>
      <Icon
        name={tone === "danger" ? "alert" : tone === "warning" ? "warning" : "info"}
        data-slot="alert-icon"
        className="mt-0.5 size-4 shrink-0"
      />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="font-medium">{title}</p>
        {children ? <div className="text-muted-foreground">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
