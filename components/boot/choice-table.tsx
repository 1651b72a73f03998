import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface ChoiceRow {
  id: string;
  label: ReactNode;
  cells: ReactNode[];
  disabled?: boolean;
  reason?: ReactNode;
}

interface Props {
  name: string;
  /** Radio (one) or checkbox (many). */
  kind: "radio" | "checkbox";
  caption: string;
  columns: string[];
  rows: ChoiceRow[];
  selected: string[];
  onToggle: (id: string) => void;
  empty: ReactNode;
}

/**
 * A table of choices made with native radio/checkbox inputs, so arrow keys, Space and screen readers
 * work as they do everywhere; a disabled row says why in its own line.
 */
export function ChoiceTable({ name, kind, caption, columns, rows, selected, onToggle, empty }: Props) {
  if (rows.length === 0) return <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">{empty}</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted/60 text-left text-xs text-muted-foreground">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const id = `${name}-${r.id}`;
            const on = selected.includes(r.id);
            return (
              <tr key={r.id} data-testid={id} className={cn("border-t", on && "bg-info-soft/50", r.disabled && "opacity-60")}>
                <td className="px-3 py-2">
                  <label htmlFor={id} className={cn("flex items-start gap-2", r.disabled ? "cursor-not-allowed" : "cursor-pointer")}>
                    <input
                      id={id}
                      type={kind}
                      name={name}
                      value={r.id}
                      checked={on}
                      disabled={r.disabled}
                      onChange={() => onToggle(r.id)}
                      aria-describedby={r.reason ? `${id}-why` : undefined}
                      className="mt-0.5 size-4 accent-[var(--color-primary)]"
                    />
                    <span className="min-w-0">
                      <span className="font-medium">{r.label}</span>
                      {r.reason ? (
                        <span id={`${id}-why`} className="block text-xs text-danger">
                          {r.reason}
                        </span>
                      ) : null}
                    </span>
                  </label>
                </td>
                {r.cells.map((c, i) => (
                  <td key={i} className="px-3 py-2 text-muted-foreground">
                    {c}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
