import { NotBuiltPage, notBuiltMetadata } from "@/components/common/not-built-page";

// Placeholder until this page is built; it owns its route so the navigation never 404s.
export const generateMetadata = () => notBuiltMetadata("nav.volumes");

export default function VolumesPage() {
  return <NotBuiltPage section="nav.project" title="nav.volumes" description="placeholder.volumes" />;
}
