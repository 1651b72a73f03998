import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { InfrastructureSchema } from "../../features/infrastructure/schema";

export const getInfrastructure = createRoute({
  method: "get",
  path: "/admin/infrastructure",
  tags: ["admin"],
  summary: "Admin, read-only: Nova's hypervisors (os-hypervisors/detail) and services, and Cinder's services (os-services)",
  responses: {
    200: { content: { "application/json": { schema: InfrastructureSchema } }, description: "Hypervisors and services" },
    ...errorResponses,
  },
});
export type GetInfrastructureRoute = typeof getInfrastructure;
