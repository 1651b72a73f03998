"use client";

import { Suspense, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { lazyWithPreload } from "@/lib/lazy";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CardHeader, CardTitle } from "@/components/ui/card-sections";
import { Skeleton } from "@/components/ui/skeleton";

// The fan-out view (its table, bench panel and flatten dialog) loads when it is opened, not with the summary.
const FanoutView = lazyWithPreload(() => import("./fanout-view").then((m) => m.FanoutView));

/** Admin → Lineage → Fan-out: closed until asked for; its code is fetched on intent (pointer over, focus). */
export function FanoutPanel() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const preload = () => void FanoutView.preload();
  return (
    <Card aria-labelledby="fanout-title">
      <CardHeader>
        <CardTitle id="fanout-title">{t("lineageFanout.title")}</CardTitle>
        <Button
          aria-expanded={open}
          aria-controls="fanout-panel"
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => setOpen((o) => !o)}
          data-testid="fanout-toggle"
        >
          {open ? t("lineageFanout.hide") : t("lineageFanout.show")}
        </Button>
      </CardHeader>
      <div id="fanout-panel" hidden={!open}>
        {open ? (
          <Suspense
            fallback={
              <div aria-busy="true" className="space-y-2 p-4">
                <Skeleton className="h-8" />
                <Skeleton className="h-8" />
              </div>
            }
          >
            <FanoutView />
          </Suspense>
        ) : (
          <p className="px-4 pb-4 text-sm text-muted-foreground">{t("lineageFanout.teaser")}</p>
        )}
      </div>
    </Card>
  );
}
