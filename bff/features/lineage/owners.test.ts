import { ApiError } from "../../errors";
import { buildLineage } from "./build-lineage";
import { walkOwners, type OwnerIo } from "./owners";
import { proveGone } from "./prove";
import type { RbdFacts } from "./types";

const IMG = "11111111-1111-4111-8111-111111111111";
const HID = "22222222-2222-4222-8222-222222222222";
const SRV = "33333333-3333-4333-8333-333333333333";
const VOL = "44444444-4444-4444-8444-444444444444";
const NAME_ID = "55555555-5555-4555-8555-555555555555";
const at = "2026-01-01T00:00:00Z";
const facts = (pool: string, name: string): RbdFacts => ({
  pool,
  name,
  size: 1024,
  used: null,
  usageNote: "not_reported",
  parent: null,
  snapshots: [],
});

function io(o: Partial<OwnerIo> = {}): OwnerIo {
  return {
    glanceImages: async (hidden) => ({
      items: hidden
        ? [{ id: HID, name: "hidden", status: "active", created_at: at, os_hidden: true }]
        : [{ id: IMG, name: "shown", status: "active", created_at: at }],
      complete: true,
    }),
    novaServers: async (soft) => ({ items: soft ? [{ id: SRV, name: "trash", status: "SOFT_DELETED" }] : [], complete: true }),
    novaDownCellProbe: async () => ({ servers: [], more: false }),
    cinderVolumes: async () => ({
      items: [{ id: VOL, name: "migrated", status: "available", created_at: at, "os-vol-mig-status-attr:name_id": NAME_ID }],
      complete: true,
    }),
    ...o,
  };
}
const rbd = [facts("images", IMG), facts("images", HID), facts("vms", `${SRV}_disk`), facts("volumes", `volume-${NAME_ID}`)];

describe("walkOwners + buildLineage: an orphan is never inferred from a list that hides its owner", () => {
  it("finds hidden Glance images, SOFT_DELETED servers and migrated volumes (name_id) as owners", async () => {
    const w = await walkOwners(io());
    expect(w.incomplete).toEqual([]);
    const l = buildLineage(rbd, w.owners, { coverage: { basis: "named_and_linked", read: 4, truncated: false, walks: w.incomplete } });
    expect(l.orphans).toEqual([]);
    expect(Object.fromEntries(l.nodes.map((n) => [n.spec, n.owner?.id]))).toEqual({
      [`images/${IMG}`]: IMG,
      [`images/${HID}`]: HID,
      [`vms/${SRV}_disk`]: SRV,
      [`volumes/volume-${NAME_ID}`]: VOL,
    });
  });

  it("calls no orphan in a pool whose walk hit its bound, failed, or met a server in a down cell, and says why", async () => {
    const lonely = [facts("images", HID), facts("vms", `${SRV}_disk`), facts("volumes", `volume-${NAME_ID}`)];
    const w = await walkOwners(
      io({
        glanceImages: async () => ({ items: [], complete: false }),
        novaServers: async () => ({ items: [], complete: true }),
        novaDownCellProbe: async () => ({ servers: [{ id: "x", status: "UNKNOWN" }], more: false }),
        cinderVolumes: async () => {
          throw new Error("Cinder answered 500");
        },
      }),
      10,
    );
    expect(w.incomplete.map((x) => [x.service, x.code])).toEqual([
      ["cinder", "failed"],
      ["glance", "bound"],
      ["nova", "cell_down"],
    ]);
    expect(w.incomplete.find((x) => x.code === "cell_down")!.params).toEqual({ count: 1 });
    const l = buildLineage(lonely, w.owners, { coverage: { basis: "named_and_linked", read: 3, truncated: false, walks: w.incomplete } });
    expect(l.orphans).toEqual([]);
    expect(l.nodes.every((n) => n.ownerUnknown && !n.orphan)).toBe(true);
    // The same facts with complete walks do make orphans: the walks, not the facts, held them back.
    expect(buildLineage(lonely, { images: [], servers: new Map(), volumes: [] }).orphans).toHaveLength(3);
  });

  it("says so when Nova's down-cell probe was cut at max_limit", async () => {
    const w = await walkOwners(io({ novaDownCellProbe: async () => ({ servers: [{ id: SRV, status: "ACTIVE" }], more: true }) }));
    expect(w.incomplete.map((x) => x.code)).toEqual(["probe_bound"]);
  });
});

describe("Glance locations", () => {
  it("a Glance image owns the RBD image its location names, whatever that image is called", async () => {
    const other = "66666666-6666-4666-8666-666666666666";
    const w = await walkOwners(
      io({
        glanceImages: async (hidden) => ({
          items: hidden
            ? []
            : [
                {
                  id: IMG,
                  name: "added-location",
                  status: "active",
                  created_at: at,
                  locations: [{ url: `rbd://fsid/images/${other}/snap` }, { url: "http://example/x" }],
                },
              ],
          complete: true,
        }),
      }),
    );
    const l = buildLineage([facts("images", other)], w.owners, {
      coverage: { basis: "named_and_linked", read: 1, truncated: false, walks: [] },
    });
    expect(l.orphans).toEqual([]);
    expect(l.nodes[0].owner).toEqual({ type: "glance", id: IMG, name: "added-location" });
    expect(buildLineage([facts("images", other)], { images: [], servers: new Map(), volumes: [] }).orphans).toEqual([`images/${other}`]);
  });
});

describe("proveGone", () => {
  const notFound = (id: string) => new ApiError(404, "upstream_not_found", `Glance answered 404: No image found with ID ${id}`);
  it("is proof only when the read answers the resource's own 404", async () => {
    expect(
      await proveGone(`images/${IMG}`, async () => {
        throw notFound(IMG);
      }),
    ).toEqual({ gone: true });
    expect(await proveGone(`images/${IMG}`, async () => ({ name: "back", status: "active" }))).toMatchObject({
      gone: false,
      code: "owner_found",
      reason: expect.stringMatching(/Glance image back/),
      error: { code: "owner_found", params: { owner: "glance", name: "back", status: "active" }, upstream: null },
    });
    expect(await proveGone(`vms/${SRV}_disk`, async () => ({ name: null, status: "UNKNOWN" }))).toMatchObject({
      gone: false,
      code: "owner_found",
      reason: expect.stringMatching(/UNKNOWN/),
    });
    expect(
      await proveGone(`volumes/volume-${VOL}.deleted`, async () => {
        throw new ApiError(404, "upstream_not_found", "The resource could not be found.");
      }),
    ).toMatchObject({ gone: false, code: "owner_unproven" });
    expect(
      await proveGone(`images/${IMG}`, async () => {
        throw new ApiError(502, "upstream_error", "Glance answered 503", { service: "image" });
      }),
    ).toMatchObject({
      gone: false,
      code: "owner_unproven",
      error: { code: "owner_unproven", params: { owner: "glance" }, upstream: { code: "upstream_error", service: "image" } },
    });
  });
});
