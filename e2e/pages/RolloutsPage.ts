import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** /admin/rollouts: the pools, the start form with its dry-run plan, the runs and the live run view. */
export class RolloutsPage extends ShellPage {
  readonly path = "/admin/rollouts";

  get form(): Locator {
    return this.page.getByTestId("rollout-form");
  }
  get version(): Locator {
    return this.form.getByLabel(/^(Version|版本)/);
  }
  get dryRun(): Locator {
    return this.page.getByTestId("rollout-dry-run");
  }
  get plan(): Locator {
    return this.page.getByTestId("rollout-plan");
  }
  get confirm(): Locator {
    return this.page.getByTestId("rollout-confirm");
  }
  get run(): Locator {
    return this.page.getByTestId("rollout-run");
  }
  get verdict(): Locator {
    return this.page.getByTestId("rollout-verdict");
  }
  /** How far (px) the verdict badge reaches past the right edge of its cell and of the run card (≤ 0 when it fits). */
  async verdictOverflow(): Promise<{ cell: number; card: number }> {
    return this.verdict.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return {
        cell: right - el.parentElement!.getBoundingClientRect().right,
        card: right - el.closest('[data-testid="rollout-run"]')!.getBoundingClientRect().right,
      };
    });
  }
  get probeFailed(): Locator {
    return this.page.getByTestId("probe-failed");
  }
  get healthStrip(): Locator {
    return this.page.getByTestId("health-strip");
  }
}
