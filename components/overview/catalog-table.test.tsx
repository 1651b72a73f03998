// @vitest-environment jsdom
import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { renderWithProviders } from "@/components/test/render";
import { CatalogTable } from "./catalog-table";

const services = [
  { type: "identity", name: "keystone", url: "http://127.0.0.1:5055/identity/v3", interface: "public", region: "RegionOne" },
  { type: "compute", name: "nova", url: "http://127.0.0.1:5055/compute/v2.1", interface: "public", region: "RegionOne" },
];
const base = { region: "RegionOne", isPending: false, error: null, onRetry: () => {} };

describe("CatalogTable", () => {
  it("lists services sorted by type", () => {
    renderWithProviders(<CatalogTable {...base} services={services} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[0].textContent)).toEqual(["compute", "identity"]);
    expect(screen.getByText("2 services")).toBeInTheDocument();
  });

  it("shows a skeleton while loading", () => {
    renderWithProviders(<CatalogTable {...base} services={undefined} isPending />);
    expect(screen.getByLabelText("Loading…")).toHaveAttribute("aria-busy", "true");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("explains an empty catalog", () => {
    renderWithProviders(<CatalogTable {...base} services={[]} />);
    expect(screen.getByText("No services in the catalog")).toBeInTheDocument();
    expect(screen.getByText(/no endpoints for region RegionOne/)).toBeInTheDocument();
  });

  it("shows the BFF's message, the request id and a retry on error", () => {
    const onRetry = vi.fn();
    const error = new ApiError(502, { code: "upstream_error", message: "Keystone (identity) answered 503", requestId: "req-1" });
    renderWithProviders(<CatalogTable {...base} services={undefined} error={error} onRetry={onRetry} />);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Could not load the service catalog");
    expect(alert).toHaveTextContent("Keystone (identity) answered 503");
    expect(alert).toHaveTextContent("req-1");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalled();
  });
});
