import { readFile } from "node:fs/promises";
import type { Locator } from "@playwright/test";
import { BasePage } from "./BasePage";

export class KeypairsPage extends BasePage {
  readonly path = "/project/key-pairs";

  get nameInput(): Locator {
    return this.main.getByLabel("Name", { exact: true });
  }
  get privateKey(): Locator {
    return this.main.getByTestId("private-key");
  }
  get download(): Locator {
    return this.main.getByRole("link", { name: /^Download / });
  }
  /** "I have saved it": closes the private key for good. */
  get done(): Locator {
    return this.main.getByRole("button", { name: "I have saved it" });
  }
  /** Clicks the download link; the file's suggested name and its text, as the browser saved it. */
  async downloadPrivateKey(): Promise<{ file: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.download.click()]);
    return { file: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
  }
  row(name: string): Locator {
    return this.main.getByTestId(`keypair-row-${name}`);
  }

  async create(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.main.getByRole("button", { name: "Create", exact: true }).click();
  }

  async delete(name: string): Promise<void> {
    await this.row(name)
      .getByRole("button", { name: `Delete ${name}` })
      .click();
    await this.page.getByRole("alertdialog").getByRole("button", { name: "Delete", exact: true }).click();
  }
}
