import { z } from "@hono/zod-openapi";
import { listQuery, PageMeta, ResourceId, UnavailableSchema } from "../../lib/list-schemas";
import {
  AttachPortFields,
  AttachVolumeFields,
  RebuildFields,
  RemoteConsoleFields,
  ResizeFields,
  SnapshotFields,
} from "../../../lib/schemas/instance-ops";
import { NOVA_FAULT_CODES } from "./nova-fault";

export const INSTANCE_SORTS = ["created", "name", "status"] as const;
/** The actions that need no argument, run by POST /instances/{id}/actions. */
export const SIMPLE_ACTIONS = [
  "start",
  "stop",
  "reboot",
  "hard-reboot",
  "confirm-resize",
  "revert-resize",
  "shelve",
  "unshelve",
  "rescue",
  "unrescue",
  "lock",
  "unlock",
] as const;
/** Every action an instance may allow (action-policy.ts decides which, mirroring Nova's own checks), in display order. */
export const INSTANCE_ACTIONS = [
  "start",
  "stop",
  "reboot",
  "hard-reboot",
  "resize",
  "confirm-resize",
  "revert-resize",
  "rebuild",
  "snapshot",
  "shelve",
  "unshelve",
  "rescue",
  "unrescue",
  "lock",
  "unlock",
  "attach-volume",
  "attach-interface",
  "console",
  "delete",
] as const;
export const DISABLED_REASONS = [
  "already_running",
  "already_stopped",
  "busy",
  "building",
  "deleting",
  "not_running",
  "error_state",
  "not_allowed_in_status",
  "locked",
  "already_locked",
  "not_locked",
  "not_resized",
  "not_shelved",
  "not_rescued",
  "volume_backed",
] as const;

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
    reason: z.enum(DISABLED_REASONS).nullable(),
    /** The Nova policy rule the action needs (Zed's default: a member of the project, or an admin). */
    policy: z.string().openapi({ example: "os_compute_api:servers:resize" }),
    message: z.string().nullable().openapi({ example: "Stop: the instance is already SHUTOFF" }),
    /** Destructive actions need a confirmation that names the instance. */
    destructive: z.boolean(),
  })
  .openapi("InstanceActionState");

export const NovaFaultReasonSchema = z
  /** Inline, not a named component: a nullable reference loses its null in the generated types. */
  .object({ code: z.enum(NOVA_FAULT_CODES), params: z.record(z.string(), z.union([z.string(), z.number()])) });

export const InstanceSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string().openapi({ example: "ACTIVE" }),
    taskState: z.string().nullable().openapi({ example: "powering-off" }),
    vmState: z.string().nullable(),
    image: z.object({ id: z.string(), name: z.string().nullable() }).nullable().openapi({ description: "Null when booted from a volume" }),
    bootFromVolume: z.boolean(),
    locked: z.boolean().openapi({ description: "Locked (os-lock-server): Nova refuses most actions until it is unlocked" }),
    flavor: z.object({
      name: z.string().nullable(),
      vcpus: z.number().nullable(),
      ramMiB: z.number().nullable(),
      diskGiB: z.number().nullable(),
    }),
    addresses: z.array(Address),
    created: z.string(),
    faultMessage: z
      .string()
      .nullable()
      .openapi({ description: "Nova's fault message, verbatim, when the instance is in ERROR: data for a disclosure, not a headline" }),
    /** Nova's fault message as a code and parameters the UI translates (no ids), when the instance is in ERROR. */
    faultReason: NovaFaultReasonSchema.nullable(),
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
  .discriminatedUnion("action", [
    z.object({ action: z.enum(SIMPLE_ACTIONS).openapi({ description: "Delete is DELETE /api/instances/{id}" }) }).strict(),
    ResizeFields,
    RebuildFields,
  ])
  .openapi("InstanceActionRequest");

export const InstanceActionAccepted = z
  .object({
    action: InstanceActionName,
    status: z.string().openapi({ description: "The status the instance had when Nova accepted the action" }),
  })
  .openapi("InstanceActionAccepted");

