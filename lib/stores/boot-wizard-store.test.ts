// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from "vitest";

const KEY = "zenith.boot-wizard";
const load = async () => (await import("./boot-wizard-store")).useBootWizardStore;

describe("the boot wizard's draft in sessionStorage", () => {
  beforeEach(() => {
    sessionStorage.clear();
    vi.resetModules();
  });

  it("comes back after a reload, in the format zustand's persist wrote (state + version 1)", async () => {
    sessionStorage.setItem(
      KEY,
      JSON.stringify({ state: { step: "flavor", name: "web", source: { type: "image", id: "i1" } }, version: 1 }),
    );
    const store = await load();
    expect(store.getState()).toMatchObject({ step: "flavor", name: "web", source: { type: "image", id: "i1" }, count: 1 });
  });

  it("is written on every change, without the actions", async () => {
    const store = await load();
    store.getState().update({ name: "db", count: 2 });
    store.getState().toggleIn("networkIds", "n1");
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null");
    expect(saved).toMatchObject({ version: 1, state: { name: "db", count: 2, networkIds: ["n1"], step: "source" } });
    expect(Object.keys(saved.state)).not.toContain("update");
  });

  it("ignores a draft of another version or that is not JSON", async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ state: { name: "old" }, version: 0 }));
    expect((await load()).getState().name).toBe("");
    vi.resetModules();
    sessionStorage.setItem(KEY, "{not json");
    expect((await load()).getState().name).toBe("");
  });

  it("is dropped at sign-in and sign-out from memory and storage through boot-draft, which loads without the store", async () => {
    const { clearBootDraft } = await import("./boot-draft");
    sessionStorage.setItem(KEY, JSON.stringify({ state: { name: "before" }, version: 1 }));
    clearBootDraft();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    const store = await load();
    store.getState().update({ name: "web", owner: "u|p" });
    clearBootDraft();
    expect(store.getState()).toMatchObject({ name: "", owner: null, step: "source" });
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });
});
