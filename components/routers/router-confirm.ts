import type { RouterSummary } from "@/lib/queries/routers";

/** The destructive router actions that ask first. */
export type RouterConfirm =
  | { kind: "delete"; router: RouterSummary }
  | { kind: "clear"; router: RouterSummary }
  | { kind: "detach"; router: RouterSummary; subnetId: string; subnet: string }
  | null;
