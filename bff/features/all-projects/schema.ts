import { z } from "@hono/zod-openapi";
import { PageMeta, ResourceId } from "../../lib/list-schemas";

export const AllProjectsQuery = z.object({
  project: ResourceId.optional().openapi({ description: "Only this project's resources (Nova's and Cinder's project_id filter)" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  marker: ResourceId.optional(),
});
export type AllProjectsParams = z.infer<typeof AllProjectsQuery>;

export const AllInstanceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string(),
    projectId: z.string(),
    host: z.string().nullable().openapi({ description: "The compute host (admin attribute)" }),
    created: z.string(),
  })
  .openapi("AllProjectsInstance");
export const AllVolumeSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string(),
    projectId: z.string().nullable(),
    sizeGiB: z.number(),
    type: z.string().nullable(),
    host: z.string().nullable().openapi({ description: "cinder-volume backend (admin attribute)" }),
    created: z.string(),
  })
  .openapi("AllProjectsVolume");

const projects = z
  .array(z.object({ id: z.string(), name: z.string() }))
  .openapi({ description: "Projects the filter offers (the admin's own)" });
export const AllInstancesSchema = z.object({ items: z.array(AllInstanceSchema), projects, ...PageMeta }).openapi("AllProjectsInstances");
export const AllVolumesSchema = z.object({ items: z.array(AllVolumeSchema), projects, ...PageMeta }).openapi("AllProjectsVolumes");
export type AllInstances = z.infer<typeof AllInstancesSchema>;
export type AllVolumes = z.infer<typeof AllVolumesSchema>;
