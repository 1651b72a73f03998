import { ApiError } from "../../errors";
import { createStreamSlots } from "../../lib/stream-slots";
import { runProgressStream, type StreamIo } from "./progress-stream";

type S = { n: number; done: boolean };

/** A stream over scripted looks, on a fake clock that sleeping advances. */
function scripted(looks: (S | ApiError)[]) {
  let t = 0;
  const sent: [string, unknown][] = [];
  let i = 0;
  const io: StreamIo<S> = {
    look: async () => {
      const next = looks[Math.min(i++, looks.length - 1)];
      if (next instanceof ApiError) throw next;
      return next;
    },
    done: (s) => s.done,
    key: (s) => String(s.n),
    send: async (event, data) => void sent.push([event, data]),
    keepAlive: async () => void sent.push(["keep-alive", null]),
    sleep: async (ms) => void (t += ms),
    closed: () => false,
    now: () => t,
  };
  return { io, sent, looks: () => i };
}

describe("boot progress stream", () => {
  it("ends on 401 (the session's token is gone) as it does on 404, instead of polling on", async () => {
    for (const [status, end] of [
      [401, "unauthorized"],
      [404, "not_found"],
    ] as const) {
      const s = scripted([
        { n: 1, done: false },
        new ApiError(status, status === 401 ? "session_expired" : "upstream_not_found", "x", { service: "compute" }),
      ]);
      const out = await runProgressStream({ n: 0, done: false }, s.io, 1000, 60_000);
      expect(out.end).toBe(end);
      expect(s.looks()).toBe(2);
      expect(s.sent.map(([e]) => e)).toEqual(["progress", "progress", "upstream-error"]);
    }
  });

  it("carries on after other upstream errors", async () => {
    const s = scripted([new ApiError(502, "upstream_error", "boom", { service: "compute" }), { n: 1, done: true }]);
    expect((await runProgressStream({ n: 0, done: false }, s.io, 1000, 60_000)).end).toBe("done");
    expect(s.sent.map(([e]) => e)).toEqual(["progress", "upstream-error", "keep-alive", "progress"]);
  });

  it("stops at its maximum lifetime, however long the boot takes", async () => {
    const s = scripted([{ n: 0, done: false }]);
    const out = await runProgressStream({ n: 0, done: false }, s.io, 1000, 10_500);
    expect(out.end).toBe("max_lifetime");
    expect(s.looks()).toBe(10);
  });
});

describe("stream slots", () => {
  it("caps the open streams per session; a release (once) frees a slot", () => {
    const slots = createStreamSlots(2);
    const a = slots.acquire("tok")!;
    const b = slots.acquire("tok")!;
    expect(slots.acquire("tok")).toBeNull();
    expect(slots.acquire("other")).not.toBeNull();
    a();
    a();
    expect(slots.count("tok")).toBe(1);
    expect(slots.acquire("tok")).not.toBeNull();
    b();
    expect(slots.count("tok")).toBe(1);
  });
});
