import type { ImageDetail } from "@/lib/queries/images";
import { imageActionStates } from "./image-action-policy";

const img = (o: Partial<ImageDetail> = {}): ImageDetail =>
  ({
    id: "i",
    status: "active",
    diskFormat: "qcow2",
    transient: false,
    volumeBacked: false,
    protected: false,
    ownedByProject: true,
    clones: { count: 0 },
    import: { methods: ["glance-direct"], webDownload: false, convert: { available: true, outputFormat: "raw", reason: null } },
    ...o,
  }) as ImageDetail;

describe("imageActionStates", () => {
  it("disables each action with its reason", () => {
    expect(imageActionStates(img(), false)).toEqual({ edit: { allowed: true }, delete: { allowed: true }, convert: { allowed: true } });
    expect(imageActionStates(img({ ownedByProject: false }), false).edit.reason?.key).toBe("imageActions.disabledReason.notOwner");
    expect(imageActionStates(img({ ownedByProject: false }), true).edit.allowed).toBe(true);
    expect(imageActionStates(img({ protected: true }), false).delete.reason?.key).toBe("imageActions.disabledReason.protected");
    expect(imageActionStates(img({ clones: { count: 3 } }), false).delete.reason).toEqual({
      key: "imageActions.disabledReason.inUse",
      vars: { count: 3 },
    });
    expect(imageActionStates(img({ diskFormat: "raw" }), false).convert.reason?.key).toBe("imageActions.convertAlreadyRaw");
    expect(imageActionStates(img({ status: "queued", transient: true }), false).convert.reason?.key).toBe("imageActions.convertNotActive");
    expect(
      imageActionStates(
        img({ import: { methods: [], webDownload: false, convert: { available: false, outputFormat: null, reason: "no_glance_direct" } } }),
        false,
      ).convert.reason?.key,
    ).toBe("imageActions.convertUnavailable.no_glance_direct");
  });
});
