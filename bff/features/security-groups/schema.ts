import { z } from "@hono/zod-openapi";
import { SecurityGroupCreateFields, SecurityGroupRuleFields } from "../../../lib/schemas/security-group";

/** The forms' own schemas (lib/schemas/security-group.ts), named for the OpenAPI document. */
export const SecurityGroupCreateSchema = SecurityGroupCreateFields.openapi("SecurityGroupCreate");
export const SecurityGroupRuleCreateSchema = SecurityGroupRuleFields.openapi("SecurityGroupRuleCreate");

export const SecurityGroupRuleSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["ingress", "egress"]),
    ethertype: z.string().openapi({ example: "IPv4" }),
    protocol: z.string().nullable().openapi({ description: "null: any protocol" }),
    portMin: z.number().int().nullable(),
    portMax: z.number().int().nullable(),
    remoteCidr: z.string().nullable(),
    remoteGroupId: z.string().nullable(),
    description: z.string(),
  })
  .openapi("SecurityGroupRule");

export const SecurityGroupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    isDefault: z.boolean().openapi({ description: "The project's default group: Neutron refuses to delete it" }),
    rules: z.array(SecurityGroupRuleSchema),
  })
  .openapi("SecurityGroup");

export const SecurityGroupListSchema = z.object({ items: z.array(SecurityGroupSchema) }).openapi("SecurityGroupList");

const idParam = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name, in: "path" } });
export const SecurityGroupIdParams = z.object({ id: idParam("id") });
export const SecurityGroupRuleParams = z.object({ id: idParam("id"), ruleId: idParam("ruleId") });

export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
export type SecurityGroupRule = z.infer<typeof SecurityGroupRuleSchema>;
export type SecurityGroupRuleCreate = z.infer<typeof SecurityGroupRuleCreateSchema>;
