"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** The buttons; the first focusable element inside gets focus unless one has `autoFocus`. */
  footer: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and restores focus to what
 * opened it. `role="alertdialog"` because every use so far confirms something.
 */
export function Dialog({ open, onOpenChange, title, description, footer, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      data-slot="dialog"
      onClose={() => onOpenChange(false)}
      onClick={(e) => {
        if (e.target === ref.current) onOpenChange(false);
      }}
      className={cn(
        "m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border bg-surface p-0 text-foreground shadow-lg backdrop:bg-black/40",
        className,
      )}
    >
      {open ? (
        <div className="space-y-3 p-5">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {title}
          </h2>
          {description ? (
            <div id={`${id}-desc`} className="text-sm text-muted-foreground">
              {description}
            </div>
          ) : null}
          {children}
          <div className="flex justify-end gap-2 pt-2">{footer}</div>
        </div>
      ) : null}
    </dialog>
  );
}
