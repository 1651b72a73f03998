"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "@/lib/i18n/client";
import type { LineageTreeRow } from "@/lib/queries/lineage";
import { NodeKindBadge } from "./node-kind-badge";
import { NodeUsage } from "./node-usage";

/** The rows shown: every row whose ancestors are all open (rows are depth-first, so a subtree follows its row). */
export function visibleRows(rows: LineageTreeRow[], closed: Set<string>): { row: LineageTreeRow; index: number }[] {
  const out: { row: LineageTreeRow; index: number }[] = [];
  let skipBelow = Infinity;
  rows.forEach((row, index) => {
    if (row.depth > skipBelow) return;
    skipBelow = Infinity;
    out.push({ row, index });
    if (row.children > 0 && closed.has(row.spec)) skipBelow = row.depth;
  });
  return out;
}

const ROW_PX = 36;

/**
 * One root image's clone tree as an ARIA tree over depth-first rows, virtualized (only the rows in view are in the
 * DOM): ↑/↓ move, → opens or enters, ← closes or goes to the parent, Home/End jump; one row is tabbable at a time.
 */
export function LineageTree({ label, rows, highlight }: { label: string; rows: LineageTreeRow[]; highlight?: string | null }) {
  const t = useT();
  // The root opens; deeper rows with children start closed (a leftover's chain opens on demand).
  const [closed, setClosed] = useState<Set<string>>(() => new Set(rows.filter((r) => r.depth > 0 && r.children > 0).map((r) => r.spec)));
  const [focused, setFocused] = useState(rows[0]?.spec ?? "");
  const [moved, setMoved] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const refs = useRef(new Map<string, HTMLLIElement>());
  const shown = useMemo(() => visibleRows(rows, closed), [rows, closed]);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });

  // A search hit: open the rows above it, bring it into view and make it the tabbable row.
  useEffect(() => {
    if (!highlight) return;
    const at = rows.findIndex((r) => r.spec === highlight);
    if (at < 0) return;
    const above: string[] = [];
    for (let j = at - 1, depth = rows[at].depth; j >= 0 && depth > 0; j--)
      if (rows[j].depth < depth) {
        above.push(rows[j].spec);
        depth = rows[j].depth;
      }
    if (above.some((spec) => closed.has(spec))) {
      setClosed((prev) => new Set([...prev].filter((spec) => !above.includes(spec))));
      return;
    }
    const i = shown.findIndex((s) => s.row.spec === highlight);
    if (i >= 0) {
      setFocused(highlight);
      virtual.scrollToIndex(i, { align: "center" });
    }
  }, [highlight, rows, closed, shown, virtual]);
  // Keyboard moves focus to a row that may only now be rendered: re-run when the rendered rows change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the virtual items are the trigger, not a value read
  useEffect(() => {
    if (moved) refs.current.get(focused)?.focus();
  }, [moved, focused, virtual.getVirtualItems()]);

  const move = (i: number) => {
    const target = shown[Math.max(0, Math.min(shown.length - 1, i))];
    if (!target) return;
    setMoved(true);
    setFocused(target.row.spec);
    virtual.scrollToIndex(shown.indexOf(target));
  };
  const toggle = (spec: string, open?: boolean) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (open ?? next.has(spec)) next.delete(spec);
      else next.add(spec);
      return next;
    });

  const onKey = (e: KeyboardEvent, i: number) => {
    const { row } = shown[i];
    const isOpen = row.children > 0 && !closed.has(row.spec);
    switch (e.key) {
      case "ArrowDown":
        move(i + 1);
        break;
      case "ArrowUp":
        move(i - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(shown.length - 1);
        break;
      case "ArrowRight":
        if (row.children > 0 && !isOpen) toggle(row.spec, true);
        else if (isOpen) move(i + 1);
        break;
      case "ArrowLeft":
        if (isOpen) toggle(row.spec, false);
        else {
          for (let j = i - 1; j >= 0; j--)
            if (shown[j].row.depth < row.depth) {
              move(j);
              break;
            }
        }
        break;
      case "Enter":
      case " ":
        if (row.children > 0) toggle(row.spec);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div ref={scroller} className="max-h-[28rem] overflow-auto" data-testid="lineage-tree-scroll">
      <ul
        role="tree"
        aria-label={t("lineage.treeLabel", { image: label })}
        className="relative text-sm"
        style={{ height: virtual.getTotalSize() }}
      >
        {virtual.getVirtualItems().map((v) => {
          const { row } = shown[v.index];
          const expanded = row.children > 0 ? !closed.has(row.spec) : undefined;
          const title = row.owner?.name ?? row.spec.slice(row.spec.indexOf("/") + 1);
          return (
            <li
              key={row.spec}
              ref={(el) => {
                if (el) refs.current.set(row.spec, el);
                else refs.current.delete(row.spec);
              }}
              role="treeitem"
              aria-level={row.depth + 1}
              aria-expanded={expanded}
              aria-selected={focused === row.spec}
              aria-posinset={v.index + 1}
              aria-setsize={shown.length}
              tabIndex={focused === row.spec ? 0 : -1}
              data-spec={row.spec}
              data-index={v.index}
              onKeyDown={(e) => onKey(e, v.index)}
              onFocus={() => setFocused(row.spec)}
              onClick={() => {
                setFocused(row.spec);
                if (row.children > 0) toggle(row.spec);
              }}
              className={`absolute left-0 right-0 flex cursor-default items-center gap-x-2 overflow-hidden whitespace-nowrap rounded-md px-2 outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring ${highlight === row.spec ? "bg-muted" : ""}`}
              style={{ top: v.start, height: ROW_PX, paddingLeft: `${0.5 + Math.min(row.depth, 12) * 1.5}rem` }}
            >
              <span aria-hidden className="w-3 text-muted-foreground">
                {row.children > 0 ? (expanded ? "▾" : "▸") : ""}
              </span>
              <NodeKindBadge node={row} />
              <span className="font-medium">{title}</span>
              <code className="truncate text-xs text-muted-foreground">{row.spec}</code>
              {row.via ? <span className="text-xs text-muted-foreground">{t("lineage.via", { snap: row.via })}</span> : null}
              {row.ownerUnknown ? <span className="text-xs text-warning">{t("lineage.ownerUnknown")}</span> : null}
              {row.cinderDeleted ? <span className="text-xs text-muted-foreground">{t("lineage.hiddenParent")}</span> : null}
              {row.blockedBy > 0 ? <span className="text-xs text-warning">{t("lineage.cantDelete", { count: row.blockedBy })}</span> : null}
              <NodeUsage node={row} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
