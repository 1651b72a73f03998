"use client";

import { type ComponentProps, Suspense } from "react";
import { lazyWithPreload } from "@/lib/lazy";
import type { QueryError as QueryErrorComponent } from "./query-error";

const Inner = lazyWithPreload(() => import("./query-error").then((m) => m.QueryError));

/**
 * QueryError whose code loads when a failure is shown: lists open on rows far more often than on a failure, and the
 * list pages' first load is at its budget (e2e/first-load-budget.spec.ts). Rendered on the server all the same.
 */
export function LazyQueryError(p: ComponentProps<typeof QueryErrorComponent>) {
  return (
    <Suspense fallback={null}>
      <Inner {...p} />
    </Suspense>
  );
}
