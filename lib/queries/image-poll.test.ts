import { FIRST_POLL_MS, MAX_POLL_MS, STOP_POLLING_AFTER_MS, imagePollInterval, stillTransient } from "./image-poll";

const NOW = Date.parse("2026-11-30T12:00:00Z");
const img = (ageMs: number, transient = true) => ({ transient, created: new Date(NOW - ageMs).toISOString() });

describe("image polling", () => {
  it("does not poll when nothing is transient", () => {
    expect(imagePollInterval([img(1000, false)], NOW)).toBe(false);
    expect(imagePollInterval(undefined, NOW)).toBe(false);
  });
  it("backs off with the image's age instead of polling every 5 s forever", () => {
    const delays = [0, 60_000, 5 * 60_000, 14 * 60_000].map((age) => imagePollInterval([img(age)], NOW) as number);
    expect(delays[0]).toBe(FIRST_POLL_MS);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[3]).toBe(MAX_POLL_MS);
    // Over the bound, the number of polls is finite: sum the schedule from 0 to the bound.
    let polls = 0;
    for (let t = 0; imagePollInterval([img(t)], NOW) !== false; t += imagePollInterval([img(t)], NOW) as number) polls++;
    expect(polls).toBeLessThan(STOP_POLLING_AFTER_MS / FIRST_POLL_MS / 4);
  });
  it("stops past the bound and calls the image still queued; a younger transient image keeps the polling", () => {
    const stuck = img(STOP_POLLING_AFTER_MS + 1);
    expect(stillTransient(stuck, NOW)).toBe(true);
    expect(imagePollInterval([stuck], NOW)).toBe(false);
    expect(imagePollInterval([stuck, img(10_000)], NOW)).toBe(FIRST_POLL_MS);
    expect(stillTransient(img(STOP_POLLING_AFTER_MS + 1, false), NOW)).toBe(false);
  });
});
