"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { Session } from "@/lib/api/types";
import { useLogout } from "@/lib/queries/session";
import { buttonVariants } from "@/components/ui/button";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { Badge } from "@/components/ui/badge";

export function UserMenu({ session }: { session: Session }) {
  const t = useT();
  const router = useRouter();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      // Even if revocation failed upstream, the BFF has cleared the cookie: leave either way.
      onSettled: () => {
        router.replace("/login");
        router.refresh();
      },
    });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={buttonVariants({ variant: "ghost", size: "md", className: "gap-2" })}
        aria-label={`${t("header.userMenu")}: ${session.user.name}`}
      >
        <span aria-hidden className="flex size-6 items-center justify-center rounded-full bg-accent text-xs font-semibold uppercase text-accent-foreground">
          {session.user.name.slice(0, 1)}
        </span>
        <span className="hidden max-w-32 truncate md:inline">{session.user.name}</span>
        <Icon name="chevronDown" className="text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <div role="presentation" className="space-y-0.5 px-2 py-1.5">
          <p className="truncate text-sm font-medium">{t("header.signedInAs", { name: session.user.name })}</p>
          <p className="truncate text-xs text-muted-foreground">{t("header.domain", { name: session.user.domain.name })}</p>
          {session.isAdmin ? <Badge tone="info" className="mt-1">{t("overview.adminBadge")}</Badge> : null}
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="sr-only">{t("header.userMenu")}</DropdownMenuLabel>
        <DropdownMenuItem onSelect={signOut} disabled={logout.isPending}>
          <Icon name="logout" />
          {t("header.logout")}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
