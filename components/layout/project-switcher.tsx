"use client";

import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { isApiError } from "@/lib/api/errors";
import type { Session } from "@/lib/api/types";
import { useSwitchProject } from "@/lib/queries/session";
import { Button, buttonVariants } from "@/components/ui/button";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuRadioItem, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";

/** Re-scopes the session to another project; every cached query is refetched for the new scope. */
export function ProjectSwitcher({ session }: { session: Session }) {
  const t = useT();
  const router = useRouter();
  const switchProject = useSwitchProject();
  const locked = session.authMethod === "application_credential";
  const projects = [...session.projects].sort((a, b) => a.name.localeCompare(b.name));

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
          aria-label={`${t("header.switchProject")}: ${session.project.name}`}
          disabled={switchProject.isPending}
          title={locked ? t("header.rescopeNotAllowed") : undefined}
        >
          <Icon name="folder" className="text-muted-foreground" />
          <span className="hidden text-muted-foreground sm:inline">{t("header.project")}</span>
          <span className="truncate font-semibold" data-testid="current-project">{session.project.name}</span>
          {switchProject.isPending ? <Spinner /> : <Icon name="chevronsUpDown" className="text-muted-foreground" />}
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel>{t("header.projects")}</DropdownMenuLabel>
          {projects.map((p) => (
            <DropdownMenuRadioItem
              key={p.id}
              checked={p.id === session.project.id}
              disabled={locked && p.id !== session.project.id}
              onSelect={() => {
                if (p.id === session.project.id) return;
                switchProject.mutate(p.id, { onSuccess: () => router.refresh() });
              }}
            >
              <span className="truncate">{p.name}</span>
            </DropdownMenuRadioItem>
          ))}
          {locked ? <p className="px-2 py-1.5 text-xs text-muted-foreground">{t("header.rescopeNotAllowed")}</p> : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {errorText ? (
        <div role="alert" className="flex items-center gap-1 rounded-md bg-danger-soft px-2 py-1 text-xs text-danger">
          <Icon name="alert" className="size-3.5" />
          <span className="max-w-80 truncate" title={errorText}>{errorText}</span>
          <Button variant="ghost" size="sm" className="h-5 px-1" aria-label={t("common.close")} onClick={() => switchProject.reset()}>
            <Icon name="x" className="size-3" />
          </Button>
        </div>
      ) : null}
    </div>
  );
}
