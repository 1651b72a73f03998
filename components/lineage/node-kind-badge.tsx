import { useT } from "@/lib/i18n/client";
import { Badge } from "@/components/ui/badge";
import type { LineageNode } from "@/lib/queries/lineage";

const TONE = { image: "info", "instance-snapshot": "info", "root-disk": "neutral", volume: "success", other: "neutral" } as const;

/** The node's kind, and "orphan" in red when no live OpenStack resource owns it. */
export function NodeKindBadge({ node }: { node: Pick<LineageNode, "kind" | "orphan"> }) {
  const t = useT();
  return (
    <>
      <Badge tone={TONE[node.kind]}>{t(`lineage.kind.${node.kind}`)}</Badge>
      {node.orphan ? (
        <Badge tone="danger" dot>
          {t("lineage.kind.orphan")}
        </Badge>
      ) : null}
    </>
  );
}
