import { stableId } from "./model";

interface ServiceDef {
  type: string;
  name: string;
  path: string;
}

/** DevStack-style catalog: every service under the sim's own address. */
const SERVICES: ServiceDef[] = [
  { type: "identity", name: "keystone", path: "/identity/v3" },
  { type: "compute", name: "nova", path: "/compute/v2.1" },
  { type: "image", name: "glance", path: "/image" },
  { type: "block-storage", name: "cinder", path: "/volume/v3" },
  { type: "volumev3", name: "cinderv3", path: "/volume/v3" },
  { type: "network", name: "neutron", path: "/networking" },
  { type: "ceph-dashboard", name: "ceph-dashboard", path: "/ceph" },
];

export function buildCatalog(baseUrl: string, region: string) {
  return SERVICES.map((s) => ({
    endpoints: (["public", "internal", "admin"] as const).map((iface) => ({
      id: stableId("endpoint", `${s.type}:${iface}`),
      interface: iface,
      region,
      region_id: region,
      url: `${baseUrl}${s.path}`,
    })),
    type: s.type,
    id: stableId("service", s.type),
    name: s.name,
  }));
}
