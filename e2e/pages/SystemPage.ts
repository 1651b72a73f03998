import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

export class SystemPage extends ShellPage {
  readonly path = "/admin/system";

  get table(): Locator {
    return this.page.getByRole("table", { name: /^(Services|服务)$/ });
  }
  get refresh(): Locator {
    return this.page.getByRole("button", { name: /Refresh|Refreshing|刷新/ });
  }
  get forbidden(): Locator {
    return this.page.getByText(/Administrators only|仅限管理员/);
  }
  serviceRow(type: string): Locator {
    return this.table.getByRole("row").filter({ hasText: type });
  }
}
