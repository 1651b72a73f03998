import { ApiError } from "../errors";
import { CATALOG_TYPES, SERVICE_LABEL, versionedBase, type ServiceName } from "./services";

export interface CatalogEndpoint {
  id?: string;
  interface: string;
  region: string | null;
  region_id?: string | null;
  url: string;
}
export interface CatalogEntry {
  type: string;
  name?: string;
  id?: string;
  endpoints: CatalogEndpoint[];
}
export type Catalog = CatalogEntry[];

/** The regions the catalog names, in first-seen order. */
export function catalogRegions(catalog: Catalog): string[] {
  const seen = new Set<string>();
  for (const s of catalog)
    for (const e of s.endpoints) {
      const r = e.region_id ?? e.region;
      if (r) seen.add(r);
    }
  return [...seen];
}

/** The region a session uses: the configured one, or the catalog's first. */
export function pickRegion(catalog: Catalog, wanted?: string): string {
  return wanted ?? catalogRegions(catalog)[0] ?? "RegionOne";
}

export function findEndpoint(catalog: Catalog, type: string, region: string, iface: string): CatalogEndpoint | undefined {
  const entry = catalog.find((s) => s.type === type);
  return entry?.endpoints.find((e) => e.interface === iface && (e.region_id ?? e.region) === region);
}

/** The versioned base URL of a service in the session's region and interface. */
export function serviceUrl(catalog: Catalog, service: ServiceName, region: string, iface: string, projectId?: string): string {
  for (const type of CATALOG_TYPES[service]) {
    const ep = findEndpoint(catalog, type, region, iface);
    if (ep) return versionedBase(service, ep.url, projectId);
  }
  throw new ApiError(
    502,
    "service_unavailable",
    `${SERVICE_LABEL[service]} has no ${iface} endpoint in region ${region} in this cloud's catalog.`,
    { service },
  );
}
