import { STOP_POLLING_AFTER_MS, imagesToFollow, stillTransient } from "./image-poll";
import { listPoll } from "./live-rows";
import { STABLE_REFRESH_MS, TRANSIENT_FIRST_MS, TRANSIENT_MAX_MS } from "./live";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const img = (ageMs: number, transient = true, id = "i") => ({ id, transient, created: new Date(NOW - ageMs).toISOString() });

describe("image polling, on the one live mechanism", () => {
  it("follows nothing when nothing is transient: the list refreshes at the slow pace", () => {
    expect(imagesToFollow([img(1000, false)], NOW)).toBe(0);
    expect(imagesToFollow(undefined, NOW)).toBe(0);
    expect(listPoll({ state: { dataUpdateCount: 1 } }, 0, false)).toBe(STABLE_REFRESH_MS);
  });
  it("backs off from 2.5 s to 30 s while an image stays transitional", () => {
    const q = { state: { dataUpdateCount: 0 } };
    const delays: number[] = [];
    for (let n = 0; n < 12; n++) {
      q.state.dataUpdateCount = n;
      delays.push(listPoll(q, imagesToFollow([img(1000)], NOW), false));
    }
    expect(delays[0]).toBe(TRANSIENT_FIRST_MS);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays.at(-1)).toBe(TRANSIENT_MAX_MS);
  });
  it("stops past the bound and calls the image still queued; a younger transient image keeps the polling", () => {
    const stuck = img(STOP_POLLING_AFTER_MS + 1);
    expect(stillTransient(stuck, NOW)).toBe(true);
    expect(imagesToFollow([stuck], NOW)).toBe(0);
    expect(imagesToFollow([stuck, img(10_000, true, "j")], NOW)).toBe(1);
    expect(stillTransient(img(STOP_POLLING_AFTER_MS + 1, false), NOW)).toBe(false);
  });
});
