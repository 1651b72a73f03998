import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { AllInstancesSchema, AllProjectsQuery, AllVolumesSchema } from "../../features/all-projects/schema";

export const allInstances = createRoute({
  method: "get",
  path: "/admin/all-instances",
  tags: ["admin"],
  summary: "Admin: every project's instances (Nova all_tenants), optionally one project's",
  request: { query: AllProjectsQuery },
  responses: {
    200: { content: { "application/json": { schema: AllInstancesSchema } }, description: "A page of instances" },
    ...errorResponses,
  },
});
export const allVolumes = createRoute({
  method: "get",
  path: "/admin/all-volumes",
  tags: ["admin"],
  summary: "Admin: every project's volumes (Cinder all_tenants), optionally one project's",
  request: { query: AllProjectsQuery },
  responses: {
    200: { content: { "application/json": { schema: AllVolumesSchema } }, description: "A page of volumes" },
    ...errorResponses,
  },
});
export type AllInstancesRoute = typeof allInstances;
export type AllVolumesRoute = typeof allVolumes;
