import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** /project/instances/{id}: status, fault, actions with their reasons, the delete dialog. */
export class InstancePage extends ShellPage {
  readonly path: string;
  constructor(
    page: ShellPage["page"],
    readonly id: string,
  ) {
    super(page);
    this.path = `/project/instances/${id}`;
  }
  get actions(): Locator {
    return this.page.getByRole("toolbar", { name: /^(Actions|操作)$/ });
  }
  action(name: RegExp): Locator {
    return this.actions.getByRole("button", { name });
  }
  /** The visible reason a disabled action gives ("Stop: the instance is already SHUTOFF"). */
  reason(action: string): Locator {
    return this.page.getByTestId(`reason-${action}`);
  }
  get status(): Locator {
    return this.heading.locator('[data-slot="badge"]').first();
  }
  get fault(): Locator {
    return this.page.getByTestId("fault-message");
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  /** The sections under the actions (overview, volumes, ports, console log, action log, lineage). */
  get tabs(): Locator {
    return this.page.getByRole("tablist", { name: /^(Instance sections|实例分区)$/ });
  }
  tab(name: RegExp): Locator {
    return this.tabs.getByRole("tab", { name });
  }
  get panel(): Locator {
    return this.page.getByRole("tabpanel");
  }
  /** Picks the option whose text matches in the open dialog's select (flavor, image, volume, network). */
  async pick(option: RegExp): Promise<void> {
    const select = this.dialog.getByRole("combobox").first();
    const value = await select.locator("option").filter({ hasText: option }).first().getAttribute("value");
    await select.selectOption(value!);
  }
  /** The open dialog's confirming button (the last one; Cancel comes first). */
  get dialogConfirm(): Locator {
    return this.dialog.getByRole("button").last();
  }
}
