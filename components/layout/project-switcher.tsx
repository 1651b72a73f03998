"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import type { Session } from "@/lib/api/types";
import { useSwitchProject } from "@/lib/queries/auth";
import { Button, buttonVariants } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuTrigger, DropdownMenuWhenOpen } from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { HeaderMenuItems } from "./header-menus-lazy";

/** Re-scopes the session to another project; every cached query is refetched for the new scope. */
export function ProjectSwitcher({ session }: { session: Session }) {
  const t = useT();
  const router = useRouter();
  const switchProject = useSwitchProject();
  const locked = session.authMethod === "application_credential";

  const error = switchProject.error;
  const errorText = !error
    ? null
    : isApiError(error) && error.code === "rescope_not_allowed"
      ? t("header.rescopeNotAllowed")
      : `${t("header.switchFailed")}: ${error.message}`;

  return (
    <div className="flex min-w-0 items-center gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger
          className={buttonVariants({ variant: "secondary", size: "md", className: "max-w-64 justify-start" })}
          disabled={switchProject.isPending}
          title={locked ? t("header.rescopeNotAllowed") : undefined}
        >
          <Icon name="folder" className="text-muted-foreground" />
          {/* The name is the visible text after this prefix, so what a voice user reads out is in it (WCAG 2.5.3). */}
          <span className="sr-only">{t("header.switchProject")}: </span>
          <span className="hidden text-muted-foreground sm:inline">{t("header.project")}</span>
          <span className="truncate font-semibold" data-testid="current-project">
            {session.project.name}
          </span>
          {switchProject.isPending ? <Spinner /> : <Icon name="chevronsUpDown" className="text-muted-foreground" />}
        </DropdownMenuTrigger>
        <DropdownMenuWhenOpen>
          <HeaderMenuItems
            menu="project"
            session={session}
            locked={locked}
            onPick={(id) => switchProject.mutate(id, { onSuccess: () => router.refresh() })}
          />
        </DropdownMenuWhenOpen>
      </DropdownMenu>
      {errorText ? (
        <div role="alert" className="flex items-center gap-1 rounded-md bg-danger-soft px-2 py-1 text-xs text-danger">
          <Icon name="alert" className="size-3.5" />
          <span className="max-w-80 truncate" title={errorText}>
            {errorText}
          </span>
          <Button variant="ghost" size="sm" className="h-5 px-1" aria-label={t("common.close")} onClick={() => switchProject.reset()}>
            <Icon name="x" className="size-3" />
          </Button>
        </div>
      ) : null}
    </div>
  );
}
