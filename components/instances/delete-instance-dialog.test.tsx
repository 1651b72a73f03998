// @vitest-environment jsdom
import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/test/render";
import { instanceKeys, type InstanceDetail } from "@/lib/queries/instances";
import { DeleteInstanceDialog } from "./delete-instance-dialog";

const detail = {
  id: "s1",
  name: "bfv-1",
  bootFromVolume: true,
  volumes: [
    {
      id: "v1",
      name: "bfv-1-root",
      sizeGiB: 10,
      status: "in-use",
      device: "/dev/vda",
      deleteOnTermination: false,
      bootable: true,
      root: true,
    },
  ],
} as unknown as InstanceDetail;

// jsdom has no modal dialogs.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
  this.open = false;
};

describe("DeleteInstanceDialog", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads the instance itself and says a boot-from-volume root volume is kept", async () => {
    vi.stubGlobal("fetch", () => new Promise(() => {}));
    const { queryClient } = renderWithProviders(
      <DeleteInstanceDialog open onOpenChange={() => {}} instanceId="s1" name="bfv-1" pending={false} error={null} onConfirm={() => {}} />,
    );
    expect(screen.getByTestId("delete-consequences")).toHaveTextContent("Checking the instance's volumes…");
    await act(async () => {
      queryClient.setQueryData(instanceKeys.detail("s1"), detail);
    });
    expect(await screen.findByText(/^Its root volume bfv-1-root is kept \(delete on termination is off\)/)).toBeInTheDocument();
    expect(screen.getByTestId("delete-consequences")).not.toHaveTextContent("removes it and its local disk");
  });
});
