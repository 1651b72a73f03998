import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a dashboard page shows while its data is on the way (app/(dashboard)/loading.tsx, a <Suspense> fallback):
 * the page header's and a list card's shape, so a slow service never leaves the frame blank. Server-rendered markup
 * only, no client code.
 */
export function PageSkeleton({ label }: { label: string }) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" data-testid="page-skeleton">
      <span className="sr-only">{label}</span>
      <div className="mb-5 space-y-2" aria-hidden>
        <Skeleton className="h-3 w-20" />
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      <div className="rounded-lg border bg-surface" aria-hidden>
        <div className="flex gap-2 border-b p-3">
          <Skeleton className="h-8 w-full max-w-72" />
          <Skeleton className="h-8 w-28" />
        </div>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b px-3 py-3 last:border-0">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="hidden h-4 w-24 sm:block" />
            <Skeleton className="ml-auto h-4 w-16" />
          </div>
        ))}
      </div>
    </div>
  );
}
