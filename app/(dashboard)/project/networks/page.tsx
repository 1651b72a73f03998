import { NotBuiltPage, notBuiltMetadata } from "@/components/common/not-built-page";

// Placeholder until this page is built; it owns its route so the navigation never 404s.
export const generateMetadata = () => notBuiltMetadata("nav.networks");

export default function NetworksPage() {
  return <NotBuiltPage section="nav.project" title="nav.networks" description="placeholder.networks" />;
}
