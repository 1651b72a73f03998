import type { ListSpec } from "@/lib/list-state";

export const VOLUME_STATUSES = ["available", "in-use", "creating", "downloading", "error"] as const;

/** /project/volumes?q=&status=&sort=&dir=&after= */
export const volumeListSpec: ListSpec<"created" | "name" | "size" | "status", (typeof VOLUME_STATUSES)[number]> = {
  sorts: ["created", "name", "size", "status"],
  defaultSort: "created",
  defaultDir: "desc",
  filter: { key: "status", values: VOLUME_STATUSES },
};
