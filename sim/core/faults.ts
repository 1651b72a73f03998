/** Fault injection for tests: make one service answer 500/503, hang, or slow down. In memory only. */
export type FaultMode = "500" | "503" | "hang" | "slow";

export interface Fault {
  service: string;
  mode: FaultMode;
  /** For "slow": extra latency in ms. */
  delayMs?: number;
  /** How many requests to affect; undefined means until cleared. */
  remaining?: number;
}

export interface Faults {
  set(fault: Fault): void;
  clear(service?: string): void;
  /** Returns the active fault for a service and consumes one use of it. */
  take(service: string): Fault | undefined;
  list(): Fault[];
}

export function createFaults(): Faults {
  const active = new Map<string, Fault>();
  return {
    set: (f) => void active.set(f.service, { ...f }),
    clear: (service) => (service ? void active.delete(service) : active.clear()),
    take(service) {
      const f = active.get(service);
      if (!f) return undefined;
      if (f.remaining !== undefined) {
        f.remaining -= 1;
        if (f.remaining <= 0) active.delete(service);
      }
      return f;
    },
    list: () => [...active.values()],
  };
}
