import { createRoute } from "@hono/zod-openapi";
import { errorResponses } from "../../errors";
import { VolumeListQuery, VolumeListSchema } from "../../features/volumes/schema";

export const list = createRoute({
  method: "get",
  path: "/volumes",
  tags: ["volumes"],
  summary: "A page of the project's volumes: size, status, type, bootable, attachments and source image",
  request: { query: VolumeListQuery },
  responses: {
    200: { content: { "application/json": { schema: VolumeListSchema } }, description: "A page of volumes" },
    ...errorResponses,
  },
});
export type ListRoute = typeof list;
