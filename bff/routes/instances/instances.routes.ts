import { createRoute, type z } from "@hono/zod-openapi";
import { errorResponses, ErrorSchema } from "../../errors";
import {
  InstanceActionAccepted,
  InstanceActionRequest,
  InstanceDetailSchema,
  InstanceIdParams,
  InstanceListQuery,
  InstanceListSchema,
} from "../../features/instances/schema";

const tags = ["instances"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const notFound = json(ErrorSchema, "Nova does not know this instance (or it belongs to another project)");
const refused = json(
  ErrorSchema,
  "The action is not allowed in the instance's current state; `message` says why (code `action_not_allowed`)",
);

export const list = createRoute({
  method: "get",
  path: "/instances",
  tags,
  summary: "A page of the project's instances: status, task state, image, flavor, addresses",
  request: { query: InstanceListQuery },
  responses: { 200: json(InstanceListSchema, "A page of instances"), ...errorResponses },
});

export const getOne = createRoute({
  method: "get",
  path: "/instances/{id}",
  tags,
  summary: "One instance with Nova's fault verbatim, its volumes, and which actions it allows now (with reasons)",
  request: { params: InstanceIdParams },
  responses: { 200: json(InstanceDetailSchema, "The instance"), 404: notFound, ...errorResponses },
});

export const action = createRoute({
  method: "post",
  path: "/instances/{id}/actions",
  tags,
  summary: "Start, stop, reboot or hard-reboot (checked against the policy first; never retried)",
  request: { params: InstanceIdParams, body: { content: { "application/json": { schema: InstanceActionRequest } }, required: true } },
  responses: { 202: json(InstanceActionAccepted, "Nova accepted the action"), 404: notFound, 409: refused, ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/instances/{id}",
  tags,
  summary: "Delete the instance (never retried)",
  request: { params: InstanceIdParams },
  responses: { 202: json(InstanceActionAccepted, "Nova accepted the delete"), 404: notFound, 409: refused, ...errorResponses },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
export type ActionRoute = typeof action;
export type RemoveRoute = typeof remove;
