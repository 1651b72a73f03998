"use client";

import type { CSSProperties } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import type { Topology, TopologyNode } from "@/lib/queries/topology";
import { instanceStatusLabel } from "@/components/instances/instance-status-badge";

export const hrefOf = (n: TopologyNode): string =>
  n.kind === "instance" ? `/project/instances/${n.id}` : n.kind === "router" ? "/project/routers" : `/project/networks/${n.id}`;

/** A node's detail as shown: an instance's is Nova's status, translated; the others' are addresses. */
export const detailOf = (t: Translate, n: TopologyNode): string =>
  n.kind === "instance" && n.detail ? instanceStatusLabel(t, n.detail) : n.detail;

const NODE_W = 168;
const NODE_H = 48;
const TONE: Record<TopologyNode["kind"], CSSProperties> = {
  external: { fill: "var(--warning-soft)", stroke: "var(--warning)" },
  network: { fill: "var(--info-soft)", stroke: "var(--primary)" },
  router: { fill: "var(--muted)", stroke: "var(--foreground)" },
  instance: { fill: "var(--success-soft)", stroke: "var(--success)" },
};

/**
 * The graph as the BFF laid it out (dagre runs there): each node is a link the keyboard reaches (Tab, then Enter),
 * named by its visible text (name, kind and detail); the lines carry no meaning of their own (the text list says what connects).
 */
export function TopologyGraph({ topology }: { topology: Topology }) {
  const t = useT();
  return (
    <div className="overflow-auto">
      <svg width={topology.width} height={topology.height} role="group" aria-label={t("topologyPage.graphLabel")}>
        <g>
          {topology.edges.map((e) => (
            <polyline
              key={`${e.kind}:${e.from}>${e.to}`}
              points={e.points.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              stroke="var(--muted-foreground)"
              strokeWidth={1.5}
            />
          ))}
        </g>
        {topology.nodes.map((n) => {
          const kind = t(`topologyPage.kind.${n.kind}` as MessageKey);
          const line1 = (n.name || t("topologyPage.unnamed")).slice(0, 22);
          const detail = detailOf(t, n);
          const line2 = `${kind}${detail ? ` · ${detail}` : ""}`.slice(0, 30);
          // The link's name is its visible text (name, kind, detail); the full name of a truncated one is in the text list.
          return (
            <a key={n.id} href={hrefOf(n)}>
              <rect
                x={n.x - NODE_W / 2}
                y={n.y - NODE_H / 2}
                width={NODE_W}
                height={NODE_H}
                rx={8}
                strokeWidth={1.5}
                style={TONE[n.kind]}
              />
              <text x={n.x} y={n.y - 4} textAnchor="middle" fontSize={12} fontWeight={500} fill="var(--foreground)">
                {line1}
                {/* The space joins the two lines in the text content, so the accessible name starts with exactly it. */}{" "}
              </text>
              <text x={n.x} y={n.y + 12} textAnchor="middle" fontSize={11} fill="var(--muted-foreground)">
                {line2}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