export type InstanceListParams = z.infer<typeof InstanceListQuery>;
export type InstanceAction = z.infer<typeof InstanceActionName>;
export type InstanceActionBody = z.infer<typeof InstanceActionRequest>;
export type ActionState = z.infer<typeof ActionStateSchema>;
export type DisabledReason = NonNullable<ActionState["reason"]>;
export type InstanceAddress = z.infer<typeof Address>;
export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;
export type InstanceVolume = z.infer<typeof Volume>;
export type InstanceDetail = z.infer<typeof InstanceDetailSchema>;

/** The inputs of the other instance routes: the dialogs' own schemas (lib/schemas/instance-ops.ts), named here. */
export const SnapshotRequest = SnapshotFields.openapi("InstanceSnapshotRequest");
export const AttachVolumeRequest = AttachVolumeFields.openapi("InstanceAttachVolumeRequest");
export const AttachPortRequest = AttachPortFields.openapi("InstanceAttachPortRequest");
export const RemoteConsoleRequest = RemoteConsoleFields.openapi("InstanceRemoteConsoleRequest");
export const VolumeIdParams = InstanceIdParams.extend({ volumeId: ResourceId.openapi({ param: { name: "volumeId", in: "path" } }) });
export const PortIdParams = InstanceIdParams.extend({ portId: ResourceId.openapi({ param: { name: "portId", in: "path" } }) });
export const ConsoleLogQuery = z.object({
  lines: z.coerce.number().int().min(1).max(10_000).default(200).openapi({ description: "The last N lines of the guest's serial log" }),
});

export const SnapshotAccepted = z
  .object({ imageId: z.string(), name: z.string() })
  .openapi("InstanceSnapshotAccepted", { description: "Nova accepted the snapshot; the image is queued, then saving, then active" });
export const ConsoleLogSchema = z
  .object({ lines: z.array(z.string()), requested: z.number().int() })
  .openapi("InstanceConsoleLog", { description: "The last lines of the guest's serial log (os-getConsoleOutput)" });
export const ActionLogSchema = z
  .object({
    items: z.array(
      z.object({
        action: z.string().openapi({ example: "resize" }),
        requestId: z.string(),
        userId: z.string().nullable(),
        mine: z.boolean().openapi({ description: "Started by the signed-in user" }),
        startTime: z.string(),
        message: z.string().nullable(),
      }),
    ),
  })
  .openapi("InstanceActionLog", { description: "Nova's os-instance-actions, newest first" });
export const RemoteConsoleSchema = z
  .object({ url: z.string(), protocol: z.string(), type: z.string() })
  .openapi("InstanceRemoteConsole", { description: "A URL to the cloud's console proxy, to open in a new tab" });
export const InstancePortSchema = z
  .object({
    portId: z.string(),
    networkId: z.string(),
    mac: z.string(),
    state: z.string(),
    fixedIps: z.array(z.string()),
  })
  .openapi("InstancePort");
export const InstancePortRowSchema = InstancePortSchema.extend({
  name: z.string().nullable().openapi({ description: "The port's name; null when unnamed or when Neutron could not be asked" }),
  networkName: z.string().nullable().openapi({ description: "The network's name; null when unnamed or not known" }),
  networkNameKnown: z
    .boolean()
    .openapi({ description: "Whether Neutron answered for the network (false: its name is unknown, not empty)" }),
}).openapi("InstancePortRow");
export type InstancePortRow = z.infer<typeof InstancePortRowSchema>;
export const InstancePortsSchema = z
  .object({ items: z.array(InstancePortRowSchema), unavailable: UnavailableSchema })
  .openapi("InstancePorts");
export const VolumeAttached = z.object({ volumeId: z.string(), device: z.string().nullable() }).openapi("InstanceVolumeAttached");
export const Detached = z.object({ id: z.string() }).openapi("InstanceDetached", { description: "Nova accepted the detach" });
export const InstanceSnapshotsSchema = z
  .object({
    items: z.array(
      z.object({ id: z.string(), name: z.string().nullable(), status: z.string(), created: z.string(), sizeBytes: z.number().nullable() }),
    ),
    truncated: z.boolean(),
  })
  .openapi("InstanceSnapshots", { description: "The Glance images snapshotted from this instance (instance_uuid), newest first" });
