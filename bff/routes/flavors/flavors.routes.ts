import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { FlavorListSchema } from "../../features/flavors/schema";

export const list = createRoute({
  method: "get",
  path: "/flavors",
  tags: ["flavors"],
  summary: "The flavors the project may use (read-only for tenants)",
  responses: { 200: { content: { "application/json": { schema: FlavorListSchema } }, description: "Flavors" }, ...errorResponses },
});
export type ListRoute = typeof list;
