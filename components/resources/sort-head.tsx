"use client";

import type { ReactNode } from "react";
import type { SortDir } from "@/lib/list-state";
import { TableHead } from "@/components/ui/table";
import { Icon } from "@/components/ui/icon";
import { cn } from "@/lib/cn";

interface SortHeadProps<S extends string> {
  sortKey: S;
  current: S;
  dir: SortDir;
  onSort: (sort: S, dir: SortDir) => void;
  children: ReactNode;
  className?: string;
}

/** A column header that sorts: a real button, with aria-sort on the header cell. */
export function SortHead<S extends string>({ sortKey, current, dir, onSort, children, className }: SortHeadProps<S>) {
  const active = current === sortKey;
  return (
    <TableHead aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <button
        type="button"
        onClick={() => onSort(sortKey, active && dir === "asc" ? "desc" : "asc")}
        className={cn(
          "-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase tracking-wide hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring",
          active && "text-foreground",
        )}
      >
        {children}
        <Icon name={active ? "chevronDown" : "chevronsUpDown"} className={cn("size-3", active && dir === "asc" && "rotate-180")} />
      </button>
    </TableHead>
  );
}
