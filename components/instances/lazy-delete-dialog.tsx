"use client";

import { lazyDialog } from "@/lib/lazy-dialog";

/** The delete confirmation, loaded when first opened (or on intent), not with the list. */
export const LazyDeleteInstanceDialog = lazyDialog(() => import("./delete-instance-dialog").then((m) => m.DeleteInstanceDialog));

/** Fetch the dialog's code ahead of a click: on pointer over, or focus of, the button that opens it. */
export const preloadDeleteDialog = LazyDeleteInstanceDialog.preload;
