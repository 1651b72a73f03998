import { createRoute, type z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import {
  RouterCreateSchema,
  RouterGatewaySchema,
  RouterIdParams,
  RouterInterfaceParams,
  RouterInterfaceSchema,
  RouterListSchema,
  RouterSummarySchema,
} from "../../features/routers/schema";

const tags = ["routers"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const notFound = json(ErrorSchema, "Neutron does not know the router, subnet or network (or another project owns it)");
const conflict = json(
  ErrorSchema,
  "Neutron refused (upstream_conflict): the router still has interfaces, a floating IP needs it, or the subnet's gateway address is taken",
);
const summary = json(RouterSummarySchema, "The router as it is now");

export const list = createRoute({
  method: "get",
  path: "/routers",
  tags,
  summary: "The project's routers with gateway and interfaces, the external networks and the subnets an interface can join",
  responses: { 200: json(RouterListSchema, "Routers"), ...errorResponses },
});
export const create = createRoute({
  method: "post",
  path: "/routers",
  tags,
  summary: "Create a router, optionally with its external gateway; never retried",
  request: body(RouterCreateSchema),
  responses: { 201: summary, 404: notFound, ...errorResponses },
});
export const remove = createRoute({
  method: "delete",
  path: "/routers/{id}",
  tags,
  summary: "Delete a router (its gateway goes with it; 409 while it has interfaces)",
  request: { params: RouterIdParams },
  responses: { 204: { description: "Deleted" }, 404: notFound, 409: conflict, ...errorResponses },
});
export const setGateway = createRoute({
  method: "put",
  path: "/routers/{id}/gateway",
  tags,
  summary: "Set the external gateway, or clear it with null (409 while floating IPs go through it)",
  request: { params: RouterIdParams, ...body(RouterGatewaySchema) },
  responses: { 200: summary, 404: notFound, 409: conflict, ...errorResponses },
});
export const addInterface = createRoute({
  method: "post",
  path: "/routers/{id}/interfaces",
  tags,
  summary: "Attach a subnet (the interface takes the subnet's gateway address); never retried",
  request: { params: RouterIdParams, ...body(RouterInterfaceSchema) },
  responses: { 200: summary, 404: notFound, 409: conflict, ...errorResponses },
});
export const removeInterface = createRoute({
  method: "delete",
  path: "/routers/{id}/interfaces/{subnetId}",
  tags,
  summary: "Detach a subnet (409 while a floating IP goes through it)",
  request: { params: RouterInterfaceParams },
  responses: { 200: summary, 404: notFound, 409: conflict, ...errorResponses },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type RemoveRoute = typeof remove;
export type SetGatewayRoute = typeof setGateway;
export type AddInterfaceRoute = typeof addInterface;
export type RemoveInterfaceRoute = typeof removeInterface;
