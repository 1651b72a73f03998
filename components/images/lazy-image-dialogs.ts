"use client";

import { lazyDialog } from "@/lib/lazy-dialog";

/** The image page's dialogs load when first opened (or on intent), not with the page. */
export const LazyEditImageDialog = lazyDialog(() => import("./edit-image-dialog").then((m) => m.EditImageDialog));
export const LazyDeleteImageDialog = lazyDialog(() => import("./delete-image-dialog").then((m) => m.DeleteImageDialog));
