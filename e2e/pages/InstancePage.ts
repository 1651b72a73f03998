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
  reason(action: "start" | "stop" | "reboot" | "hard-reboot" | "delete"): Locator {
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
}
