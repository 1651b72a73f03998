import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

export class LineagePage extends ShellPage {
  readonly path = "/admin/lineage";

  /** The clone tree of one Glance image, by the image's name (open it first: trees load when opened). */
  tree(image: string): Locator {
    return this.page.getByRole("tree", { name: new RegExp(`^(Clone tree of ${image}|${image} 的克隆树)$`) });
  }
  /** Filters the images by name and opens that image's tree. */
  async openTree(image: string): Promise<Locator> {
    await this.rootFilter.fill(image);
    await this.page.getByRole("button", { name: new RegExp(`^(Open the clone tree of ${image}|展开 ${image} 的克隆树)$`) }).click();
    return this.tree(image);
  }
  get rootFilter(): Locator {
    return this.page.getByRole("searchbox", { name: /^(Filter images by name or id|按名称或 ID 筛选镜像)$/ });
  }
  /** The scrolling box around an open tree (rows outside it are not in the DOM). */
  scroller(tree: Locator): Locator {
    return this.page.getByTestId("lineage-tree-scroll").filter({ has: tree });
  }
  get search(): Locator {
    return this.page.getByRole("searchbox", { name: /^(Name, id or RBD spec|名称、ID 或 RBD 规格)$/ });
  }
  get searchResults(): Locator {
    return this.page.getByRole("region", { name: /^(Search results|搜索结果)$/ });
  }
  get found(): Locator {
    return this.page.getByTestId("lineage-found");
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
  /** Opens Admin → Lineage → Fan-out (its code loads then). */
  async openFanout(): Promise<Locator> {
    await this.page.getByTestId("fanout-toggle").click();
    return this.fanoutTable;
  }
  get fanoutTable(): Locator {
    return this.page.getByRole("table", { name: /^(Fan-out per parent snapshot|每个父快照的扇出)$/ });
  }
  fanoutRow(parent: string): Locator {
    return this.fanoutTable.locator(`tr[data-parent="${parent}"]`);
  }
  get fanoutBench(): Locator {
    return this.page.getByTestId("fanout-bench");
  }
  /** The dry-run button of a parent above the limits. */
  flattenDryRun(row: Locator): Locator {
    return row.getByRole("button", { name: /^(Dry run: flatten|试运行：拍平)/ });
  }
  get flattenSteps(): Locator {
    return this.dialog.getByRole("list", { name: /^(Flatten steps|拍平步骤)$/ }).getByRole("listitem");
  }
  get flattenConfirm(): Locator {
    return this.dialog.getByTestId("flatten-confirm");
  }
}
