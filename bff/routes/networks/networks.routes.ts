import { createRoute, type z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import {
  NetworkCreateSchema,
  NetworkDetailSchema,
  NetworkIdParams,
  NetworkListQuery,
  NetworkListSchema,
  PortCreateSchema,
  PortParams,
} from "../../features/networks/schema";

const tags = ["networks"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const notFound = json(ErrorSchema, "Neutron does not know it (or it belongs to another project)");
const conflict = json(ErrorSchema, "Neutron refused: ports still in use, an address taken, or the port belongs to an instance/router");

export const list = createRoute({
  method: "get",
  path: "/networks",
  tags,
  summary: "A page of the networks the project can use, with their subnets and CIDRs",
  request: { query: NetworkListQuery },
  responses: { 200: json(NetworkListSchema, "A page of networks"), ...errorResponses },
});

export const create = createRoute({
  method: "post",
  path: "/networks",
  tags,
  summary: "Create a network with its first subnet (a refused subnet removes the network again); never retried",
  request: { body: { content: { "application/json": { schema: NetworkCreateSchema } }, required: true } },
  responses: { 201: json(NetworkDetailSchema, "The network with its subnet"), 409: conflict, ...errorResponses },
});

export const getOne = createRoute({
  method: "get",
  path: "/networks/{id}",
  tags,
  summary: "One network with its subnets and ports, and which ports may be deleted here",
  request: { params: NetworkIdParams },
  responses: { 200: json(NetworkDetailSchema, "The network"), 404: notFound, ...errorResponses },
});

export const remove = createRoute({
  method: "delete",
  path: "/networks/{id}",
  tags,
  summary: "Delete a network with its subnets (Neutron answers 409 while ports other than DHCP remain)",
  request: { params: NetworkIdParams },
  responses: { 204: { description: "Deleted" }, 404: notFound, 409: conflict, ...errorResponses },
});

export const createPort = createRoute({
  method: "post",
  path: "/networks/{id}/ports",
  tags,
  summary: "Create a port on the network (optionally on one subnet and address); never retried",
  request: { params: NetworkIdParams, body: { content: { "application/json": { schema: PortCreateSchema } }, required: true } },
  responses: { 201: json(NetworkDetailSchema, "The network with the new port"), 404: notFound, 409: conflict, ...errorResponses },
});

export const removePort = createRoute({
  method: "delete",
  path: "/networks/{id}/ports/{portId}",
  tags,
  summary: "Delete a free port of the network (409 port_not_deletable, with the reason, for an instance's or router's port)",
  request: { params: PortParams },
  responses: { 204: { description: "Deleted" }, 404: notFound, 409: conflict, ...errorResponses },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type GetOneRoute = typeof getOne;
export type RemoveRoute = typeof remove;
export type CreatePortRoute = typeof createPort;
export type RemovePortRoute = typeof removePort;
