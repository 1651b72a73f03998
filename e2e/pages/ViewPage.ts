import type { Page } from "@playwright/test";
import { BasePage } from "./BasePage";

/** Any view of e2e/views.ts, by its path: navigation, heading and screenshots, for specs that walk every view. */
export class ViewPage extends BasePage {
  constructor(
    page: Page,
    readonly path: string,
  ) {
    super(page);
  }
}
