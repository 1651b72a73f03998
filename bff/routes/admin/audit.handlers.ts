import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./audit.routes";

export const list: AppRouteHandler<ListRoute> = (c) =>
  c.json({ entries: c.get("services").audit.list(c.req.valid("query").limit) }, 200);
