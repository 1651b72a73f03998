import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

export class OverviewPage extends ShellPage {
  readonly path = "/project";

  get sessionCard(): Locator {
    return this.page.getByRole("region", { name: /^(Session|会话)$/ });
  }
  get catalog(): Locator {
    return this.page.getByRole("table", { name: /Service catalog|服务目录/ });
  }
  get quotas(): Locator {
    return this.page.getByRole("region", { name: /^(Quota usage|配额使用)$/ });
  }
  get recentActions(): Locator {
    return this.page.getByTestId("recent-actions");
  }
  quotaBar(resource: string): Locator {
    return this.page.getByTestId(`quota-${resource}`);
  }
  catalogRow(type: string): Locator {
    return this.catalog.getByRole("row").filter({ has: this.page.getByRole("cell", { name: type, exact: true }) });
  }
}
