"use client";

import { lazyDialog } from "@/lib/lazy-dialog";
import type { ConfirmDialogProps } from "./confirm-dialog";

/** The confirmation dialog, loaded when first opened. */
export const LazyConfirmDialog = lazyDialog<ConfirmDialogProps>(() => import("./confirm-dialog").then((m) => m.ConfirmDialog));
