import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** The volumes list's "Create volume" dialog. */
export class CreateVolumeDialog {
  constructor(readonly root: Locator) {}
  get name(): Locator {
    return this.root.getByLabel(/^(Name|名称)$/);
  }
  get sourceType(): Locator {
    return this.root.getByLabel(/^(Source|来源)$/);
  }
  get source(): Locator {
    return this.root.getByLabel(/^(Which one|选择来源)$/);
  }
  get size(): Locator {
    return this.root.getByLabel(/^(Size \(GiB\)|容量（GiB）)$/);
  }
  /** The boot plan's clone-or-copy verdict for an image source (data-verdict: clone, copy, unknown). */
  get plan(): Locator {
    return this.root.getByTestId("volume-plan");
  }
  get submit(): Locator {
    return this.root.getByTestId("create-volume-submit");
  }
}

/** /project/volumes/{id}: status, size, source, image metadata, snapshots, the actions with their reasons and dialogs. */
export class VolumePage extends ShellPage {
  readonly path: string;
  constructor(
    page: ShellPage["page"],
    readonly id: string,
  ) {
    super(page);
    this.path = `/project/volumes/${id}`;
  }
  /** From the URL the create dialog navigated to. */
  static fromUrl(page: ShellPage["page"]): VolumePage {
    const id = new URL(page.url()).pathname.split("/").pop()!;
    return new VolumePage(page, id);
  }
  get status(): Locator {
    return this.heading.getByTestId("volume-status");
  }
  get size(): Locator {
    return this.page.getByTestId("volume-size");
  }
  get source(): Locator {
    return this.page.getByTestId("volume-source");
  }
  get imageMetadata(): Locator {
    return this.page.getByTestId("volume-image-metadata");
  }
  action(a: "extend" | "retype" | "snapshot" | "attach" | "detach" | "delete"): Locator {
    return this.page.getByTestId(`volume-action-${a}`);
  }
  reason(a: "extend" | "retype" | "snapshot" | "attach" | "detach" | "delete"): Locator {
    return this.page.getByTestId(`volume-reason-${a}`);
  }
  get dialog(): Locator {
    return this.page.getByRole("alertdialog");
  }
  get confirm(): Locator {
    return this.dialog.getByTestId("volume-action-confirm");
  }
  snapshot(name: string): Locator {
    return this.page.getByTestId(`volume-snapshot-${name}`);
  }
  deleteSnapshot(name: string): Locator {
    return this.page.getByTestId(`delete-snapshot-${name}`);
  }
  get deleteSnapshotConfirm(): Locator {
    return this.dialog.getByTestId("delete-snapshot-confirm");
  }
}
