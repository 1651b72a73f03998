import type { Locator } from "@playwright/test";
import { literal } from "../literal";
import { ShellPage } from "./ShellPage";

/** /project/images/{id}: facts, properties, actions (Edit, Convert to raw, Delete) and their dialogs. */
export class ImagePage extends ShellPage {
  path = "/project/images";

  open(id: string): Promise<void> {
    this.path = `/project/images/${id}`;
    return this.goto();
  }
  get status(): Locator {
    return this.page.getByTestId("image-status");
  }
  get format(): Locator {
    return this.page.getByTestId("image-format");
  }
  get size(): Locator {
    return this.page.getByTestId("image-size");
  }
  get properties(): Locator {
    return this.page.getByTestId("image-properties");
  }
  get copyWarning(): Locator {
    return this.page.getByTestId("image-copy-warning");
  }
  action(name: RegExp): Locator {
    return this.page.getByRole("toolbar").getByRole("button", { name });
  }
  get edit(): Locator {
    return this.action(/^(Edit|编辑)$/);
  }
  get convert(): Locator {
    return this.action(/^(Convert to raw|转换为 raw)$/);
  }
  get delete(): Locator {
    return this.action(/^(Delete|删除)$/);
  }
  /** Delete → the dialog that names the image → "Delete <name>". */
  async deleteImage(name: string): Promise<void> {
    await this.delete.click();
    await this.dialog.getByRole("button", { name: new RegExp(`^(Delete|删除) ${literal(name)}$`) }).click();
  }
  reason(action: "edit" | "convert" | "delete"): Locator {
    return this.page.getByTestId(`image-reason-${action}`);
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  /** Adds a custom property in the edit dialog and saves. */
  async addProperty(key: string, value: string): Promise<void> {
    await this.edit.click();
    await this.dialog.getByRole("button", { name: /Add property|添加属性/ }).click();
    await this.dialog
      .getByRole("textbox", { name: /^(Property|属性)$/ })
      .last()
      .fill(key);
    await this.dialog
      .getByRole("textbox", { name: /^(Value|值)$/ })
      .last()
      .fill(value);
    await this.dialog.getByRole("button", { name: /^(Save|保存)$/ }).click();
  }
  get rawCopyLink(): Locator {
    return this.page.getByRole("link", { name: /Open the raw copy|打开 raw 副本/ });
  }
}
