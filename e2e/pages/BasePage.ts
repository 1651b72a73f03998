import { test, type Locator, type Page } from "@playwright/test";
import { seriousA11yViolations, type A11yFinding } from "../a11y";

/** Shared by every page object: the page, navigation, and where screenshots go. */
export abstract class BasePage {
  constructor(readonly page: Page) {}

  /** The path this page lives at, e.g. "/project". */
  abstract readonly path: string;

  async goto(search = ""): Promise<void> {
    await this.page.goto(`${this.path}${search}`);
    await this.hydrated();
  }

  /** Wait until React has hydrated, so clicks reach their handlers (set by app/providers.tsx). */
  async hydrated(): Promise<void> {
    await this.page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  }

  get main(): Locator {
    return this.page.getByRole("main");
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  /** Full-page screenshot under test-results/screenshots/<target>/ (gitignored). */
  async screenshot(name: string): Promise<string> {
    const path = `test-results/screenshots/${test.info().project.name}/${name}.png`;
    await this.page.screenshot({ path, fullPage: true, animations: "disabled" });
    return path;
  }

  /** axe's serious and critical findings on what the page shows now (e2e/a11y.ts). */
  a11yViolations(): Promise<A11yFinding[]> {
    return seriousA11yViolations(this.page);
  }
}
