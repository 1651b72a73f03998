import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** One axe finding worth failing on: a rule at serious or critical impact, with the nodes it hit. */
export type A11yFinding = { rule: string; impact: string; help: string; count: number; nodes: string[] };

/**
 * Runs axe (WCAG 2.x A/AA and best practices) on what the page shows now and returns the serious and critical
 * violations, one entry per rule, with up to five offending selectors and axe's summary for each. Used by page objects
 * (BasePage.a11yViolations) and e2e/a11y.spec.ts, which expects it to be empty on every page.
 */
export async function seriousA11yViolations(page: Page): Promise<A11yFinding[]> {
  const result = await new AxeBuilder({ page })
    // Visible label in the accessible name (WCAG 2.5.3) is an "experimental" rule axe leaves off unless asked.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      count: v.nodes.length,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(" ")}${n.failureSummary ? ` — ${n.failureSummary.split("\n").slice(1, 2).join("")}` : ""}`),
    }));
}

/** Offending nodes across findings: the per-page figure the reports give. */
export function findingCount(findings: A11yFinding[]): number {
  return findings.reduce((n, f) => n + f.count, 0);
}
