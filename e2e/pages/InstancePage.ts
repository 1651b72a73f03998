import { expect, type Locator } from "@playwright/test";
import { literal } from "../literal";
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
  /** The visible reason a disabled action gives ("Stop: the instance is already stopped (shut off)"). */
  reason(action: string): Locator {
    return this.page.getByTestId(`reason-${action}`);
  }
  get status(): Locator {
    return this.heading.locator('[data-slot="badge"]').first();
  }
  /** Nova's fault as the translated headline (the BFF's code rendered). */
  get faultReason(): Locator {
    return this.page.getByTestId("fault-reason");
  }
  /** Nova's own fault text, verbatim, inside the disclosure labelled as Nova's message. */
  get fault(): Locator {
    return this.page.getByTestId("fault-message");
  }
  /** Opens the disclosure that holds Nova's own text. */
  async openNovaMessage(): Promise<void> {
    await this.page.getByText(/^(Nova's message|Nova 原始消息)$/).click();
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  /** One fact of the Overview's list (Flavor, Key pair…), by its label: the value. */
  fact(label: RegExp): Locator {
    return this.main
      .locator("dl > div")
      .filter({ has: this.page.locator("dt").filter({ hasText: label }) })
      .locator("dd");
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

  /** An attached volume's row in the Volumes tab, by name. */
  volumeRow(name: string): Locator {
    return this.panel.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }
  /** Volumes tab → Attach volume → picks the volume by name → Attach. */
  async attachVolume(name: string): Promise<void> {
    await this.tab(/^(Volumes|云硬盘)$/).click();
    // The tab's panel is its own chunk: a click before it has hydrated is lost, so click until the dialog opens.
    await expect(async () => {
      await this.panel.getByRole("button", { name: /^(Attach volume|挂载云硬盘)$/ }).click();
      await expect(this.dialog).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await this.pick(new RegExp(`^${literal(name)}`));
    await this.dialogConfirm.click();
  }
  /** Volumes tab → the volume's Detach → confirms in the dialog that names it. */
  async detachVolume(name: string): Promise<void> {
    await this.tab(/^(Volumes|云硬盘)$/).click();
    await this.volumeRow(name)
      .getByRole("button", { name: new RegExp(`^(Detach|卸载) ${literal(name)}$`) })
      .click();
    await expect(this.dialog.getByRole("heading")).toContainText(name);
    await this.dialogConfirm.click();
  }
  /** Create snapshot → names it → Create. */
  async snapshot(name: string): Promise<void> {
    await this.action(/^(Create snapshot|创建快照)$/).click();
    await this.dialog.getByLabel(/^(Snapshot name|快照名称)$/).fill(name);
    await this.dialogConfirm.click();
  }
  /** Resize → picks the flavor → Resize (the server then awaits confirmation, VERIFY_RESIZE). */
  async resize(flavor: RegExp): Promise<void> {
    await this.action(/^(Resize|调整大小)$/).click();
    await this.pick(flavor);
    await this.dialogConfirm.click();
  }
  async confirmResize(): Promise<void> {
    await this.action(/^(Confirm resize|确认调整大小)$/).click();
    await this.dialogConfirm.click();
  }
  /** Delete → the dialog that names the instance → "Delete <name>". */
  async delete(name: string): Promise<void> {
    await this.action(/^(Delete|删除)$/).click();
    await expect(this.dialog.getByRole("heading")).toContainText(name);
    await this.dialog.getByRole("button", { name: new RegExp(`^(Delete|删除) ${literal(name)}$`) }).click();
  }
}
