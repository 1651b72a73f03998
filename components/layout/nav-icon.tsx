import type { NavIcon as NavIconName } from "@/lib/nav";
import { Icon } from "@/components/ui/icon";

export function NavIcon({ name, className }: { name: NavIconName; className?: string }) {
  return <Icon name={name} className={className} />;
}
