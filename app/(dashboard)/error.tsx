"use client";

import { Suspense } from "react";
import { lazyWithPreload } from "@/lib/lazy";

const PageError = lazyWithPreload(() => import("@/components/common/page-error").then((m) => m.PageError));

/** A page in the signed-in area threw while rendering: report it, offer a retry (components/common/page-error.tsx). */
export default function DashboardError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Suspense fallback={null}>
      <PageError {...props} />
    </Suspense>
  );
}
