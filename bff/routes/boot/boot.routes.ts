import { createRoute, z } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema } from "../../errors";
import {
  BootCreatedSchema,
  BootOptionsSchema,
  BootPlanRequestSchema,
  BootPlanSchema,
  BootProgressSchema,
  BootRequestSchema,
  ServerIdParams,
  StreamQuery,
} from "../../features/boot/schema";

const tags = ["boot"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const notFound = json(ErrorSchema, "The source, flavor or server does not exist; `service` names who said so");

export const options = createRoute({
  method: "get",
  path: "/boot/options",
  tags,
  summary: "Everything the launch wizard lists, in one round trip",
  responses: {
    200: json(
      BootOptionsSchema,
      "Images, instance snapshots, volumes, volume snapshots, flavors, networks, security groups, key pairs, volume types, quotas, Nova's volume wait",
    ),
    ...errorResponses,
  },
});

export const plan = createRoute({
  method: "post",
  path: "/boot/plan",
  tags,
  summary: "The path the cloud will take for these choices (clone or copy), why, what it costs and what can go wrong",
  request: { body: { content: { "application/json": { schema: BootPlanRequestSchema } }, required: true } },
  responses: { 200: json(BootPlanSchema, "The plan"), 404: notFound, ...errorResponses },
});

export const create = createRoute({
  method: "post",
  path: "/boot",
  tags,
  summary: "Boot the server (one POST /servers to Nova, never retried)",
  request: { body: { content: { "application/json": { schema: BootRequestSchema } }, required: true } },
  responses: {
    202: json(BootCreatedSchema, "Nova accepted the boot"),
    404: notFound,
    409: json(ErrorSchema, "Something blocks the boot (quota, size, flavor, source); `details` lists the blockers"),
    ...errorResponses,
  },
});

export const progress = createRoute({
  method: "get",
  path: "/boot/{serverId}/progress",
  tags,
  summary: "Phases with timestamps (Cinder volume, Nova task states), outcome with Nova's fault verbatim, elapsed against the prediction",
  request: { params: ServerIdParams },
  responses: { 200: json(BootProgressSchema, "Progress"), 404: notFound, ...errorResponses },
});

export const progressStream = createRoute({
  method: "get",
  path: "/boot/{serverId}/progress/stream",
  tags,
  summary: "Server-sent events: `progress` (a BootProgress) on every change until done, then `end`",
  request: { params: ServerIdParams, query: StreamQuery },
  responses: {
    200: {
      content: { "text/event-stream": { schema: z.string().openapi({ description: "event: progress\\ndata: <BootProgress JSON>" }) } },
      description: "The event stream",
    },
    404: notFound,
    ...errorResponses,
  },
});

export type OptionsRoute = typeof options;
export type PlanRoute = typeof plan;
export type CreateRoute = typeof create;
export type ProgressRoute = typeof progress;
export type ProgressStreamRoute = typeof progressStream;
