"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import { useSession } from "@/lib/queries/auth";
import { type ImageDetail, useImageMutations } from "@/lib/queries/images";
import { QueryError } from "@/components/common/query-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { Spinner } from "@/components/ui/spinner";
import { imageActionStates } from "./image-action-policy";
import { LazyDeleteImageDialog, LazyEditImageDialog } from "./lazy-image-dialogs";

/**
 * Edit, Convert to raw and Delete, each enabled or disabled with its reason beside the bar (tied to the button with
 * aria-describedby). Delete asks first; Convert says what it makes, and what the operator must enable where it can't.
 */
export function ImageActions({ image }: { image: ImageDetail }) {
  const t = useT();
  const router = useRouter();
  const id = useId();
  const session = useSession();
  const m = useImageMutations(image.id);
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const states = imageActionStates(image, session.data?.isAdmin === true);
  const reasons = (["edit", "convert", "delete"] as const).filter((a) => !states[a].allowed);
  const name = image.name ?? image.id;
  const copy = m.convert.data;
  return (
    <div className="space-y-3">
      <div role="toolbar" aria-label={t("imageActions.actions")} className="flex flex-wrap gap-2">
        <Button
          disabled={!states.edit.allowed}
          aria-describedby={states.edit.allowed ? undefined : `${id}-edit`}
          onClick={() => setDialog("edit")}
          onPointerEnter={LazyEditImageDialog.preload}
          onFocus={LazyEditImageDialog.preload}
        >
          <Icon name="key" />
          {t("imageActions.edit")}
        </Button>
        <Button
          variant="primary"
          disabled={!states.convert.allowed || m.convert.isPending || !!copy}
          aria-describedby={states.convert.allowed ? `${id}-convert-what` : `${id}-convert`}
          onClick={() => m.convert.mutate()}
        >
          {m.convert.isPending ? <Spinner /> : <Icon name="refresh" />}
          {t("imageActions.convert")}
        </Button>
        <Button
          variant="danger"
          className="sm:ml-auto"
          disabled={!states.delete.allowed}
          aria-describedby={states.delete.allowed ? undefined : `${id}-delete`}
          onClick={() => setDialog("delete")}
          onPointerEnter={LazyDeleteImageDialog.preload}
          onFocus={LazyDeleteImageDialog.preload}
        >
          <Icon name="trash" />
          {t("imageActions.delete")}
        </Button>
      </div>
      {states.convert.allowed ? (
        <p id={`${id}-convert-what`} className="text-xs text-muted-foreground">
          {t("imageActions.convertBody")}
        </p>
      ) : null}
      {reasons.length ? (
        <ul className="space-y-0.5 text-xs text-muted-foreground">
          {reasons.map((a) => {
            const r = states[a].reason!;
            return (
              <li key={a} id={`${id}-${a}`} data-testid={`image-reason-${a}`}>
                {t(r.key, r.vars)}
              </li>
            );
          })}
        </ul>
      ) : null}
      {copy ? (
        <Alert tone="info" title={t("imageActions.convertStarted")}>
          <Link className="underline" href={`/project/images/${copy.id}`}>
            {t("imageActions.convertOpen")}
          </Link>
        </Alert>
      ) : null}
      {m.convert.error ? <QueryError title={t("imageActions.convertTitle")} error={m.convert.error} /> : null}
      <LazyEditImageDialog open={dialog === "edit"} onOpenChange={(o) => setDialog(o ? "edit" : null)} image={image} />
      <LazyDeleteImageDialog
        open={dialog === "delete"}
        onOpenChange={(o) => {
          setDialog(o ? "delete" : null);
          if (!o) m.remove.reset();
        }}
        image={image}
        name={name}
        pending={m.remove.isPending}
        error={m.remove.error}
        onConfirm={() => m.remove.mutate(undefined, { onSuccess: () => router.push("/project/images") })}
      />
    </div>
  );
}
