import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

export class InfrastructurePage extends ShellPage {
  readonly path = "/admin/infrastructure";

  get hypervisors(): Locator {
    return this.page.getByRole("table", { name: /^(Hypervisors|虚拟机管理器)$/ });
  }
  get services(): Locator {
    return this.page.getByRole("table", { name: /^(Services|服务)$/ });
  }
  serviceRows(binary: string): Locator {
    return this.services.getByRole("row").filter({ hasText: binary });
  }
}
