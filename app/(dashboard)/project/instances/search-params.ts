import type { ListSpec } from "@/lib/list-state";

export const INSTANCE_STATUSES = ["ACTIVE", "SHUTOFF", "ERROR", "BUILD", "PAUSED", "SUSPENDED"] as const;

/** /project/instances?q=&status=&sort=&dir=&after= */
export const instanceListSpec: ListSpec<"created" | "name" | "status", (typeof INSTANCE_STATUSES)[number]> = {
  sorts: ["created", "name", "status"],
  defaultSort: "created",
  defaultDir: "desc",
  filter: { key: "status", values: INSTANCE_STATUSES },
};
