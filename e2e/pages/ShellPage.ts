import type { Locator } from "@playwright/test";
import { BasePage } from "./BasePage";

/** The signed-in frame every dashboard page shares: navigation and header controls. */
export abstract class ShellPage extends BasePage {
  get nav(): Locator {
    return this.page.getByRole("navigation", { name: /Main navigation|主导航/ });
  }
  get adminSection(): Locator {
    return this.nav.getByRole("group", { name: /^(Admin|管理)$/ });
  }
  get projectSection(): Locator {
    return this.nav.getByRole("group", { name: /^(Project|项目)$/ });
  }
  navLink(name: string | RegExp): Locator {
    return this.nav.getByRole("link", { name, exact: typeof name === "string" });
  }
  get currentNavLink(): Locator {
    return this.nav.locator('a[aria-current="page"]');
  }
  get projectSwitcher(): Locator {
    return this.page.getByRole("button", { name: /^(Switch project|切换项目): / });
  }
  get currentProject(): Locator {
    return this.page.getByTestId("current-project");
  }
  get region(): Locator {
    return this.page.getByTestId("current-region");
  }
  get userMenu(): Locator {
    return this.page.getByRole("button", { name: /^(Account|账户): / });
  }
  get languageMenu(): Locator {
    return this.page.getByRole("button", { name: /^(Language|语言): / });
  }
  get themeMenu(): Locator {
    return this.page.getByRole("button", { name: /^(Theme|主题): / });
  }
  get menu(): Locator {
    return this.page.getByRole("menu");
  }

  async switchProject(name: string): Promise<void> {
    await this.projectSwitcher.click();
    await this.menu.getByRole("menuitemradio", { name }).click();
  }

  async logout(): Promise<void> {
    await this.userMenu.click();
    await this.menu.getByRole("menuitem", { name: /Sign out|退出登录/ }).click();
  }

  async chooseLanguage(name: "English" | "简体中文"): Promise<void> {
    await this.languageMenu.click();
    await this.menu.getByRole("menuitemradio", { name }).click();
  }

  async chooseTheme(name: RegExp): Promise<void> {
    await this.themeMenu.click();
    await this.menu.getByRole("menuitemradio", { name }).click();
  }
}
