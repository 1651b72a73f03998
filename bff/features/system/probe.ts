import type { Http } from "../../openstack/http";
import { CATALOG_TYPES, SERVICES, versionedBase, type ServiceName } from "../../openstack/services";
import type { Catalog } from "../../openstack/catalog";
import type { ServiceProbe } from "./schema";
import { parseVersionDoc } from "./version-doc";

/** A probe reports what it sees at once: one try, a short timeout. */
const PROBE_TIMEOUT_MS = 3000;
const MAJOR: Record<ServiceName, string> = { identity: "v3", compute: "v2.1", image: "v2", volume: "v3", network: "v2", ceph: "" };
const serviceOf = (type: string): ServiceName | undefined => SERVICES.find((s) => CATALOG_TYPES[s].includes(type));

/** The unversioned root of a versioned base URL (where most services serve their version list). */
const rootOf = (url: string) => url.replace(/\/v\d+(\.\d+)?(\/[0-9a-f-]{32,36})?$/, "");

/** Probes every catalog service in the region: version document, microversion range, reachability, latency. */
export async function probeSystem(
  http: Http,
  catalog: Catalog,
  region: string,
  iface: string,
  token: string,
  projectId: string,
): Promise<ServiceProbe[]> {
  const entries = catalog
    .map((entry) => ({ entry, ep: entry.endpoints.find((e) => e.interface === iface && (e.region_id ?? e.region) === region) }))
    .filter((x) => !!x.ep);
  return Promise.all(
    entries.map(async ({ entry, ep }): Promise<ServiceProbe> => {
      const service = serviceOf(entry.type);
      const base = service ? versionedBase(service, ep!.url, projectId) : ep!.url;
      const candidates = service === "compute" || service === "identity" ? [base, rootOf(base)] : [rootOf(base), base];
      const probe: ServiceProbe = {
        type: entry.type,
        name: entry.name ?? entry.type,
        url: ep!.url,
        reachable: false,
        latencyMs: null,
        status: null,
        version: null,
        error: null,
      };
      for (const url of [...new Set(candidates)]) {
        const started = performance.now();
        try {
          const res = await http.raw({
            service: service ?? "identity",
            url,
            token,
            timeoutMs: PROBE_TIMEOUT_MS,
            retry: false,
            breaker: false,
          });
          probe.latencyMs = Math.round(performance.now() - started);
          probe.status = res.status;
          probe.reachable = res.status < 500;
          const text = await res.text();
          let doc: unknown = null;
          try {
            doc = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          probe.version = parseVersionDoc(doc, service ? MAJOR[service] : "");
          probe.error = probe.reachable ? null : `answered ${res.status}`;
          if (probe.version || !service || service === "ceph") break;
        } catch (e) {
          probe.error = e instanceof Error ? e.message : String(e);
        }
      }
      return probe;
    }),
  );
}
