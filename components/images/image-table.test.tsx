// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { renderWithProviders } from "@/components/test/render";
import type { ImageSummary } from "@/lib/queries/images";
import { ImageTable } from "./image-table";

// Each name links to the image's page (IntentLink prefetches it on intent).
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: () => undefined }) }));

const image = (o: Partial<ImageSummary>): ImageSummary => ({
  id: "0f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b",
  name: "img",
  status: "active",
  diskFormat: "raw",
  containerFormat: "bare",
  sizeBytes: 1024,
  virtualSizeBytes: 1024,
  minDiskGiB: 0,
  minRamMiB: 0,
  visibility: "private",
  protected: false,
  snapshot: false,
  volumeBacked: false,
  copiedNotCloned: false,
  cloneVerdict: "clone",
  created: new Date().toISOString(),
  transient: false,
  ...o,
});
const props = { sort: "created" as const, dir: "desc" as const, onSort: () => {} };

describe("ImageTable", () => {
  it("says an image queued past the polling bound is still queued; a fresh one is just queued", () => {
    const old = new Date(Date.now() - 60 * 60_000).toISOString();
    renderWithProviders(
      <ImageTable
        {...props}
        items={[
          image({
            name: "stuck",
            status: "queued",
            transient: true,
            created: old,
            diskFormat: null,
            sizeBytes: null,
            copiedNotCloned: null,
          }),
          image({
            id: "1f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b",
            name: "fresh",
            status: "queued",
            transient: true,
            diskFormat: null,
            sizeBytes: null,
            copiedNotCloned: null,
          }),
        ]}
      />,
    );
    expect(screen.getByTestId("image-row-stuck")).toHaveTextContent("still queued: no data was ever uploaded");
    expect(screen.getByTestId("image-row-fresh")).not.toHaveTextContent("still queued");
  });
  it("shows a volume-backed snapshot as such, not as 'qcow2 · will be copied, not cloned · 0 B'", () => {
    renderWithProviders(
      <ImageTable
        {...props}
        items={[image({ name: "bfv-snap", diskFormat: "qcow2", sizeBytes: 0, snapshot: true, volumeBacked: true, copiedNotCloned: null })]}
      />,
      { locale: "zh-CN" },
    );
    const row = screen.getByTestId("image-row-bfv-snap");
    expect(row).toHaveTextContent("基于卷");
    expect(row).toHaveTextContent("无数据");
    expect(row).not.toHaveTextContent("qcow2");
    expect(row).not.toHaveTextContent("0 B");
  });
  it("labels clone, copy and unknown as the boot plan would, and promises no clone it could not prove", () => {
    renderWithProviders(
      <ImageTable
        {...props}
        items={[
          image({ name: "in", cloneVerdict: "clone" }),
          image({ id: "2f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b", name: "foreign", cloneVerdict: "copy" }),
          image({ id: "3f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b", name: "unsure", cloneVerdict: "unknown" }),
        ]}
      />,
    );
    expect(screen.getByTestId("image-row-in")).toHaveTextContent("cloned by Ceph");
    expect(screen.getByTestId("image-row-foreign")).toHaveTextContent("will be copied, not cloned");
    expect(screen.getByTestId("image-row-unsure")).not.toHaveTextContent("cloned by Ceph");
    expect(screen.getByTestId("image-row-unsure")).toHaveTextContent("cloned if this cloud's Ceph holds it");
  });
});
