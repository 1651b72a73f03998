import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a dashboard page shows while its data is on the way (app/(dashboard)/loading.tsx, a <Suspense> fallback):
 * the page header's and a list card's shape, so a slow service never leaves the frame blank. Server-rendered markup
 * only, no client code, and only utility classes the pages already use (no first-load CSS added).
 */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      <div className="mb-5 space-y-2" aria-hidden>
        <Skeleton className="h-4 w-20" />
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="rounded-lg border bg-surface" aria-hidden>
        <div className="flex gap-2 border-b p-3">
          <Skeleton className="h-8 w-full max-w-xs" />
          <Skeleton className="h-8 w-32" />
        </div>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b px-3 py-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="ml-auto h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}
