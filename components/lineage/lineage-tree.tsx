"use client";

import { useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useT } from "@/lib/i18n/client";
import type { LineageNode } from "@/lib/queries/lineage";
import { NodeKindBadge } from "./node-kind-badge";
import { NodeUsage } from "./node-usage";

interface Row { node: LineageNode; depth: number; via: string | null; hasKids: boolean }

const kidsOf = (n: LineageNode) => n.snapshots.flatMap((s) => s.children.map((c) => ({ spec: c, via: s.name })));

/**
 * One Glance image's clone tree as an ARIA tree: ↑/↓ move, → expands or enters, ← collapses or goes to the
 * parent, Home/End jump; one row is tabbable at a time (roving tabindex).
 */
export function LineageTree({ root, label, nodes }: { root: string; label: string; nodes: Map<string, LineageNode> }) {
  const t = useT();
  const [open, setOpen] = useState<Set<string>>(() => new Set([root]));
  const [focused, setFocused] = useState(root);
  const refs = useRef(new Map<string, HTMLLIElement>());

  const rows = useMemo(() => {
    const out: Row[] = [];
    const walk = (spec: string, depth: number, via: string | null, seen: Set<string>) => {
      const node = nodes.get(spec);
      if (!node || seen.has(spec)) return;
      const kids = kidsOf(node);
      out.push({ node, depth, via, hasKids: kids.length > 0 });
      if (open.has(spec)) for (const k of kids) walk(k.spec, depth + 1, k.via, new Set([...seen, spec]));
    };
    walk(root, 0, null, new Set());
    return out;
  }, [nodes, root, open]);

  const move = (spec: string) => { setFocused(spec); refs.current.get(spec)?.focus(); };
  const toggle = (spec: string, to?: boolean) =>
    setOpen((prev) => { const next = new Set(prev); if (to ?? !next.has(spec)) next.add(spec); else next.delete(spec); return next; });

  const onKey = (e: KeyboardEvent, i: number) => {
    const row = rows[i];
    const spec = row.node.spec;
    const parentIdx = () => { for (let j = i - 1; j >= 0; j--) if (rows[j].depth < row.depth) return j; return -1; };
    switch (e.key) {
      case "ArrowDown": if (rows[i + 1]) move(rows[i + 1].node.spec); break;
      case "ArrowUp": if (rows[i - 1]) move(rows[i - 1].node.spec); break;
      case "Home": move(rows[0].node.spec); break;
      case "End": move(rows[rows.length - 1].node.spec); break;
      case "ArrowRight":
        if (row.hasKids && !open.has(spec)) toggle(spec, true);
        else if (row.hasKids && rows[i + 1]) move(rows[i + 1].node.spec);
        break;
      case "ArrowLeft":
        if (row.hasKids && open.has(spec)) toggle(spec, false);
        else { const p = parentIdx(); if (p >= 0) move(rows[p].node.spec); }
        break;
      case "Enter": case " ": if (row.hasKids) toggle(spec); break;
      default: return;
    }
    e.preventDefault();
  };

  return (
    <ul role="tree" aria-label={t("lineage.treeLabel", { image: label })} className="text-sm">
      {rows.map((row, i) => {
        const n = row.node;
        const expanded = row.hasKids ? open.has(n.spec) : undefined;
        const title = n.owner?.name ?? n.name;
        return (
          <li
            key={`${n.spec}-${i}`}
            ref={(el) => { if (el) refs.current.set(n.spec, el); else refs.current.delete(n.spec); }}
            role="treeitem"
            aria-level={row.depth + 1}
            aria-expanded={expanded}
            aria-selected={focused === n.spec}
            tabIndex={focused === n.spec ? 0 : -1}
            data-spec={n.spec}
            onKeyDown={(e) => onKey(e, i)}
            onFocus={() => setFocused(n.spec)}
            onClick={() => { setFocused(n.spec); if (row.hasKids) toggle(n.spec); }}
            className="flex cursor-default flex-wrap items-center gap-x-2 gap-y-1 rounded-md px-2 py-1.5 outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring"
            style={{ paddingLeft: `${0.5 + row.depth * 1.5}rem` }}
          >
            <span aria-hidden className="w-3 text-muted-foreground">{row.hasKids ? (expanded ? "▾" : "▸") : ""}</span>
            <NodeKindBadge node={n} />
            <span className="font-medium">{title}</span>
            <code className="text-xs text-muted-foreground">{n.spec}</code>
            {row.via ? <span className="text-xs text-muted-foreground">{t("lineage.via", { snap: row.via })}</span> : null}
            <NodeUsage node={n} />
            {n.cinderDeleted ? <span className="w-full pl-5 text-xs text-muted-foreground">{t("lineage.hiddenParent")}</span> : null}
            {n.blockedBy.length > 0 ? (
              <span className="w-full pl-5 text-xs text-warning">{t("lineage.cantDelete", { count: n.blockedBy.length })}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
