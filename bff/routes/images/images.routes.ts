import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { ImageListQuery, ImageListSchema } from "../../features/images/schema";

export const list = createRoute({
  method: "get",
  path: "/images",
  tags: ["images"],
  summary: "A page of the images the project can see: format (clone or copy), sizes, minimums, visibility, protection",
  request: { query: ImageListQuery },
  responses: { 200: { content: { "application/json": { schema: ImageListSchema } }, description: "A page of images" }, ...errorResponses },
});
export type ListRoute = typeof list;
