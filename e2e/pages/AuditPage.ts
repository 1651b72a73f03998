import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** /admin/audit: every step of a confirmed admin action, newest first. */
export class AuditPage extends ShellPage {
  readonly path = "/admin/audit";

  get table(): Locator {
    return this.page.getByTestId("audit-table");
  }
  rows(action: string): Locator {
    return this.table.locator(`tr[data-action="${action}"]`);
  }
}
