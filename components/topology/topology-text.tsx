"use client";

import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import type { Topology } from "@/lib/queries/topology";
import { detailOf, hrefOf } from "./topology-graph";

/** The same graph as text: each node with its links, for screen readers and anyone who prefers a list. */
export function TopologyText({ topology }: { topology: Topology }) {
  const t = useT();
  const byId = new Map(topology.nodes.map((n) => [n.id, n]));
  return (
    <ul className="space-y-2 text-sm" data-testid="topology-text">
      {topology.nodes.map((n) => {
        const links = topology.edges.filter((e) => e.from === n.id);
        return (
          <li key={n.id}>
            <span className="text-muted-foreground">{t(`topologyPage.kind.${n.kind}` as MessageKey)}: </span>
            <Link href={hrefOf(n)} className="font-medium underline-offset-4 hover:underline">
              {n.name || t("topologyPage.unnamed")}
            </Link>
            {n.detail ? <span className="text-muted-foreground"> ({detailOf(t, n)})</span> : null}
            {links.length ? (
              <ul className="ml-2">
                {links.map((e) => {
                  const to = byId.get(e.to);
                  return (
                    <li key={`${e.from}>${e.to}`}>
                      {t(`topologyPage.edge.${e.kind}` as MessageKey)} {to?.name || e.to}{" "}
                      <code className="font-mono text-xs">{e.label}</code>
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
