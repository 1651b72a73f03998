import { z } from "@hono/zod-openapi";

export const ServiceProbeSchema = z
  .object({
    type: z.string(),
    name: z.string(),
    url: z.string(),
    reachable: z.boolean(),
    latencyMs: z.number().nullable(),
    status: z.number().nullable(),
    version: z
      .object({ id: z.string(), status: z.string(), minVersion: z.string().nullable(), maxVersion: z.string().nullable() })
      .nullable(),
    error: z.string().nullable(),
  })
  .openapi("ServiceProbe");

export const ServiceProbesSchema = z.object({ services: z.array(ServiceProbeSchema) }).openapi("ServiceProbes");

export type ServiceProbe = z.infer<typeof ServiceProbeSchema>;
/** What a service's version document says, whatever its shape. */
export type VersionInfo = NonNullable<ServiceProbe["version"]>;
