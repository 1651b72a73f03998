"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useT } from "@/lib/i18n/client";
import type { InstanceDetail } from "@/lib/queries/instances";
import { instanceOpQueries } from "@/lib/queries/instance-ops";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TabState } from "./tab-state";

/** The last lines of the guest's serial log (os-getConsoleOutput), refreshed on demand. */
export function ConsoleLogTab({ instance: i }: { instance: InstanceDetail }) {
  const t = useT();
  const id = useId();
  const [lines, setLines] = useState(200);
  const q = useQuery(instanceOpQueries.consoleLog(i.id, lines));
  return (
    <Card>
      <div className="flex flex-wrap items-center justify-end gap-2 p-3">
        <Label htmlFor={`${id}-lines`}>{t("instanceOps.lines")}</Label>
        <Select id={`${id}-lines`} value={lines} onChange={(e) => setLines(Number(e.target.value))}>
          {[50, 200, 1000].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <Button variant="secondary" onClick={() => q.refetch()} disabled={q.isFetching}>
          {t("instanceOps.refresh")}
        </Button>
      </div>
      <TabState q={q} isEmpty={(d) => !d.lines.join("").trim()} empty={t("instanceOps.consoleEmpty")}>
        {(d) => (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable log must be reachable by keyboard
          <pre
            tabIndex={0}
            aria-label={t("instanceOps.tab.console")}
            className="max-h-[28rem] overflow-auto whitespace-pre-wrap break-all p-4 font-mono text-xs"
          >
            {d.lines.join("\n")}
          </pre>
        )}
      </TabState>
    </Card>
  );
}
