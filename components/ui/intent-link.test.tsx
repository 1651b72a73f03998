// @vitest-environment jsdom
import { fireEvent, screen } from "@testing-library/react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import type { ReactElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/components/test/render";
import { InstanceTable } from "@/components/instances/instance-table";
import type { InstanceSummary } from "@/lib/queries/instances";
import { IntentLink } from "./intent-link";

// Next's <Link> prefetches on sight unless its `prefetch` prop is false (and then not on hover either; the App
// Router's Link, which Next's bundler gives app/ code, cannot load in plain Node). The stand-in records the prop.
const links = vi.hoisted(() => [] as { href: string; prefetch: unknown }[]);
vi.mock("next/link", () => ({
  default: ({ href, prefetch, ...rest }: { href: string; prefetch?: unknown } & Record<string, unknown>) => {
    links.push({ href, prefetch });
    return <a href={href} {...rest} />;
  },
}));
const onSight = () => links.filter((l) => l.prefetch !== false).map((l) => l.href);

const router = {
  prefetch: vi.fn(),
  push: vi.fn(),
  replace: vi.fn(),
  refresh: vi.fn(),
  back: vi.fn(),
  forward: vi.fn(),
  bfcacheId: "0",
} satisfies AppRouterInstance;

function renderInRouter(ui: ReactElement) {
  return renderWithProviders(<AppRouterContext.Provider value={router}>{ui}</AppRouterContext.Provider>);
}

const instance: InstanceSummary = {
  id: "0b6c6f3e-1111-4c8e-9d5e-2a7f00000001",
  name: "web-1",
  status: "ACTIVE",
  taskState: null,
  vmState: "active",
  image: { id: "img-1", name: "centos-raw" },
  bootFromVolume: false,
  locked: false,
  flavor: { name: "m1.small", vcpus: 1, ramMiB: 2048, diskGiB: 20 },
  addresses: [],
  created: "2026-11-01T00:00:00Z",
  faultMessage: null,
  faultReason: null,
  transient: false,
  actions: [],
};

describe("IntentLink", () => {
  beforeEach(() => {
    links.splice(0);
    router.prefetch.mockClear();
  });

  it("does not prefetch on render, and prefetches once on pointer enter or focus", () => {
    renderInRouter(<IntentLink href="/project/instances/abc">abc</IntentLink>);
    const link = screen.getByRole("link", { name: "abc" });
    expect(link).toHaveAttribute("href", "/project/instances/abc");
    expect(onSight()).toEqual([]);
    expect(router.prefetch).not.toHaveBeenCalled();

    fireEvent.pointerEnter(link);
    expect(router.prefetch).toHaveBeenCalledExactlyOnceWith("/project/instances/abc");
    fireEvent.focus(link);
    fireEvent.pointerEnter(link);
    expect(router.prefetch).toHaveBeenCalledTimes(1);
  });

  it("prefetches on keyboard focus alone, and still calls the caller's handlers", () => {
    const onFocus = vi.fn();
    renderInRouter(
      <IntentLink href="/project/volumes?q=v1" onFocus={onFocus}>
        v1
      </IntentLink>,
    );
    fireEvent.focus(screen.getByRole("link", { name: "v1" }));
    expect(onFocus).toHaveBeenCalledOnce();
    expect(router.prefetch).toHaveBeenCalledExactlyOnceWith("/project/volumes?q=v1");
  });

  it("is what the instances table's row links are: no prefetch on render, one on hover", () => {
    renderInRouter(
      <InstanceTable items={[instance, { ...instance, id: "0b6c6f3e-2222", name: "web-2" }]} sort="created" dir="desc" onSort={() => {}} />,
    );
    const rowLinks = [screen.getByRole("link", { name: "web-1" }), screen.getByRole("link", { name: "web-2" })];
    expect(rowLinks.map((a) => a.getAttribute("href"))).toEqual([
      "/project/instances/0b6c6f3e-1111-4c8e-9d5e-2a7f00000001",
      "/project/instances/0b6c6f3e-2222",
    ]);
    expect(onSight()).toEqual([]);
    expect(router.prefetch).not.toHaveBeenCalled();
    fireEvent.pointerEnter(rowLinks[1]);
    expect(router.prefetch).toHaveBeenCalledExactlyOnceWith("/project/instances/0b6c6f3e-2222");
  });
});
