import { z } from "@hono/zod-openapi";
import { BootPlanRequestFields, BootRequestFields, BootSourceFields } from "../../../lib/schemas/boot";
import { NovaFaultReasonSchema } from "../instances/schema";

/**
 * The boot feature's shapes, one schema each: the route validates and documents with them, the planner's types are
 * their z.infer (types.ts re-exports them), and the request is the wizard form's own schema (lib/schemas/boot.ts).
 */

const Id = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._:@-]+$/, "must be an id (letters, digits, . _ : @ -)");
export const QuantilesSchema = z.object({ p50: z.number(), p90: z.number() }).openapi("Quantiles");
export const BootPathSchema = z
  .enum(["rbd-clone-local", "rbd-clone-volume", "copy-volume", "download-convert-local", "existing-volume"])
  .openapi("BootPath");

/** The request schemas are shared with the wizard's form (lib/schemas/boot.ts); here they get their OpenAPI names. */
export const BootSourceSchema = BootSourceFields.openapi("BootSource");
export const BootPlanRequestSchema = BootPlanRequestFields.extend({ source: BootSourceSchema }).openapi("BootPlanRequest", {
  example: {
    source: { type: "image", id: "0f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b" },
    createVolume: true,
    volumeSize: 20,
    flavorId: "2",
    networkIds: ["3cb9bc59-5699-4588-a4b1-b87f96708bc6"],
  },
});
export const BootRequestSchema = BootRequestFields.extend({ source: BootSourceSchema }).openapi("BootRequest");

export const CheckIdSchema = z.enum(["location_exposed", "same_fsid", "raw_format", "snapshot_readable"]);
export const CheckStatusSchema = z.enum(["pass", "fail", "unknown"]);
/**
 * One clone condition: its verdict, the evidence as a code with parameters (the UI renders it in the user's
 * language; see CHECK_CODES in checks.ts), and the same evidence in English for logs. Never Ceph's own text,
 * URL or fsid.
 */
export const CheckSchema = z
  .object({
    id: CheckIdSchema,
    status: CheckStatusSchema,
    code: z.string().openapi({
      description: "The evidence as a code (rendered by the UI in the user's language); never Ceph's text, URL or fsid",
      example: "in_cluster_by_id",
    }),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    evidence: z.string().openapi({ description: "The same evidence in English, for logs" }),
  })
  .openapi("BootCheck");
