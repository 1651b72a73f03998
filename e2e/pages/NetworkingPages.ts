import type { Locator } from "@playwright/test";
import { BasePage } from "./BasePage";

/** The create-network form: the network and its first subnet. */
export class NetworkCreatePage extends BasePage {
  readonly path = "/project/networks/create";

  async create(name: string, cidr: string): Promise<void> {
    await this.main.getByLabel("Name", { exact: true }).fill(name);
    await this.main.getByLabel("CIDR").fill(cidr);
    await this.main.getByRole("button", { name: "Create network" }).click();
  }
  fieldError(text: string | RegExp): Locator {
    return this.main.getByRole("alert").filter({ hasText: text });
  }
}

export class RoutersPage extends BasePage {
  readonly path = "/project/routers";

  card(name: string): Locator {
    return this.main.getByTestId(`router-${name}`);
  }
  /** Creates a router with its gateway on the named external network. */
  async create(name: string, externalNetwork: string): Promise<void> {
    const form = this.main.locator("form").filter({ has: this.page.getByRole("button", { name: "Create", exact: true }) });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("External gateway").selectOption({ label: externalNetwork });
    await form.getByRole("button", { name: "Create", exact: true }).click();
  }
  async attach(router: string, subnetLabel: string): Promise<void> {
    const card = this.card(router);
    await card.getByLabel("Subnet").selectOption({ label: subnetLabel });
    await card.getByRole("button", { name: "Attach subnet" }).click();
  }
}

export class FloatingIpsPage extends BasePage {
  readonly path = "/project/floating-ips";

  get rows(): Locator {
    return this.main.locator('[data-testid^="fip-row-"]');
  }
  /** The row of one floating IP, by its address. */
  row(address: string): Locator {
    return this.main.getByTestId(`fip-row-${address}`);
  }
  /** A row's "Mapped to" cell: the instance and its fixed IP, or (unmapped) the port picker. */
  mapping(row: Locator): Locator {
    return row.getByRole("cell").nth(2);
  }
  /** The address a row shows (from its test id). */
  async address(row: Locator): Promise<string> {
    return ((await row.getAttribute("data-testid")) ?? "").replace(/^fip-row-/, "");
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  /** The row's Disassociate, then the dialog's (which names the address). */
  async disassociate(row: Locator): Promise<void> {
    await row.getByRole("button", { name: "Disassociate" }).click();
    await this.dialog.getByRole("button", { name: "Disassociate" }).click();
  }
  /** The row's Release, then the dialog's (which names the address). */
  async release(row: Locator): Promise<void> {
    await row.getByRole("button", { name: "Release" }).click();
    await this.dialog.getByRole("button", { name: "Release" }).click();
  }
  async allocate(externalNetwork: string): Promise<void> {
    await this.main.getByLabel("External network").selectOption({ label: externalNetwork });
    await this.main.getByRole("button", { name: "Allocate" }).click();
  }
  async associate(row: Locator, targetLabel: RegExp): Promise<void> {
    const select = row.getByLabel("Instance port");
    const option = select.locator("option").filter({ hasText: targetLabel });
    await select.selectOption((await option.first().getAttribute("value")) ?? "");
    await row.getByRole("button", { name: "Associate" }).click();
  }
}

export class TopologyPage extends BasePage {
  readonly path = "/project/topology";

  get graph(): Locator {
    return this.main.getByRole("group", { name: "Network topology graph" });
  }
  node(kind: string, name: string): Locator {
    return this.graph.getByRole("link").filter({ hasText: new RegExp(`^${name}\\s*${kind}`) });
  }
  get text(): Locator {
    return this.main.getByTestId("topology-text");
  }
}
