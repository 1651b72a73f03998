import { readFile } from "node:fs/promises";
import { FanoutBenchSchema } from "./fanout-bench-schema";
import type { FanoutBenchStateSchema } from "./fanout-schema";
import type { z } from "@hono/zod-openapi";

export type FanoutBenchState = z.infer<typeof FanoutBenchStateSchema>;

/** The bench's result as a fact about this cluster: "measured" only when it ran against this fsid; never guessed. */
export function benchStateOf(text: string | null, fsid: string | null): FanoutBenchState {
  if (text === null) return { state: "not_measured", reason: "no_result" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: "not_measured", reason: "invalid" };
  }
  const parsed = FanoutBenchSchema.safeParse(json);
  if (!parsed.success) return { state: "not_measured", reason: "invalid" };
  if (fsid === null) return { state: "not_measured", reason: "ceph_unavailable" };
  if (parsed.data.fsid !== fsid) return { state: "not_measured", reason: "other_cluster" };
  return { state: "measured", result: parsed.data };
}

/** Reads the bench's file (absent: no result) and the cluster's fsid (a failure: ceph_unavailable). */
export async function readFanoutBench(file: string, fsid: () => Promise<string>): Promise<FanoutBenchState> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    return "";
  });
  const id = text ? await fsid().catch(() => null) : null;
  return benchStateOf(text, id);
}
