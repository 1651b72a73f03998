"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { Session } from "@/lib/api/types";
import { useLogout } from "@/lib/queries/auth";
import { buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuTrigger, DropdownMenuWhenOpen } from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { HeaderMenuItems } from "./header-menus-lazy";

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
        {/* The initial is drawn by CSS, not text: the visible text stays the name, which the accessible name contains. */}
        <span
          aria-hidden
          data-initial={session.user.name.slice(0, 1)}
          className="flex size-6 items-center justify-center rounded-full bg-accent text-xs font-semibold uppercase text-accent-foreground before:content-[attr(data-initial)]"
        />
        <span className="hidden max-w-32 truncate md:inline">{session.user.name}</span>
        <Icon name="chevronDown" className="text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuWhenOpen>
        <HeaderMenuItems menu="user" session={session} onSignOut={signOut} signingOut={logout.isPending} />
      </DropdownMenuWhenOpen>
    </DropdownMenu>
  );
}
