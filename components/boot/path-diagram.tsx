import type { BootPlan } from "@/lib/queries/boot";
import { useT } from "@/lib/i18n/client";

/**
 * A small picture of the path: the source on the left, the root disk on the right, and between them a
 * short dashed arrow for a copy-on-write clone or a long solid arrow through download · convert · import.
 */
export function PathDiagram({ path }: { path: BootPlan["path"] }) {
  const t = useT();
  const clone = path === "rbd-clone-local" || path === "rbd-clone-volume";
  const existing = path === "existing-volume";
  const from = existing ? t("boot.plan.diagram.existing") : t("boot.plan.diagram.image");
  const to = path.endsWith("local") ? t("boot.plan.diagram.disk") : t("boot.plan.diagram.volume");
  const how = existing ? t("boot.plan.pathShort.existing-volume") : clone ? t("boot.plan.diagram.clone") : t("boot.plan.diagram.copy");
  const tone = existing ? "var(--color-muted-foreground)" : clone ? "var(--color-success)" : "var(--color-warning)";
  return (
    <svg
      viewBox="0 0 320 64"
      className="h-16 w-full max-w-sm"
      role="img"
      aria-label={t("boot.plan.diagram.label", { from, to, how })}
      data-path={path}
    >
      <rect x="2" y="16" width="84" height="32" rx="6" fill="var(--color-muted)" stroke="var(--color-border)" />
      <text x="44" y="36" textAnchor="middle" fontSize="11" fill="currentColor">
        {from}
      </text>
      {existing ? null : (
        <>
          <rect x="234" y="16" width="84" height="32" rx="6" fill="var(--color-muted)" stroke={tone} />
          <text x="276" y="36" textAnchor="middle" fontSize="11" fill="currentColor">
            {to}
          </text>
          <line x1="90" y1="32" x2="226" y2="32" stroke={tone} strokeWidth="2" strokeDasharray={clone ? "5 4" : undefined} />
          <path d="M226 26 L234 32 L226 38 Z" fill={tone} />
          <text x="160" y="24" textAnchor="middle" fontSize="10" fill={tone}>
            {how}
          </text>
        </>
      )}
    </svg>
  );
}
