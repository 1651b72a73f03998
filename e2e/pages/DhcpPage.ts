import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

export class DhcpPage extends ShellPage {
  readonly path = "/admin/dhcp";

  get networks(): Locator {
    return this.page.getByRole("table", { name: /^(Networks|网络)$/ });
  }
  get agents(): Locator {
    return this.page.getByRole("table", { name: /^(DHCP agents|DHCP 代理)$/ });
  }
  row(network: string): Locator {
    return this.networks.locator(`tr[data-network="${network}"]`);
  }
  select(network: string): Locator {
    return this.networks.getByRole("checkbox", { name: new RegExp(`^(Select|选择) ${network}$`) });
  }
  get onlyBelow(): Locator {
    return this.page.getByRole("checkbox", { name: /^(Only below target|仅显示低于目标的)$/ });
  }
  get healSelected(): Locator {
    return this.page.getByRole("button", { name: /^(Heal selected|修复所选)/ });
  }
  get healAll(): Locator {
    return this.page.getByRole("button", { name: /^(Heal all below target|修复全部低于目标的网络)$/ });
  }
  /** Reads Neutron anew (the view's facts are shared by viewers for a few seconds). */
  get refresh(): Locator {
    return this.page.getByRole("button", { name: /^(Refresh|刷新)$/ });
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  get planSteps(): Locator {
    return this.dialog.getByRole("list", { name: /^(Heal plan|修复计划)$/ }).getByRole("listitem");
  }
  get resultSteps(): Locator {
    return this.dialog.getByRole("list", { name: /^(Heal results|修复结果)$/ }).getByRole("listitem");
  }
  get confirm(): Locator {
    return this.dialog.getByRole("button", { name: /^(Confirm heal|确认修复)$/ });
  }
}
