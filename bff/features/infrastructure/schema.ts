import { z } from "@hono/zod-openapi";

export const HypervisorSchema = z
  .object({
    id: z.string(),
    hostname: z.string(),
    type: z.string().nullable(),
    state: z.string().openapi({ example: "up" }),
    status: z.string().openapi({ example: "enabled" }),
    hostIp: z.string().nullable(),
    vcpus: z.object({ used: z.number(), total: z.number() }).nullable(),
    ramMiB: z.object({ used: z.number(), total: z.number() }).nullable(),
    diskGiB: z.object({ used: z.number(), total: z.number() }).nullable(),
    runningVms: z.number().nullable(),
  })
  .openapi("Hypervisor");

export const ServiceRowSchema = z
  .object({
    service: z.enum(["compute", "volume"]),
    binary: z.string(),
    host: z.string(),
    zone: z.string(),
    status: z.string(),
    state: z.string(),
    updatedAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    forcedDown: z.boolean(),
  })
  .openapi("ServiceRow");

export const InfrastructureSchema = z
  .object({
    hypervisors: z.array(HypervisorSchema),
    services: z.array(ServiceRowSchema),
    unavailable: z.array(z.object({ service: z.string(), code: z.string() })).openapi({
      description: "Services that did not answer (the others' rows are still shown)",
    }),
  })
  .openapi("Infrastructure");
export type Infrastructure = z.infer<typeof InfrastructureSchema>;
export type Hypervisor = z.infer<typeof HypervisorSchema>;
export type ServiceRow = z.infer<typeof ServiceRowSchema>;
