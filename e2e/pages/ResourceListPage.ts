import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";
import { CreateVolumeDialog } from "./VolumePage";

/** A project resource list (instances, volumes, images, networks): toolbar, sortable table, pager. */
export abstract class ResourceListPage extends ShellPage {
  /** The table's accessible name (its caption), in either language. */
  protected abstract readonly tableName: RegExp;

  get table(): Locator {
    return this.page.getByRole("table", { name: this.tableName });
  }
  get search(): Locator {
    return this.page.getByRole("searchbox");
  }
  get filter(): Locator {
    return this.page.getByRole("combobox");
  }
  get errorAlert(): Locator {
    return this.main.getByRole("alert");
  }
  get empty(): Locator {
    return this.page.locator('[data-slot="empty-state"]');
  }
  row(name: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByText(name, { exact: true }) });
  }
  get bodyRows(): Locator {
    return this.table.locator("tbody tr");
  }
  sortBy(column: RegExp): Locator {
    return this.table.getByRole("columnheader", { name: column }).getByRole("button");
  }
}

export class InstancesPage extends ResourceListPage {
  readonly path = "/project/instances";
  protected readonly tableName = /^(Instances|云主机)$/;
  get launch(): Locator {
    return this.page.getByRole("link", { name: /Launch instance|创建云主机/ });
  }
  link(name: string): Locator {
    return this.table.getByRole("link", { name, exact: true });
  }
  /** The headline of Nova's fault under an instance row's status (translated; Nova's own text is on the detail page). */
  rowFault(name: string): Locator {
    return this.row(name).getByTestId("fault-reason");
  }
  /** A row's quick action button (Start, Stop, Reboot, Delete). */
  rowAction(name: string, action: RegExp): Locator {
    return this.row(name).getByRole("group").getByRole("button", { name: action });
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  /** On a narrow screen: the row's one "more" button, which opens its actions as a menu. */
  rowMenu(name: string): Locator {
    return this.row(name).getByRole("button", { name: /^Actions for |的操作$/ });
  }
  /** An item of the open row menu (Start, Stop, Reboot, Delete). */
  rowMenuItem(action: RegExp): Locator {
    return this.page.getByRole("menu").getByRole("menuitem", { name: action });
  }
}

export class VolumesPage extends ResourceListPage {
  readonly path = "/project/volumes";
  protected readonly tableName = /^(Volumes|云硬盘)$/;
  /** Opens the "Create volume" dialog. */
  async openCreate(): Promise<CreateVolumeDialog> {
    await this.page
      .getByRole("button", { name: /^(Create volume|创建云硬盘)$/ })
      .first()
      .click();
    return new CreateVolumeDialog(this.page.getByRole("alertdialog"));
  }
}

export class ImagesPage extends ResourceListPage {
  readonly path = "/project/images";
  protected readonly tableName = /^(Images|镜像)$/;
}

export class NetworksPage extends ResourceListPage {
  readonly path = "/project/networks";
  protected readonly tableName = /^(Networks|网络)$/;
}
