import type { Locator } from "@playwright/test";
import { ShellPage } from "./ShellPage";

/** /project/images/upload: the file (or URL), the fields, the progress and the result. */
export class UploadImagePage extends ShellPage {
  readonly path = "/project/images/upload";

  get file(): Locator {
    return this.page.getByLabel(/^(Image file|镜像文件)$/);
  }
  get name(): Locator {
    return this.page.getByLabel(/^(Name|名称)$/);
  }
  get diskFormat(): Locator {
    return this.page.getByLabel(/^(Disk format|磁盘格式)$/);
  }
  get submit(): Locator {
    return this.page.getByRole("button", { name: /^(Upload|上传)$/ });
  }
  get progress(): Locator {
    return this.page.getByTestId("upload-progress");
  }
  get openImage(): Locator {
    return this.page.getByRole("link", { name: /Open the image|打开镜像/ });
  }
  async upload(file: { name: string; buffer: Buffer }, name: string, format: string): Promise<void> {
    await this.file.setInputFiles({ name: file.name, mimeType: "application/octet-stream", buffer: file.buffer });
    await this.name.fill(name);
    await this.diskFormat.selectOption(format);
    await this.submit.click();
  }
}
