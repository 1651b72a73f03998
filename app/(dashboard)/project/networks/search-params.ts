import type { ListSpec } from "@/lib/list-state";

/** /project/networks?q=&sort=&dir=&after= */
export const networkListSpec: ListSpec<"name" | "status"> = {
  sorts: ["name", "status"],
  defaultSort: "name",
  defaultDir: "asc",
};
