"use client";

import { Suspense, useState, type ComponentType } from "react";
import { lazyWithPreload } from "./lazy";

/**
 * A dialog whose code loads when it is first opened (or on intent, with `preload`), not with the page. Once opened it
 * stays mounted, so a native <dialog> closes itself and gives focus back as before.
 */
export function lazyDialog<P extends { open: boolean }>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazyWithPreload(load);
  function LazyDialog(props: P) {
    const [wanted, setWanted] = useState(props.open);
    if (props.open && !wanted) setWanted(true);
    return wanted ? (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    ) : null;
  }
  return Object.assign(LazyDialog, { preload: () => void Lazy.preload() });
}
