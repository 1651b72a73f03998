import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Breakers } from "../openstack/breaker";
import type { UpstreamCall } from "../openstack/http";

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** The process's own metrics (CPU, memory, event loop), collected once per process however many apps there are. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: "zenith_" });
  }
  return processRegistry;
}

/**
 * The Prometheus metrics of one BFF app, served at /api/metrics. Labels are bounded: BFF routes are the registered
 * patterns (e.g. /api/instances/:id, `unmatched` otherwise), services the six upstream names, statuses numbers.
 */
export function createMetrics() {
  const registry = new Registry();
  const requests = new Counter({
    name: "zenith_http_requests_total",
    help: "BFF requests answered, by method, route pattern and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: "zenith_http_request_duration_seconds",
    help: "BFF request duration until the answer's headers, by method, route pattern and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: "zenith_upstream_request_duration_seconds",
    help: "Upstream call latency by service, method, status (`error`: no answer) and the BFF route that made it.",
    labelNames: ["service", "method", "status", "route"] as const,
    buckets: SECONDS,
    registers: [registry],
  });
  let breakers: Breakers | undefined;
  new Gauge({
    name: "zenith_upstream_circuit_open",
    help: "1 while the circuit breaker of a service (at an origin) refuses calls.",
    labelNames: ["service", "origin"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const b of breakers?.snapshot() ?? []) {
        const [service, origin] = b.key.split(" ");
        this.set({ service, origin }, b.state === "open" ? 1 : 0);
      }
    },
  });
  return {
    request(method: string, route: string, status: number, seconds: number) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      requestSeconds.observe(labels, seconds);
    },
    upstream(call: UpstreamCall) {
      upstreamSeconds.observe(
        { service: call.service, method: call.method, status: String(call.status), route: call.route },
        call.ms / 1000,
      );
    },
    watchBreakers(b: Breakers) {
      breakers = b;
    },
    contentType: registry.contentType,
    /** The exposition text: this app's metrics and the process's. */
    text: () => Registry.merge([registry, processMetrics()]).metrics(),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
