/**
 * Fault injection for tests: make one service refuse connections, answer 500 or 503, hang, or slow down. In memory
 * only; one fault per service, optionally only for one method and path, before or after the service has acted.
 */
export type FaultMode = "down" | "500" | "503" | "hang" | "slow";
export const FAULT_MODES: FaultMode[] = ["down", "500", "503", "hang", "slow"];

export interface Fault {
  service: string;
  mode: FaultMode;
  /** For "slow": extra latency in ms. */
  delayMs?: number;
  /** For "503": the Retry-After it carries, in seconds (5 when unset). */
  retryAfterS?: number;
  /** Only requests with this method (e.g. POST). */
  method?: string;
  /** Only requests whose path, below the service's mount, matches this regular expression (e.g. "^/v2.1/servers$"). */
  path?: string;
  /**
   * "before" (default): the service never acts. "after": it acts (a server is created), then the answer is replaced
   * by the fault, as when nova-api dies or a proxy times out after the work was done.
   */
  phase?: "before" | "after";
  /** How many requests to affect; undefined means until cleared. */
  remaining?: number;
}

export interface Faults {
  set(fault: Fault): void;
  clear(service?: string): void;
  /** Returns the fault for this request of a service, if it applies, and consumes one use of it. */
  take(service: string, method?: string, path?: string): Fault | undefined;
  list(): Fault[];
}

export function createFaults(): Faults {
  const active = new Map<string, Fault>();
  const applies = (f: Fault, method?: string, path?: string) =>
    (!f.method || f.method.toUpperCase() === method?.toUpperCase()) && (!f.path || new RegExp(f.path).test(path ?? ""));
  return {
    set: (f) => void active.set(f.service, { ...f }),
    clear: (service) => (service ? void active.delete(service) : active.clear()),
    take(service, method, path) {
      const f = active.get(service);
      if (!f || !applies(f, method, path)) return undefined;
      if (f.remaining !== undefined) {
        f.remaining -= 1;
        if (f.remaining <= 0) active.delete(service);
      }
      return f;
    },
    list: () => [...active.values()],
  };
}
