"use client";

import { lazyDialog } from "@/lib/lazy-dialog";

/** The heal plan and its results, loaded when first opened (the dry run takes longer than the code), not with the view. */
export const LazyHealDialog = lazyDialog(() => import("./heal-dialog").then((m) => m.HealDialog));
