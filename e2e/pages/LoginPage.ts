import type { Locator } from "@playwright/test";
import { BasePage } from "./BasePage";

export class LoginPage extends BasePage {
  readonly path = "/login";

  get username(): Locator {
    return this.page.getByLabel(/^(Username|用户名)$/);
  }
  get password(): Locator {
    // The "Password" tab panel is labelled by its tab too; the field is the input.
    return this.page.getByLabel(/^(Password|密码)$/).and(this.page.locator("input"));
  }
  get userDomain(): Locator {
    return this.page.getByLabel(/^(User domain|用户域)$/);
  }
  get project(): Locator {
    return this.page.getByLabel(/^(Project|项目)$/);
  }
  get moreOptions(): Locator {
    return this.page.getByRole("button", { name: /More options|更多选项/ });
  }
  get appCredTab(): Locator {
    return this.page.getByRole("tab", { name: /Application credential|应用凭据/ });
  }
  get appCredId(): Locator {
    return this.page.getByLabel(/^(Application credential ID|应用凭据 ID)$/);
  }
  get appCredSecret(): Locator {
    return this.page.getByLabel(/^(Secret|密钥)$/);
  }
  get submit(): Locator {
    return this.page.getByRole("button", { name: /^(Sign in|登录)$/ });
  }
  get error(): Locator {
    return this.page.getByTestId("login-error");
  }

  async login(username: string, password: string, options: { project?: string } = {}): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    if (options.project) {
      await this.moreOptions.click();
      await this.project.fill(options.project);
    }
    await this.submit.click();
  }
}
