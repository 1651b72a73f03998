import { describe, expect, it } from "vitest";
import type { SimState } from "../../core/state";
import { dataOf, forgetImageData, keepImageData } from "./data";

const sim = () => ({}) as SimState;
const bytes = (n: number) => new Uint8Array(n).fill(1);

describe("the bytes the sim keeps for image downloads", () => {
  it("keeps an upload within the per-image bound and serves it while the checksum matches", () => {
    const s = sim();
    keepImageData(s, "a", "md5-a", bytes(10), { image: 16, total: 64 });
    expect(dataOf(s, { id: "a", checksum: "md5-a" })?.length).toBe(10);
    // Same id, other data (a reset that reused the id): not served.
    expect(dataOf(s, { id: "a", checksum: "md5-other" })).toBeUndefined();
  });
  it("does not keep an upload above the per-image bound, and forgets the older bytes of that image", () => {
    const s = sim();
    keepImageData(s, "a", "m1", bytes(10), { image: 16, total: 64 });
    keepImageData(s, "a", "m2", bytes(17), { image: 16, total: 64 });
    expect(dataOf(s, { id: "a", checksum: "m1" })).toBeUndefined();
    expect(dataOf(s, { id: "a", checksum: "m2" })).toBeUndefined();
  });
  it("forgets the oldest images while the total is above its bound", () => {
    const s = sim();
    const b = { image: 16, total: 30 };
    keepImageData(s, "a", "a", bytes(12), b);
    keepImageData(s, "b", "b", bytes(12), b);
    keepImageData(s, "c", "c", bytes(12), b);
    expect(dataOf(s, { id: "a", checksum: "a" })).toBeUndefined();
    expect(dataOf(s, { id: "b", checksum: "b" })).toBeDefined();
    expect(dataOf(s, { id: "c", checksum: "c" })).toBeDefined();
    forgetImageData(s, "b");
    expect(dataOf(s, { id: "b", checksum: "b" })).toBeUndefined();
  });
  it("keeps per sim: another sim's state sees none of it", () => {
    const [s1, s2] = [sim(), sim()];
    keepImageData(s1, "a", "a", bytes(3));
    expect(dataOf(s2, { id: "a", checksum: "a" })).toBeUndefined();
  });
});
