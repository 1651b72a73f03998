import type { Cinder, CinderVolume } from "../../openstack/cinder";
import type { Nova, NovaServer } from "../../openstack/nova";
import type { AllInstances, AllProjectsParams, AllVolumes } from "./schema";

const filter = (p: AllProjectsParams) => ({ all_tenants: "1", ...(p.project ? { project_id: p.project } : {}) });

export const toAllInstance = (s: NovaServer & { tenant_id?: string; "OS-EXT-SRV-ATTR:host"?: string | null }) => ({
  id: s.id,
  name: s.name,
  status: s.status,
  projectId: s.tenant_id ?? "",
  host: s["OS-EXT-SRV-ATTR:host"] ?? null,
  created: s.created,
});

export const toAllVolume = (v: CinderVolume & { "os-vol-tenant-attr:tenant_id"?: string }) => ({
  id: v.id,
  name: v.name,
  status: v.status,
  projectId: v["os-vol-tenant-attr:tenant_id"] ?? null,
  sizeGiB: v.size,
  type: v.volume_type,
  host: v["os-vol-host-attr:host"] ?? null,
  created: v.created_at,
});

/** Admin: every project's servers (all_tenants), newest first as Nova pages them, optionally one project's. */
export async function allInstances(nova: Nova, p: AllProjectsParams, projects: AllInstances["projects"]): Promise<AllInstances> {
  const page = await nova.serversPage({ limit: p.limit, marker: p.marker, query: filter(p) });
  return { items: page.items.map(toAllInstance), projects, nextMarker: page.nextMarker, mode: "upstream", truncated: false };
}

/** Admin: every project's volumes (all_tenants), as Cinder pages them, optionally one project's. */
export async function allVolumes(cinder: Cinder, p: AllProjectsParams, projects: AllVolumes["projects"]): Promise<AllVolumes> {
  const page = await cinder.volumesPage({ limit: p.limit, marker: p.marker, query: filter(p) });
  return { items: page.items.map(toAllVolume), projects, nextMarker: page.nextMarker, mode: "upstream", truncated: false };
}
