"use client";

import { useId, type ReactElement } from "react";
import { cloneElement } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, TranslateVars } from "@/lib/i18n/translate";
import { Label } from "@/components/ui/input";

interface FormFieldProps {
  label: string;
  hint?: string;
  error?: { key: MessageKey; vars?: TranslateVars };
  /** One input/select; it gets the id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  className?: string;
}

/** A labelled field with its hint and its error (from the shared schema), announced with the input. */
export function FormField({ label, hint, error, children, className }: FormFieldProps) {
  const t = useT();
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ?? "space-y-1"}>
      <Label htmlFor={id}>{label}</Label>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-err`} className="text-xs text-danger" role="alert">
          {t(error.key, error.vars)}
        </p>
      ) : null}
    </div>
  );
}
