"use client";

import { useEffect, useMemo, useRef } from "react";
import { useT } from "@/lib/i18n/client";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";

/** The generated private key, shown this once with a download; it lives only in this component's props. */
export function PrivateKeyPanel({ name, privateKey, onDone }: { name: string; privateKey: string; onDone: () => void }) {
  const t = useT();
  const file = `${name.replace(/[^A-Za-z0-9._-]/g, "_")}.pem`;
  const href = useMemo(() => URL.createObjectURL(new Blob([privateKey], { type: "application/x-pem-file" })), [privateKey]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => link.current?.focus(), []);
  return (
    <Alert tone="warning" title={t("keypairsPage.privateTitle", { name })}>
      <p>{t("keypairsPage.privateBody")}</p>
      <pre className="mt-2 max-h-40 overflow-auto rounded bg-muted p-2 font-mono text-[11px]" tabIndex={0} data-testid="private-key">
        {privateKey}
      </pre>
      <div className="mt-2 flex flex-wrap gap-2">
        <a ref={link} href={href} download={file} className={buttonVariants({ variant: "primary", size: "sm" })}>
          {t("keypairsPage.download", { file })}
        </a>
        <Button size="sm" onClick={onDone}>
          {t("keypairsPage.done")}
        </Button>
      </div>
    </Alert>
  );
}
