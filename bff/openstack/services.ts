/** The upstream services the BFF speaks to, by the names used in routes and error messages. */
export const SERVICES = ["identity", "compute", "image", "volume", "network", "ceph"] as const;
export type ServiceName = (typeof SERVICES)[number];

export const SERVICE_LABEL: Record<ServiceName, string> = {
  identity: "Keystone (identity)",
  compute: "Nova (compute)",
  image: "Glance (image)",
  volume: "Cinder (volume)",
  network: "Neutron (network)",
  ceph: "Ceph Dashboard",
};

/** Catalog types that serve each service, most preferred first. */
export const CATALOG_TYPES: Record<ServiceName, string[]> = {
  identity: ["identity"],
  compute: ["compute"],
  image: ["image"],
  volume: ["block-storage", "volumev3", "volume"],
  network: ["network"],
  ceph: ["ceph-dashboard"],
};

/** The API version path each service client works under, appended when the catalog URL lacks it. */
export const VERSION_SUFFIX: Record<ServiceName, RegExp | null> = {
  identity: /\/v3$/,
  compute: /\/v2(\.1)?(\/[0-9a-f]{32})?$/,
  image: /\/v2$/,
  volume: /\/v3(\/[0-9a-f-]{32,36})?$/,
  network: /\/v2\.0$/,
  ceph: null,
};
export const VERSION_PATH: Record<ServiceName, string> = {
  identity: "/v3",
  compute: "/v2.1",
  image: "/v2",
  volume: "/v3",
  network: "/v2.0",
  ceph: "",
};

/** Turns a catalog URL into the versioned base the clients use (e.g. Glance's root + /v2). */
export function versionedBase(service: ServiceName, url: string, projectId?: string): string {
  let u = url.replace(/\/+$/, "").replace(/%\(project_id\)s|\$\(project_id\)s/g, projectId ?? "");
  const re = VERSION_SUFFIX[service];
  if (re && !re.test(u)) u = `${u}${VERSION_PATH[service]}`;
  return u;
}
