import { createRoute, type z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import {
  FloatingIpAllocateSchema,
  FloatingIpAssociateSchema,
  FloatingIpIdParams,
  FloatingIpListSchema,
  FloatingIpSchema,
} from "../../features/floating-ips/schema";

const tags = ["floating-ips"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const notFound = json(
  ErrorSchema,
  "Neutron does not know the floating IP or port, or no router connects the port's subnet to the external network (upstream_not_found)",
);
const conflict = json(ErrorSchema, "Neutron refused: the port's address already has a floating IP, or the pool is exhausted");

export const list = createRoute({
  method: "get",
  path: "/floating-ips",
  tags,
  summary: "The project's floating IPs, the external networks to allocate from, and the instance ports to associate with",
  responses: { 200: json(FloatingIpListSchema, "Floating IPs"), ...errorResponses },
});
export const allocate = createRoute({
  method: "post",
  path: "/floating-ips",
  tags,
  summary: "Allocate a floating IP from an external network (associated at once when a port is given); never retried",
  request: body(FloatingIpAllocateSchema),
  responses: { 201: json(FloatingIpSchema, "The floating IP"), 404: notFound, 409: conflict, ...errorResponses },
});
export const associate = createRoute({
  method: "put",
  path: "/floating-ips/{id}/port",
  tags,
  summary: "Associate with a port, or disassociate with null",
  request: { params: FloatingIpIdParams, ...body(FloatingIpAssociateSchema) },
  responses: { 200: json(FloatingIpSchema, "The floating IP"), 404: notFound, 409: conflict, ...errorResponses },
});
export const release = createRoute({
  method: "delete",
  path: "/floating-ips/{id}",
  tags,
  summary: "Release the floating IP back to its pool (disassociating it first if needed)",
  request: { params: FloatingIpIdParams },
  responses: { 204: { description: "Released" }, 404: notFound, ...errorResponses },
});

export type ListRoute = typeof list;
export type AllocateRoute = typeof allocate;
export type AssociateRoute = typeof associate;
export type ReleaseRoute = typeof release;
