import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** Any page that is still a "not built yet" placeholder. */
export class PlaceholderPage extends ShellPage {
  constructor(page: ShellPage["page"], readonly path: string) {
    super(page);
  }
  get notBuilt(): Locator {
    return this.page.getByText(/Not built yet|尚未实现/);
  }
}