export const SeveritySchema = z.enum(["info", "warning", "error"]);
export const RiskSchema = z
  .object({
    code: z.string(),
    severity: SeveritySchema,
    message: z.string(),
    fix: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi("BootRisk");
export const BlockerSchema = z
  .object({
    code: z.string(),
    field: z.string().nullable(),
    message: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi("BootBlocker");
/** How fast a full copy goes (end-to-end image bytes per second of a Cinder copy; p90 is the slow tail), and where that number came from. */
export const ThroughputSchema = z
  .object({ source: z.enum(["learned", "default"]), bytesPerSecond: QuantilesSchema, samples: z.number(), explanation: z.string() })
  .openapi("BootThroughput");
export const NovaWaitSchema = z
  .object({ retries: z.number(), intervalSeconds: z.number(), seconds: z.number(), attempts: z.number() })
  .openapi("NovaVolumeWait");

export const StageSchema = z.object({
  stage: z.enum(["clone", "download", "convert", "import", "boot"]),
  bytes: z.number(),
  seconds: QuantilesSchema,
});
/** One quota a boot draws on: Nova's or Cinder's own name for it, and whether it fits (-1 limits are unlimited). */
export const QuotaEffectSchema = z.object({
  quota: z.string(),
  service: z.enum(["compute", "volume"]),
  limit: z.number(),
  inUse: z.number(),
  requested: z.number(),
  ok: z.boolean(),
});

export const BootPlanSchema = z
  .object({
    source: z.object({ type: BootSourceSchema.shape.type, id: z.string(), name: z.string() }),
    path: BootPathSchema,
    certain: z.boolean().openapi({ description: "False when a check is unknown: path is then the assumed clone, alternative the copy" }),
    toggleApplies: z.boolean(),
    createsVolume: z.boolean().openapi({
      description:
        "Whether the boot makes a new root volume (the toggle for an image; always for a volume snapshot or a volume-backed instance snapshot)",
    }),
    explanation: z.string(),
    checks: z.array(CheckSchema),
    bytesToCopy: z.number(),
    predictedSeconds: QuantilesSchema.openapi({ description: "Until ACTIVE" }),
    storageSeconds: QuantilesSchema.openapi({ description: "Until the root disk is ready: compared with Nova's volume wait" }),
    stages: z.array(StageSchema),
    spaceBytes: z.object({ kind: z.enum(["thin", "full", "existing"]), bytes: z.number() }),
    minVolumeGiB: z.number(),
    volumeSizeGiB: z.number().nullable(),
    volumeType: z.object({ name: z.string(), source: z.enum(["requested", "default"]) }).nullable(),
    throughput: ThroughputSchema,
    novaWait: NovaWaitSchema,
    alternative: z
      .object({
        path: BootPathSchema,
        predictedSeconds: QuantilesSchema,
        storageSeconds: QuantilesSchema,
        ifFails: z.array(CheckIdSchema).openapi({ description: "The unknown checks whose failure leads here" }),
        exceedsNovaWait: z.boolean().openapi({ description: "This copy outlasts Nova's volume wait (the plan leads with it)" }),
      })
      .nullable()
      .openapi({ description: "The worst case when the path is not certain" }),
    risks: z.array(RiskSchema),
    quota: z.array(QuotaEffectSchema),
    blockers: z.array(BlockerSchema),
    parentFanout: z
      .object({
        code: z.literal("busy_parent"),
        params: z.object({ clones: z.number().int(), adding: z.number().int(), max: z.number().int() }),
      })
      .nullable()
      .optional()
      .openapi({
        description:
          "A clone boot that adds to a parent snapshot whose clones (running or not) would exceed the fan-out limit (ZENITH_FANOUT_MAX_RUNNING_CLONES): Admin → Lineage → Fan-out says which run",
      }),
  })
  .openapi("BootPlan");

export const BootCreatedSchema = z
  .object({
    serverId: z.string(),
    plan: BootPlanSchema,
    progressUrl: z.string(),
    streamUrl: z.string(),
  })
  .openapi("BootCreated");

export const ServerIdParams = z.object({ serverId: Id.openapi({ param: { name: "serverId", in: "path" } }) });
export const StreamQuery = z.object({
  intervalMs: z.coerce
    .number()
    .int()
    .min(200)
    .max(10_000)
    .default(1000)
    .openapi({ param: { name: "intervalMs", in: "query" } }),
});

export const PhaseSchema = z.enum([
  "scheduling",
  "volume_creating",
  "volume_downloading",
  "volume_available",
  "block_device_mapping",
  "networking",
  "spawning",
  "active",
  "error",
]);
/** What the BFF wrote into the server's metadata at launch, read back: storageP50 is null for boots launched before it was recorded. */
const PredictionSchema = z.object({
  path: BootPathSchema,
  p50: z.number(),
  p90: z.number(),
  waitSeconds: z.number().nullable(),
  storageP50: z.number().nullable().openapi({ description: "Until the root disk is ready, as planned" }),
  alternative: z
    .object({ path: BootPathSchema, storageP50: z.number() })
    .nullable()
    .openapi({ description: "An uncertain plan's worst case: the copy if an unknown check fails" }),
});
export const BootProgressSchema = z
  .object({
    serverId: z.string(),
    name: z.string(),
    status: z.string(),
    taskState: z.string().nullable(),
    outcome: z.enum(["building", "active", "error"]),
    done: z.boolean(),
    phases: z.array(z.object({ phase: PhaseSchema, at: z.string(), source: z.enum(["nova", "cinder"]), detail: z.string().nullable() })),
    volume: z
      .object({
        id: z.string(),
        status: z.string(),
        matchedBy: z
          .enum(["attachment", "image-and-time", "snapshot-and-time", "launch-time"])
          .openapi({ description: "How the root volume was found: Nova links it only once attached" }),
      })
      .nullable(),
    fault: z
      .object({
        code: z.number(),
        message: z.string().openapi({ description: "Nova's fault message, verbatim: data for a disclosure, not a headline" }),
        reason: NovaFaultReasonSchema,
        created: z.string().nullable(),
      })
      .nullable(),
    startedAt: z.string(),
    elapsedSeconds: z.number(),
    prediction: PredictionSchema.nullable(),
    verdict: z.enum(["on_track", "slower_than_predicted", "past_nova_wait", "finished"]),
  })
  .openapi("BootProgress");

const Quota = z.object({ limit: z.number(), inUse: z.number() });
const BootImage = z
  .object({
    id: z.string(),
    name: z.string(),
    diskFormat: z.string().nullable(),
    size: z.number().nullable(),
    virtualSize: z.number().nullable(),
    minDisk: z.number(),
    minRam: z.number(),
    visibility: z.string(),
    volumeBacked: z.boolean(),
    volumeSize: z
      .number()
      .nullable()
      .openapi({ description: "Volume-backed snapshot: the root volume size in GiB from its block_device_mapping" }),
    createdAt: z.string(),
  })
  .openapi("BootImage");
export const BootOptionsSchema = z
  .object({
    images: z.array(BootImage),
    instanceSnapshots: z.array(BootImage),
    volumes: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          status: z.string(),
          size: z.number(),
          bootable: z.boolean(),
          volumeType: z.string().nullable(),
          attached: z.boolean(),
          createdAt: z.string(),
        })
        .openapi("BootVolume"),
    ),
    volumeSnapshots: z.array(
      z
        .object({ id: z.string(), name: z.string(), status: z.string(), size: z.number(), volumeId: z.string() })
        .openapi("BootVolumeSnapshot"),
    ),
    flavors: z.array(
      z.object({ id: z.string(), name: z.string(), vcpus: z.number(), ram: z.number(), disk: z.number() }).openapi("BootFlavor"),
    ),
    networks: z.array(
      z.object({ id: z.string(), name: z.string(), status: z.string(), shared: z.boolean(), subnets: z.number() }).openapi("BootNetwork"),
    ),
    securityGroups: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
    keyPairs: z.array(z.object({ name: z.string(), fingerprint: z.string(), type: z.string() })),
    volumeTypes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), isDefault: z.boolean() })),
    defaultVolumeType: z.string().nullable(),
    quotas: z.object({
      compute: z.object({ instances: Quota, cores: Quota, ram: Quota }),
      volume: z.array(Quota.extend({ quota: z.string() })),
    }),
    novaWait: NovaWaitSchema,
  })
  .openapi("BootOptions");

export type BootChoices = z.output<typeof BootPlanRequestSchema>;
export type SourceType = BootChoices["source"]["type"];
export type Quantiles = z.infer<typeof QuantilesSchema>;
export type BootPath = z.infer<typeof BootPathSchema>;
export type CheckId = z.infer<typeof CheckIdSchema>;
export type CheckStatus = z.infer<typeof CheckStatusSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Risk = z.infer<typeof RiskSchema>;
export type Blocker = z.infer<typeof BlockerSchema>;
export type ThroughputModel = z.infer<typeof ThroughputSchema>;
export type NovaWait = z.infer<typeof NovaWaitSchema>;
export type Stage = z.infer<typeof StageSchema>;
export type QuotaEffect = z.infer<typeof QuotaEffectSchema>;
export type BootPlan = z.infer<typeof BootPlanSchema>;
export type PhaseId = z.infer<typeof PhaseSchema>;
export type Prediction = z.infer<typeof PredictionSchema>;
export type Progress = z.infer<typeof BootProgressSchema>;
export type BootOptions = z.infer<typeof BootOptionsSchema>;
