import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";

export const metrics = createRoute({
  method: "get",
  path: "/metrics",
  tags: ["health"],
  summary: "Prometheus metrics: requests by route and status, upstream latency by service, status and route, breakers",
  description:
    "Readable with `Authorization: Bearer <ZENITH_METRICS_TOKEN>` (for a scraper) or an admin session; 401 otherwise, 403 for a member.",
  security: [{ bearer: [] }],
  responses: {
    200: {
      content: {
        "text/plain": {
          schema: z.string().openapi({ example: 'zenith_http_requests_total{method="GET",route="/api/instances",status="200"} 3' }),
        },
      },
      description: "Prometheus text exposition format 0.0.4",
    },
    ...errorResponses,
  },
});
export type MetricsRoute = typeof metrics;
