import type { paths } from "@/lib/api/schema";

export type VolumeFilter = NonNullable<paths["/api/volumes"]["get"]["parameters"]["query"]>;

/** The volumes' query keys, apart from their queries: other resources invalidate by them without loading those. */
export const volumeKeys = {
  all: ["volumes"] as const,
  lists: () => [...volumeKeys.all, "list"] as const,
  list: (f: VolumeFilter) => [...volumeKeys.lists(), f] as const,
};
