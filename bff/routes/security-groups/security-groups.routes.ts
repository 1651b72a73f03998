import { createRoute, type z } from "@hono/zod-openapi";
import { ErrorSchema, errorResponses } from "../../errors";
import {
  SecurityGroupCreateSchema,
  SecurityGroupIdParams,
  SecurityGroupListSchema,
  SecurityGroupRuleCreateSchema,
  SecurityGroupRuleParams,
  SecurityGroupRuleSchema,
  SecurityGroupSchema,
} from "../../features/security-groups/schema";

const tags = ["security-groups"];
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ content: { "application/json": { schema } }, description });
const body = <T extends z.ZodTypeAny>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const notFound = json(ErrorSchema, "Neutron does not know it (or it belongs to another project)");
const conflict = json(ErrorSchema, "Neutron refused: in use, a duplicate rule, or over quota (upstream_conflict, naming network)");

export const list = createRoute({
  method: "get",
  path: "/security-groups",
  tags,
  summary: "The project's security groups with their rules",
  responses: { 200: json(SecurityGroupListSchema, "Security groups"), ...errorResponses },
});
export const create = createRoute({
  method: "post",
  path: "/security-groups",
  tags,
  summary: "Create a security group (Neutron adds its two egress rules); never retried",
  request: body(SecurityGroupCreateSchema),
  responses: { 201: json(SecurityGroupSchema, "The group"), 409: conflict, ...errorResponses },
});
export const remove = createRoute({
  method: "delete",
  path: "/security-groups/{id}",
  tags,
  summary: "Delete a security group (409 while a port uses it; the default group cannot be deleted)",
  request: { params: SecurityGroupIdParams },
  responses: { 204: { description: "Deleted" }, 404: notFound, 409: conflict, ...errorResponses },
});
export const addRule = createRoute({
  method: "post",
  path: "/security-groups/{id}/rules",
  tags,
  summary: "Add a rule (protocol, port range, remote CIDR or group); never retried",
  request: { params: SecurityGroupIdParams, ...body(SecurityGroupRuleCreateSchema) },
  responses: { 201: json(SecurityGroupRuleSchema, "The rule"), 404: notFound, 409: conflict, ...errorResponses },
});
export const removeRule = createRoute({
  method: "delete",
  path: "/security-groups/{id}/rules/{ruleId}",
  tags,
  summary: "Remove a rule",
  request: { params: SecurityGroupRuleParams },
  responses: { 204: { description: "Removed" }, 404: notFound, ...errorResponses },
});

export type ListRoute = typeof list;
export type CreateRoute = typeof create;
export type RemoveRoute = typeof remove;
export type AddRuleRoute = typeof addRule;
export type RemoveRuleRoute = typeof removeRule;
