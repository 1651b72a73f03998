import type { AppRouteHandler } from "../../lib/types";
import type { ExportRoute, ListRoute } from "./audit.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await c.get("services").audit.list(c.req.valid("query")), 200);

/** Pages through the whole log (1,000 records a read) into JSON lines. */
export const exportLog: AppRouteHandler<ExportRoute> = async (c) => {
  const q = c.req.valid("query");
  const audit = c.get("services").audit;
  const lines: string[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await audit.list({ ...q, limit: 1000, before });
    for (const e of page.entries) lines.push(JSON.stringify(e));
    if (page.nextBefore === null) break;
    before = page.nextBefore;
  }
  return c.body(lines.length ? `${lines.join("\n")}\n` : "", 200, {
    "Content-Type": "application/x-ndjson; charset=utf-8",
    "Content-Disposition": 'attachment; filename="zenith-audit.jsonl"',
  }) as never;
};
