import type { HostResult } from "./events";

import type { RunStatus, StoppedBy, Verdict } from "./schema";

export interface OutcomeInput {
  exitCode: number | null;
  cancelRequested: boolean;
  timedOut: boolean;
  guardStopped: boolean;
  hosts: HostResult[];
}

/** The run's final status and what stopped it, from the exit and the hosts; pure. */
export function classifyOutcome(o: OutcomeInput): { status: RunStatus; stoppedBy: StoppedBy } {
  if (o.cancelRequested) return { status: "cancelled", stoppedBy: "cancel" };
  if (o.timedOut) return { status: "stopped", stoppedBy: "timeout" };
  if (o.guardStopped) return { status: "stopped", stoppedBy: "capacity_guard" };
  if (o.exitCode === 0) return { status: "succeeded", stoppedBy: null };
  const failed = o.hosts.some((h) => h.status === "failed" || h.status === "unreachable");
  const notRun = o.hosts.some((h) => h.status === "not_run" || h.status === "pending");
  if (failed && notRun) return { status: "stopped", stoppedBy: "max_fail_percentage" };
  return { status: "failed", stoppedBy: null };
}

export function verdictOf(served: number, failed: number): Verdict {
  if (failed > 0) return "requests_failed";
  return served > 0 ? "zero_downtime" : "no_traffic";
}
