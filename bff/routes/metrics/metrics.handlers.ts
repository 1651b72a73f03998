import type { AppRouteHandler } from "../../lib/types";
import type { MetricsRoute } from "./metrics.routes";

export const metrics: AppRouteHandler<MetricsRoute> = async (c) => {
  const m = c.get("services").metrics;
  // Prometheus' own content type (text/plain; version=0.0.4), not Hono's text/plain; charset=UTF-8.
  return c.text(await m.text(), 200, { "Content-Type": m.contentType });
};
