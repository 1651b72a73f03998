import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

export class LineagePage extends ShellPage {
  readonly path = "/admin/lineage";

  /** The clone tree of one Glance image, by the image's name. */
  tree(image: string): Locator {
    return this.page.getByRole("tree", { name: new RegExp(`^(Clone tree of ${image}|${image} 的克隆树)$`) });
  }
  item(tree: Locator, text: string | RegExp): Locator {
    return tree.getByRole("treeitem").filter({ hasText: text });
  }
  get orphans(): Locator {
    return this.page.getByRole("list", { name: /^(Orphaned RBD images|残留的 RBD 镜像)$/ });
  }
  orphanCheckbox(spec: string): Locator {
    return this.orphans.getByRole("checkbox", { name: new RegExp(spec.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")) });
  }
  get refresh(): Locator {
    return this.page.getByRole("button", { name: /^(Refresh|刷新)$/ });
  }
  get planButton(): Locator {
    return this.page.getByRole("button", { name: /^(Plan cleanup|规划清理)/ });
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  get steps(): Locator {
    return this.dialog.getByRole("list", { name: /^(Cleanup steps|清理步骤)$/ }).getByRole("listitem");
  }
  get confirm(): Locator {
    return this.dialog.getByRole("button", { name: /^(Confirm|确认执行)/ });
  }
}
