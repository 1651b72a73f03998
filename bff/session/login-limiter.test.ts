import { createLoginLimiter } from "./login-limiter";

function setup() {
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const limiter = createLoginLimiter({ perUser: { max: 3, windowMs: 60_000 }, perAddress: { max: 5, windowMs: 60_000 } }, clock.now);
  return { clock, limiter };
}

describe("login limiter", () => {
  it("refuses a user past its failures, from any address, until the oldest one ages out", () => {
    const { clock, limiter } = setup();
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("Demo", "10.0.0.1")).toBe(0);
      limiter.failed("demo", "10.0.0.1");
      clock.advance(1000);
    }
    expect(limiter.retryAfter("demo", "10.0.0.2")).toBe(57);
    expect(limiter.retryAfter("admin", "10.0.0.2")).toBe(0);
    clock.advance(57_000);
    expect(limiter.retryAfter("demo", "10.0.0.2")).toBe(0);
  });

  it("refuses an address past its failures, whichever user it tries", () => {
    const { limiter } = setup();
    for (let i = 0; i < 5; i++) limiter.failed(`user${i}`, "10.0.0.9");
    expect(limiter.retryAfter("someone-else", "10.0.0.9")).toBe(60);
    expect(limiter.retryAfter("someone-else", "10.0.0.8")).toBe(0);
  });

  it("a success clears the user's failures but not the address's", () => {
    const { limiter } = setup();
    for (let i = 0; i < 2; i++) limiter.failed("demo", "10.0.0.1");
    limiter.succeeded("demo");
    limiter.failed("demo", "10.0.0.1");
    limiter.failed("demo", "10.0.0.1");
    expect(limiter.retryAfter("demo", "10.0.0.3")).toBe(0);
    limiter.failed("x", "10.0.0.1");
    expect(limiter.retryAfter("y", "10.0.0.1")).toBeGreaterThan(0);
  });
});
