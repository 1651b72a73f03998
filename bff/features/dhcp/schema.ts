import { z } from "@hono/zod-openapi";
import { factsStampFields } from "../../lib/facts-stamp-schema";

const Target = z.coerce.number().int().min(1).max(10);

export const DhcpAuditQuery = z.object({
  target: Target.default(2).openapi({ description: "Alive admin-up DHCP agents wanted per network", example: 2 }),
  refresh: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: read Neutron anew instead of the shared facts (joins a read already running)" }),
});

export const DhcpVerdictSchema = z.enum(["ok", "degraded", "down", "no-dhcp"]).openapi("DhcpVerdict");

export const DhcpAgentSchema = z
  .object({
    id: z.string(),
    host: z.string().openapi({ example: "cs1-opc-1" }),
    alive: z.boolean(),
    adminStateUp: z.boolean(),
    heartbeat: z.string().nullable(),
    usable: z.boolean().openapi({ description: "Alive and admin-up" }),
    networkIds: z.array(z.string()).openapi({ description: "Networks this agent hosts" }),
  })
  .openapi("DhcpAgent");

export const DhcpNetworkSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    dhcpEnabled: z.boolean(),
    agents: z.array(z.object({ id: z.string(), host: z.string(), alive: z.boolean(), adminStateUp: z.boolean() })),
    healthy: z.number().int().openapi({ description: "Hosting agents that are alive and admin-up" }),
    target: z.number().int(),
    verdict: DhcpVerdictSchema,
  })
  .openapi("DhcpNetwork");

export const DhcpAuditSchema = z
  .object({
    availability: z
      .enum(["ok", "no-agent-extension", "no-scheduler-extension", "no-dhcp-agents"])
      .openapi({ description: "Anything but ok: this cloud has no DHCP agents to audit (e.g. OVN)" }),
    target: z.number().int(),
    networks: z.array(DhcpNetworkSchema),
    agents: z.array(DhcpAgentSchema),
    summary: z.object({
      ok: z.number().int(),
      degraded: z.number().int(),
      down: z.number().int(),
      "no-dhcp": z.number().int(),
      usableAgents: z.number().int(),
    }),
  })
  .openapi("DhcpAudit");
export type DhcpAuditBody = z.infer<typeof DhcpAuditSchema>;

export const HealRequestSchema = z
  .object({
    networkIds: z
      .array(z.string().min(1))
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: "Only these networks (default: all below target)" }),
    target: Target.default(2),
    dryRun: z.boolean(),
    planId: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional()
      .openapi({ description: "Required with dryRun false: the plan being confirmed" }),
  })
  .openapi("DhcpHealRequest");

const Step = {
  op: z
    .enum(["add", "remove"])
    .openapi({ description: "add: schedule an alive agent; remove: drop a dead agent's binding (only on a network already at target)" }),
  networkId: z.string(),
  networkName: z.string(),
  agentId: z.string(),
  agentHost: z.string(),
};
export const HealPlanSchema = z
  .object({
    dryRun: z.literal(true),
    planId: z.string(),
    target: z.number().int(),
    steps: z.array(z.object(Step).openapi("DhcpHealStep")),
    warnings: z.array(
      z
        .object({
          networkId: z.string(),
          networkName: z.string(),
          healthy: z.number().int(),
          target: z.number().int(),
          available: z.number().int(),
          message: z.string(),
        })
        .openapi("DhcpHealWarning"),
    ),
  })
  .openapi("DhcpHealPlan");

export const HealResultSchema = z
  .object({
    dryRun: z.literal(false),
    planId: z.string(),
    results: z.array(
      z
        .object({
          ...Step,
          status: z.enum(["added", "already-hosted", "removed", "already-removed", "refused", "error"]),
          detail: z.string().nullable(),
        })
        .openapi("DhcpHealStepResult"),
    ),
  })
  .openapi("DhcpHealResult");

const Summary = DhcpAuditSchema.shape.summary;
const Gathered = factsStampFields("Neutron facts", "reads Neutron");

export const DhcpAgentSummarySchema = DhcpAgentSchema.omit({ networkIds: true })
  .extend({ networks: z.number().int().openapi({ description: "Networks this agent hosts" }) })
  .openapi("DhcpAgentSummary");

export const DhcpSummarySchema = z
  .object({
    ...Gathered,
    availability: DhcpAuditSchema.shape.availability,
    target: z.number().int(),
    summary: Summary,
    networks: z.number().int().openapi({ description: "All networks audited" }),
    belowTarget: z.object({
      total: z.number().int(),
      items: z.array(DhcpNetworkSchema).openapi({
        description: "The first below-target networks (down first, then by name); the rest through /admin/dhcp/networks?below=true",
      }),
    }),
    healable: z.number().int().openapi({ description: "Below-target networks an alive admin-up agent could still be added to" }),
    agents: z.array(DhcpAgentSummarySchema).openapi({ description: "Every DHCP agent with its heartbeat" }),
  })
  .openapi("DhcpSummary");
export type DhcpSummary = z.infer<typeof DhcpSummarySchema>;

export const DhcpNetworksQuery = z.object({
  target: Target.default(2),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  verdict: DhcpVerdictSchema.optional(),
  below: z.enum(["true", "false"]).optional().openapi({ description: "true: only networks below target (down or degraded)" }),
  q: z.string().trim().max(200).optional().openapi({ description: "Network name or id contains this (case-insensitive)" }),
});

export const DhcpNetworkPageSchema = z
  .object({
    ...Gathered,
    total: z.number().int(),
    offset: z.number().int(),
    items: z.array(DhcpNetworkSchema),
  })
  .openapi("DhcpNetworkPage");
export type DhcpNetworkPage = z.infer<typeof DhcpNetworkPageSchema>;
