import { NotBuiltPage, notBuiltMetadata } from "@/components/common/not-built-page";

// Placeholder until this page is built; it owns its route so the navigation never 404s.
export const generateMetadata = () => notBuiltMetadata("nav.dhcp");

export default function DhcpPage() {
  return <NotBuiltPage section="nav.admin" title="nav.dhcp" description="placeholder.dhcp" />;
}
