import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta, ResourceId, UnavailableSchema } from "../../lib/list-schemas";

export const INSTANCE_SORTS = ["created", "name", "status"] as const;
/** The power actions an instance may allow (action-policy.ts decides which, mirroring Nova's own checks). */
export const INSTANCE_ACTIONS = ["start", "stop", "reboot", "hard-reboot", "delete"] as const;

export const InstanceListQuery = listQuery(INSTANCE_SORTS, "created", "desc").extend({
  status: z
    .enum(["ACTIVE", "SHUTOFF", "ERROR", "BUILD", "PAUSED", "SUSPENDED", "REBOOT", "HARD_REBOOT"])
    .optional()
    .openapi({ description: "Nova's status filter" }),
});
export const InstanceIdParams = z.object({ id: ResourceId.openapi({ param: { name: "id", in: "path" } }) });

const Address = z
  .object({ network: z.string(), addr: z.string(), version: z.number().int(), type: z.string().nullable() })
  .openapi("InstanceAddress");

export const InstanceActionName = z.enum(INSTANCE_ACTIONS).openapi("InstanceActionName");
export const ActionStateSchema = z
  .object({
    action: InstanceActionName,
    enabled: z.boolean(),
    /** Why not, when disabled: a code the UI translates, and the English sentence. */
    reason: z
      .enum(["already_running", "already_stopped", "busy", "building", "deleting", "not_running", "error_state", "not_allowed_in_status"])
      .nullable(),
    message: z.string().nullable().openapi({ example: "Stop: the instance is already SHUTOFF" }),
    /** Destructive actions need a confirmation that names the instance. */
    destructive: z.boolean(),
  })
  .openapi("InstanceActionState");

export const InstanceSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string().openapi({ example: "ACTIVE" }),
    taskState: z.string().nullable().openapi({ example: "powering-off" }),
    vmState: z.string().nullable(),
    image: z.object({ id: z.string(), name: z.string().nullable() }).nullable().openapi({ description: "Null when booted from a volume" }),
    bootFromVolume: z.boolean(),
    flavor: z.object({
      name: z.string().nullable(),
      vcpus: z.number().nullable(),
      ramMiB: z.number().nullable(),
      diskGiB: z.number().nullable(),
    }),
    addresses: z.array(Address),
    created: z.string(),
    faultMessage: z.string().nullable().openapi({ description: "Nova's fault message, verbatim, when the instance is in ERROR" }),
    transient: z.boolean().openapi({ description: "Nova will move it on by itself (task state or BUILD/REBOOT…): worth polling" }),
    actions: z
      .array(ActionStateSchema)
      .openapi({ description: "Each action enabled, or disabled with the reason; the action route enforces the same policy" }),
  })
  .openapi("InstanceSummary");

export const InstanceListSchema = z
  .object({ items: z.array(InstanceSummarySchema), ...PageMeta, unavailable: UnavailableSchema })
  .openapi("InstanceList");

const Volume = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    sizeGiB: z.number().nullable(),
    status: z.string().nullable(),
    device: z.string().nullable(),
    deleteOnTermination: z.boolean().nullable(),
    bootable: z.boolean().nullable(),
    root: z.boolean().openapi({ description: "The root disk of an instance booted from a volume" }),
  })
  .openapi("InstanceVolume");

export const InstanceDetailSchema = InstanceSummarySchema.extend({
  unavailable: UnavailableSchema,
  fault: z
    .object({ code: z.number(), message: z.string(), details: z.string().nullable(), created: z.string().nullable() })
    .nullable()
    .openapi({ description: "Nova's fault, verbatim, when the instance is in ERROR" }),
  updated: z.string().nullable(),
  launchedAt: z.string().nullable(),
  keyName: z.string().nullable(),
  availabilityZone: z.string().nullable(),
  securityGroups: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  volumes: z.array(Volume),
}).openapi("InstanceDetail");

export const InstanceActionRequest = z
  .object({
    action: z.enum(["start", "stop", "reboot", "hard-reboot"]).openapi({ description: "Delete is DELETE /api/instances/{id}" }),
  })
  .strict()
  .openapi("InstanceActionRequest");

export const InstanceActionAccepted = z
  .object({
    action: InstanceActionName,
    status: z.string().openapi({ description: "The status the instance had when Nova accepted the action" }),
  })
  .openapi("InstanceActionAccepted");

export type InstanceListParams = z.infer<typeof InstanceListQuery>;
export type InstanceAction = z.infer<typeof InstanceActionName>;
export type ActionState = z.infer<typeof ActionStateSchema>;
export type DisabledReason = NonNullable<ActionState["reason"]>;
export type InstanceAddress = z.infer<typeof Address>;
export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;
export type InstanceVolume = z.infer<typeof Volume>;
export type InstanceDetail = z.infer<typeof InstanceDetailSchema>;
