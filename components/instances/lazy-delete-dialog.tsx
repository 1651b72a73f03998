"use client";

import { Suspense, useState, type ComponentProps } from "react";
import { lazyWithPreload } from "@/lib/lazy";
import type { DeleteInstanceDialog as Eager } from "./delete-instance-dialog";

const Lazy = lazyWithPreload(() => import("./delete-instance-dialog").then((m) => m.DeleteInstanceDialog));

/** Fetch the dialog's code ahead of a click: on pointer over, or focus of, the button that opens it. */
export const preloadDeleteDialog = () => void Lazy.preload();

/**
 * The delete confirmation, loaded when first opened (or on intent), not with the list. Once opened it stays mounted,
 * so the native <dialog> closes itself and gives focus back as before.
 */
export function LazyDeleteInstanceDialog(props: ComponentProps<typeof Eager>) {
  const [wanted, setWanted] = useState(props.open);
  if (props.open && !wanted) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <Lazy {...props} />
    </Suspense>
  ) : null;
}
