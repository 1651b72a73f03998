import type { ListSpec } from "@/lib/list-state";

export const IMAGE_FORMATS = ["raw", "qcow2", "vmdk", "iso"] as const;

/** /project/images?q=&format=&sort=&dir=&after= */
export const imageListSpec: ListSpec<"created" | "name" | "size" | "status", (typeof IMAGE_FORMATS)[number]> = {
  sorts: ["created", "name", "size", "status"],
  defaultSort: "created",
  defaultDir: "desc",
  filter: { key: "format", values: IMAGE_FORMATS },
};
