import { z } from "zod";
import { RemoteCidr, ResourceName } from "./network";

/** Security groups and their rules: the form's schema and the BFF route's (bff/features/security-groups). */
export const SecurityGroupCreateFields = z
  .object({
    name: ResourceName.min(1, "is required").refine((n) => n !== "default", {
      message: "'default' is reserved for the project's default group",
      params: { code: "sg_default_reserved" },
    }),
    description: z.string().max(255).default(""),
  })
  .strict();

import { RULE_PROTOCOLS } from "./rule-protocols";

export { RULE_PROTOCOLS };

const Port = z.number().int().min(0).max(65535);

export const SecurityGroupRuleFields = z
  .object({
    direction: z.enum(["ingress", "egress"]),
    protocol: z.enum(RULE_PROTOCOLS),
    portMin: Port.nullable().default(null).describe("tcp/udp: first port; icmp: type"),
    portMax: Port.nullable().default(null).describe("tcp/udp: last port; icmp: code"),
    remote: z
      .discriminatedUnion("kind", [
        z.object({ kind: z.literal("any") }),
        z.object({ kind: z.literal("cidr"), cidr: RemoteCidr }),
        z.object({ kind: z.literal("group"), groupId: z.string().min(1, "is required") }),
      ])
      .default({ kind: "any" }),
    description: z.string().max(255).default(""),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string, code: string) =>
      ctx.addIssue({ code: "custom", path: [path], message, params: { code } });
    if (r.protocol === "any") {
      if (r.portMin !== null || r.portMax !== null) issue("portMin", "ports need a protocol (tcp, udp or icmp)", "ports_need_protocol");
      return;
    }
    if (r.protocol === "icmp") {
      if (r.portMin !== null && r.portMin > 255) issue("portMin", "an ICMP type is 0-255", "icmp_type_range");
      if (r.portMax !== null && r.portMax > 255) issue("portMax", "an ICMP code is 0-255", "icmp_code_range");
      if (r.portMax !== null && r.portMin === null) issue("portMin", "an ICMP code needs a type", "icmp_code_needs_type");
      return;
    }
    if ((r.portMin === null) !== (r.portMax === null))
      issue(r.portMin === null ? "portMin" : "portMax", "give both ends of the range", "port_range_incomplete");
    if (r.portMin !== null && r.portMin < 1) issue("portMin", "ports are 1-65535", "port_range_invalid");
    if (r.portMin !== null && r.portMax !== null && r.portMin > r.portMax)
      issue("portMax", "must not be below the first port", "port_range_reversed");
  });

export type SecurityGroupRuleInput = z.input<typeof SecurityGroupRuleFields>;
