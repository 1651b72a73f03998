// @vitest-environment jsdom
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/test/render";
import { cardStack, stackRows, withAside } from "./list-layouts";
import { ListPageFrame, type FrameQuery } from "./table-states";

type Row = { id: string; name: string };
const query = (o: Partial<FrameQuery<Row>>): FrameQuery<Row> => ({ data: undefined, error: null, refetch: vi.fn(), ...o });
const cards = (items: Row[] | undefined) => stackRows(items, (r) => <p key={r.id}>{`card ${r.name}`}</p>);

describe("ListPageFrame", () => {
  it("heads the page with the namespace's title and shows a skeleton, busy, until the first answer", () => {
    const { container } = renderWithProviders(
      <ListPageFrame ns="routersPage" icon="networks" list={query({})} rows={cards} container={cardStack(true)} />,
    );
    expect(screen.getByRole("heading", { level: 1, name: "Routers" })).toBeTruthy();
    expect(container.querySelector('[aria-busy="true"] [data-slot="skeleton"]')).toBeTruthy();
  });

  it("gives a table undefined while loading, then the items", () => {
    const table = vi.fn((items: Row[] | undefined) => <p>{items ? `${items.length} rows` : "loading rows"}</p>);
    const { rerender } = renderWithProviders(<ListPageFrame ns="flavorsPage" icon="instances" list={query({})} rows={table} />);
    expect(screen.getByText("loading rows")).toBeTruthy();
    rerender(<ListPageFrame ns="flavorsPage" icon="instances" list={query({ data: { items: [{ id: "1", name: "m1" }] } })} rows={table} />);
    expect(screen.getByText("1 rows")).toBeTruthy();
  });

  it("says which list failed, with the message naming the service, and retries", async () => {
    const list = query({ error: new Error("Neutron (network) did not answer") });
    renderWithProviders(<ListPageFrame ns="routersPage" icon="networks" list={list} rows={cards} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Could not load the routers");
    expect(alert.textContent).toContain("Neutron (network) did not answer");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(list.refetch).toHaveBeenCalledOnce();
  });

  it("shows the empty state with its hint and action, and no rows", async () => {
    renderWithProviders(
      <ListPageFrame
        ns="floatingIpsPage"
        icon="globe"
        list={query({ data: { items: [] } })}
        emptyAction={<button type="button">Allocate</button>}
        rows={cards}
      />,
    );
    expect(await screen.findByText("No floating IPs.")).toBeTruthy();
    expect(screen.getByText("Allocate one from an external network.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Allocate" })).toBeTruthy();
  });

  it("words the empty state from the namespace", async () => {
    renderWithProviders(<ListPageFrame ns="keypairsPage" icon="key" list={query({ data: { items: [] } })} rows={() => null} />);
    expect(await screen.findByText("No key pairs.")).toBeTruthy();
    expect(screen.getByText("Create one, or import the public key you already use.")).toBeTruthy();
  });

  it("keeps the rows on screen under a failed refetch, beside the side panel", async () => {
    const list = query({ data: { items: [{ id: "r1", name: "edge" }] }, error: new Error("timed out") });
    renderWithProviders(
      <ListPageFrame ns="routersPage" icon="networks" list={list} rows={cards} layout={withAside(<form aria-label="Create router" />)} />,
    );
    expect(screen.getByText("card edge")).toBeTruthy();
    expect((await screen.findByRole("alert")).textContent).toContain("timed out");
    expect(screen.getByRole("form", { name: "Create router" })).toBeTruthy();
  });
});
