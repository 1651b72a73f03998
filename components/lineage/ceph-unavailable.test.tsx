// @vitest-environment jsdom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { renderWithProviders } from "@/components/test/render";
import type { LineageNode } from "@/lib/queries/lineage";
import { CephUnavailableText } from "./ceph-unavailable";
import { NodeUsage } from "./node-usage";

const down = (details: unknown) => new ApiError(503, { code: "ceph_unavailable", message: "raw", details });

describe("CephUnavailableText", () => {
  it("says the dashboard is registered at its URL but not answering, never 'register it'", () => {
    renderWithProviders(<CephUnavailableText error={down({ reason: "not_answering", url: "http://mgr:8443", cause: "ECONNREFUSED" })} />);
    expect(screen.getByText(/registered at http:\/\/mgr:8443 but is not answering \(ECONNREFUSED\)/)).toBeInTheDocument();
    expect(screen.queryByText(/Register it/)).toBeNull();
  });
  it("says how long Zenith pauses after a failure, and what to configure when it is not in the catalog", () => {
    const { unmount } = renderWithProviders(
      <CephUnavailableText error={down({ reason: "paused", url: "http://mgr:8443", cause: "ECONNRESET", retryAfterS: 27 })} />,
    );
    expect(screen.getByText(/not call it again for 27 s/)).toBeInTheDocument();
    unmount();
    renderWithProviders(<CephUnavailableText error={down({ reason: "not_configured" })} />);
    expect(screen.getByText(/Register it in the Keystone catalog/)).toBeInTheDocument();
  });
});

describe("NodeUsage", () => {
  const node = (o: Partial<LineageNode>) =>
    ({ usedBytes: null, usageNote: "clone_includes_parent", provisionedBytes: 128 * 2 ** 20, ...o }) as LineageNode;
  it("shows unknown usage, never the provisioned size as used", () => {
    renderWithProviders(<NodeUsage node={node({})} />);
    expect(screen.getByText(/usage unknown of 128 MiB/)).toBeInTheDocument();
    expect(screen.queryByText(/128 MiB used/)).toBeNull();
  });
});
