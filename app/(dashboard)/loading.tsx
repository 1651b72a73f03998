import { getT } from "@/lib/i18n/server";
import { PageSkeleton } from "@/components/common/page-skeleton";

/**
 * The <Suspense> fallback of every dashboard page: the shell (header, navigation) renders at once and this skeleton
 * stands in for the page while its server prefetch waits on the cloud; the data streams in behind it.
 */
export default async function Loading() {
  return <PageSkeleton label={(await getT())("common.loading")} />;
}
