import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema } from "../../errors";
import {
  ImageCreateBody,
  ImageCreated,
  ImageDetailSchema,
  ImageIdParams,
  ImageUpdateBody,
  ImportCapabilitySchema,
  WebDownloadBody,
} from "../../features/images/schema";

const tags = ["images"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const notFound = json(ErrorSchema, "Glance does not know this image (or the project cannot see it)");
const refused = json(
  ErrorSchema,
  "Refused: `image_in_use` (details.clones), `image_protected`, `conversion_unavailable`, `conversion_refused`, or Glance's 409",
);

export const getOne = createRoute({
  method: "get",
  path: "/images/{id}",
  tags,
  summary: "One image: size against virtual size, format and the clone verdict, properties, import state, clones reading from it",
  request: { params: ImageIdParams },
  responses: { 200: json(ImageDetailSchema, "The image"), 404: notFound, ...errorResponses },
});

export const importInfo = createRoute({
  method: "get",
  path: "/images/import-info",
  tags,
  summary: "What this Glance can import: its enabled methods, web-download, and whether Convert to raw is offered (or why not)",
  responses: { 200: json(ImportCapabilitySchema, "The import capability"), ...errorResponses },
});

export const create = createRoute({
  method: "post",
  path: "/images",
  tags,
  summary: "A queued image record; its data is then PUT through /api/openstack/image/images/{id}/file, streamed (never retried)",
  request: { body: body(ImageCreateBody) },
  responses: { 201: json(ImageCreated, "Glance created the record"), ...errorResponses },
});

export const webDownload = createRoute({
  method: "post",
  path: "/images/web-download",
  tags,
  summary: "A new image that Glance downloads itself from `uri` (web-download import); the record is removed when Glance refuses the URI",
  request: { body: body(ImageCreateBody.extend(WebDownloadBody.shape)) },
  responses: { 202: json(ImageCreated, "Glance accepted the import"), 409: refused, ...errorResponses },
});

export const update = createRoute({
  method: "patch",
  path: "/images/{id}",
  tags,
  summary: "Edit name, visibility, protection, minimums and custom properties (one JSON patch; never retried)",
  request: { params: ImageIdParams, body: body(ImageUpdateBody) },
  responses: { 200: json(ImageDetailSchema, "The image after the change"), 404: notFound, 409: refused, ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/images/{id}",
  tags,
  summary: "Delete the image, refused while clones read from it (lineage's rule) or while it is protected",
  request: { params: ImageIdParams },
  responses: {
    200: json(z.object({ id: z.string(), deleted: z.literal(true) }), "Deleted"),
    404: notFound,
    409: refused,
    ...errorResponses,
  },
});

export const convert = createRoute({
  method: "post",
  path: "/images/{id}/convert",
  tags,
  summary: "Make a raw copy: a new image staged from this one's data (streamed) and imported with glance-direct through image_conversion",
  request: { params: ImageIdParams },
  responses: { 202: json(ImageCreated, "The copy is importing"), 404: notFound, 409: refused, ...errorResponses },
});

export type GetOneRoute = typeof getOne;
export type ImportInfoRoute = typeof importInfo;
export type CreateRoute = typeof create;
export type WebDownloadRoute = typeof webDownload;
export type UpdateRoute = typeof update;
export type RemoveRoute = typeof remove;
export type ConvertRoute = typeof convert;
