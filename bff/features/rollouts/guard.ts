import type { BackendState } from "./schema";

export interface GuardDecision {
  ok: boolean;
  /** Hosts UP outside the batch. */
  up: string[];
  /** Hosts outside the batch that are not UP, with HAProxy's status. */
  notUp: { host: string; status: string }[];
  minHealthy: number;
}

/**
 * The capacity guard: a batch may be drained only while at least `minHealthy` backends outside it are UP.
 * Unlike max_fail_percentage it looks at the balancer, not at Ansible's own failures; pure.
 */
export function guardDecision(states: BackendState[], batch: string[], minHealthy: number): GuardDecision {
  const outside = states.filter((s) => !batch.includes(s.host));
  const up = outside.filter((s) => s.up).map((s) => s.host);
  const notUp = outside.filter((s) => !s.up).map((s) => ({ host: s.host, status: s.status }));
  return { ok: up.length >= minHealthy, up, notUp, minHealthy };
}

/** The reason a guard stop gives, as a message code and its parameters. */
export function guardReason(d: GuardDecision, batch: string[], batchIndex: number) {
  return {
    code: "rollouts.stop.capacity",
    params: {
      batch: batchIndex,
      hosts: batch.join(", "),
      up: d.up.length,
      minHealthy: d.minHealthy,
      notUp: d.notUp.map((n) => `${n.host} ${n.status}`).join(", ") || "-",
    },
  };
}
