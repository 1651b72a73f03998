import type { CellStatus } from "./schema";
import { z } from "zod";

/** One line from rollouts/callback_plugins/jsonl_events.py. */
export const AnsibleEventSchema = z
  .object({
    ts: z.number(),
    event: z.enum([
      "playbook_start",
      "play_start",
      "task_start",
      "runner_start",
      "runner_ok",
      "runner_failed",
      "runner_skipped",
      "runner_unreachable",
      "runner_retry",
      "stats",
    ]),
    batch: z.number().optional(),
    host: z.string().optional(),
    task: z.string().optional(),
    action: z.string().optional(),
    duration: z.number().nullable().optional(),
    ignore_errors: z.boolean().nullable().optional(),
    result: z.record(z.string(), z.unknown()).optional(),
    hosts: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  })
  .loose();
export type AnsibleEvent = z.infer<typeof AnsibleEventSchema>;

/** Parses one JSON line; a torn or foreign line is null, never a throw. */
export function parseEventLine(line: string): AnsibleEvent | null {
  if (!line.trim()) return null;
  try {
    const r = AnsibleEventSchema.safeParse(JSON.parse(line));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export type HostStatus = "pending" | "running" | "ok" | "failed" | "unreachable" | "gated" | "not_run";

export interface HostResult {
  host: string;
  batch: number;
  status: HostStatus;
  failedTask: string | null;
  error: string | null;
  cells: Record<string, CellStatus>;
}

/** The task that asks the runner's capacity gate; a failure there means "stopped before draining". */
export const GATE_TASK_PREFIX = "Capacity gate";

const errorText = (r: Record<string, unknown> | undefined) => {
  if (!r) return "";
  const parts = [r.msg, r.stderr].filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
  if (!parts.length && typeof r.stdout === "string") parts.push(r.stdout.trim());
  return [...new Set(parts)].join("\n").slice(0, 2000);
};

/** Folds Ansible's events into per-host results and the task order (the host × task grid); pure. */
export function reduceEvents(batches: string[][], events: AnsibleEvent[]): { tasks: string[]; hosts: HostResult[] } {
  const tasks: string[] = [];
  const hosts = new Map<string, HostResult>();
  batches.forEach((b, i) =>
    b.forEach((h) => hosts.set(h, { host: h, batch: i + 1, status: "pending", failedTask: null, error: null, cells: {} })),
  );
  let stats: AnsibleEvent["hosts"];
  for (const e of events) {
    if (e.event === "task_start" && e.task && !tasks.includes(e.task)) tasks.push(e.task);
    if (e.event === "stats") stats = e.hosts;
    const h = e.host ? hosts.get(e.host) : undefined;
    if (!h || !e.task) continue;
    const failedAlready = h.status === "failed" || h.status === "gated" || h.status === "unreachable";
    switch (e.event) {
      case "runner_start":
        h.cells[e.task] = "running";
        if (!failedAlready) h.status = "running";
        break;
      case "runner_ok":
        h.cells[e.task] = e.result?.changed ? "changed" : "ok";
        break;
      case "runner_skipped":
        h.cells[e.task] = "skipped";
        break;
      case "runner_unreachable":
        h.cells[e.task] = "unreachable";
        if (!failedAlready) Object.assign(h, { status: "unreachable", failedTask: e.task, error: errorText(e.result) });
        break;
      case "runner_failed":
        h.cells[e.task] = "failed";
        if (!e.ignore_errors && !failedAlready) {
          Object.assign(h, {
            status: e.task.startsWith(GATE_TASK_PREFIX) ? "gated" : "failed",
            failedTask: e.task,
            error: errorText(e.result),
          });
        }
        break;
      default:
    }
  }
  if (stats) {
    for (const h of hosts.values()) {
      const s = stats[h.host];
      if (!s) {
        if (h.status === "pending") h.status = "not_run";
        continue;
      }
      if (h.status === "running" || h.status === "pending") h.status = s.failures || s.unreachable ? "failed" : "ok";
    }
  }
  return { tasks, hosts: [...hosts.values()] };
}
