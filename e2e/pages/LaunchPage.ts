import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** /project/instances/launch: the boot wizard, its live plan panel and the progress view. */
export class LaunchPage extends ShellPage {
  readonly path = "/project/instances/launch";

  get planPanel(): Locator {
    return this.page.getByTestId("plan-panel");
  }
  get planPath(): Locator {
    return this.page.getByTestId("plan-path");
  }
  /** Beside the path: the clone would add to a parent above the fan-out limit. */
  get planBusyParent(): Locator {
    return this.page.getByTestId("plan-busy-parent");
  }
  get nameInput(): Locator {
    return this.page.locator("#boot-name");
  }
  get volumeSize(): Locator {
    return this.page.locator("#boot-volume-size");
  }
  get submit(): Locator {
    return this.page.locator("form button[type=submit]");
  }
  get keyPair(): Locator {
    return this.page.locator("#boot-keypair");
  }
  /** The progress view's link to the launched instance's page. */
  get openInstance(): Locator {
    return this.page.getByRole("link", { name: /Open the instance|打开云主机/ });
  }
  get problems(): Locator {
    return this.page.getByTestId("review-problems");
  }
  get progress(): Locator {
    return this.page.getByTestId("boot-progress");
  }
  get outcome(): Locator {
    return this.page.getByTestId("progress-outcome");
  }
  get fault(): Locator {
    return this.page.getByTestId("progress-fault");
  }
  risk(code: string): Locator {
    return this.page.getByTestId(`risk-${code}`);
  }
  step(index: number): Locator {
    return this.page
      .getByRole("navigation", { name: /Launch steps|创建步骤/ })
      .getByRole("button")
      .nth(index);
  }

  /** Starts from an empty draft (the draft otherwise survives reloads in sessionStorage). */
  async fresh(): Promise<void> {
    await this.goto();
    await this.page.evaluate(() => sessionStorage.removeItem("zenith.boot-wizard"));
    await this.goto();
  }
  async chooseImage(name: string): Promise<void> {
    await this.page.getByRole("radio", { name, exact: true }).check();
  }
  async createVolume(yes: boolean): Promise<void> {
    await this.page
      .getByTestId("create-volume-toggle")
      .getByRole("radio")
      .nth(yes ? 0 : 1)
      .check({ force: true });
  }
  async next(): Promise<void> {
    await this.submit.click();
  }
  async chooseFlavor(name: string): Promise<void> {
    await this.page.getByRole("radio", { name: new RegExp(`^${name.replace(".", "\\.")}`) }).check();
  }
  async checkNetwork(name: string): Promise<void> {
    await this.page.getByRole("checkbox", { name: new RegExp(`^${name}`) }).check();
  }
  /** From the source step to Review: a flavor, a network, the security step as it is (or with a key pair). */
  async toReview(flavor: string, network: string, keyPair?: string): Promise<void> {
    await this.next();
    await this.chooseFlavor(flavor);
    await this.next();
    await this.checkNetwork(network);
    await this.next();
    if (keyPair) await this.keyPair.selectOption(keyPair);
    await this.next();
  }
}
