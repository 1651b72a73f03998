"use client";

import { Suspense, type ReactNode } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload, type PreloadableLazy } from "@/lib/lazy";
import type { InstanceDetail } from "@/lib/queries/instances";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

const TABS = ["overview", "volumes", "ports", "console", "actions", "lineage"] as const;
type Tab = (typeof TABS)[number];
type Panel = PreloadableLazy<{ instance: InstanceDetail }>;

/** Each tab but the overview is its own chunk, fetched when it is first chosen (or on intent over its trigger). */
const PANELS: Record<Exclude<Tab, "overview">, Panel> = {
  volumes: lazyWithPreload(() => import("./tabs/volumes-tab").then((m) => m.VolumesTab)),
  ports: lazyWithPreload(() => import("./tabs/ports-tab").then((m) => m.PortsTab)),
  console: lazyWithPreload(() => import("./tabs/console-log-tab").then((m) => m.ConsoleLogTab)),
  actions: lazyWithPreload(() => import("./tabs/action-log-tab").then((m) => m.ActionLogTab)),
  lineage: lazyWithPreload(() => import("./tabs/lineage-tab").then((m) => m.LineageTab)),
};

/** The instance page's sections; the chosen one is in the URL (?tab=), so it survives a reload and can be linked. */
export function InstanceTabs({ instance, overview }: { instance: InstanceDetail; overview: ReactNode }) {
  const t = useT();
  const pathname = usePathname();
  const asked = useSearchParams().get("tab") as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : "overview";
  const select = (v: string) => window.history.replaceState(null, "", v === "overview" ? pathname : `${pathname}?tab=${v}`);
  const Panel = tab === "overview" ? null : PANELS[tab];
  return (
    <Tabs value={tab} onValueChange={select}>
      <TabsList aria-label={t("instanceOps.tabs")} className="h-auto flex-wrap">
        {TABS.map((v) => (
          <TabsTrigger key={v} value={v}>
            <span onPointerEnter={v === "overview" ? undefined : () => void PANELS[v].preload()}>{t(`instanceOps.tab.${v}`)}</span>
          </TabsTrigger>
        ))}
      </TabsList>
      <TabsContent value={tab} className="mt-4">
        {Panel ? (
          <Suspense fallback={<Skeleton className="h-32 w-full" />}>
            <Panel instance={instance} />
          </Suspense>
        ) : (
          overview
        )}
      </TabsContent>
    </Tabs>
  );
}
