"use client";

import { useEffect, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Topology, TopologyNode } from "@/lib/queries/topology";
import { NODE_H, NODE_W, layoutTopology, type Placed } from "./layout";

export const hrefOf = (n: TopologyNode): string =>
  n.kind === "instance" ? `/project/instances/${n.id}` : n.kind === "router" ? "/project/routers" : `/project/networks/${n.id}`;

const TONE: Record<TopologyNode["kind"], string> = {
  external: "fill-warning-soft stroke-warning",
  network: "fill-info-soft stroke-primary",
  router: "fill-muted stroke-foreground",
  instance: "fill-success-soft stroke-success",
};

/** The drawn graph: each node is a link (Tab reaches it, Enter opens it), with its kind and name as its accessible name. */
export function TopologyGraph({ topology }: { topology: Topology }) {
  const t = useT();
  const [placed, setPlaced] = useState<Placed | null>(null);
  useEffect(() => {
    let live = true;
    layoutTopology(topology).then((p) => live && setPlaced(p));
    return () => {
      live = false;
    };
  }, [topology]);
  if (!placed) return <p className="p-4 text-sm text-muted-foreground">{t("topologyPage.laying")}</p>;
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  return (
    <div className="overflow-auto" tabIndex={-1}>
      <svg width={placed.width} height={placed.height} role="group" aria-label={t("topologyPage.graphLabel")} className="text-foreground">
        <g>
          {placed.edges.map((e) => (
            <polyline
              key={`${e.from}>${e.to}`}
              points={e.points.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              className="stroke-muted-foreground"
              strokeWidth={1.5}
            />
          ))}
        </g>
        {[...placed.nodes.values()].map((p) => {
          const n = byId.get(p.id);
          if (!n) return null;
          const kind = t(`topologyPage.kind.${n.kind}` as MessageKey);
          return (
            <a
              key={p.id}
              href={hrefOf(n)}
              aria-label={`${kind}: ${n.name || n.id}${n.detail ? ` (${n.detail})` : ""}`}
              className="group focus:outline-none"
            >
              <rect
                x={p.x - NODE_W / 2}
                y={p.y - NODE_H / 2}
                width={NODE_W}
                height={NODE_H}
                rx={8}
                className={`${TONE[n.kind]} group-focus-visible:stroke-[3] group-hover:stroke-2`}
              />
              <text x={p.x} y={p.y - 4} textAnchor="middle" className="fill-foreground text-[12px] font-medium">
                {(n.name || n.id.slice(0, 8)).slice(0, 22)}
              </text>
              <text x={p.x} y={p.y + 12} textAnchor="middle" className="fill-muted-foreground text-[10px]">
                {`${kind}${n.detail ? ` · ${n.detail}` : ""}`.slice(0, 30)}
              </text>
            </a>
          );
        })}
      </svg>
    </div>
  );
}
