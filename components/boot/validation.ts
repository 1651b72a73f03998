import type { BootDraft, BootStep } from "@/lib/stores/boot-wizard-store";
import type { BootOptions } from "@/lib/queries/boot";
import type { MessageKey, Translate, TranslateVars } from "@/lib/i18n/translate";
import { quotaLabel } from "./quota-label";

export interface Problem {
  step: BootStep;
  field: string;
  key: MessageKey;
  vars?: TranslateVars;
  text?: string;
}

/** A problem in the user's words; a quota is named as people say it, not by Cinder's key. */
export function problemText(t: Translate, p: Problem): string {
  if (p.text) return p.text;
  return t(p.key, p.field.startsWith("quota:") ? { ...p.vars, quota: quotaLabel(t, p.field.slice("quota:".length)) } : p.vars);
}

/** Instances this project may still launch (Nova's limit less what is in use); null when unlimited or unknown. */
export function instancesLeft(o: BootOptions | undefined): number | null {
  const q = o?.quotas?.compute?.instances;
  return q && q.limit >= 0 ? Math.max(q.limit - q.inUse, 0) : null;
}

/** Whether a problem shows at its field yet: after the user left the field, pressed Next on its step, or reached Review. */
export function shown(p: Problem, d: Pick<BootDraft, "touched" | "attempted" | "step">): boolean {
  return d.step === "review" || d.touched.includes(p.field) || d.attempted.includes(p.step);
}
