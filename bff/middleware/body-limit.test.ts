import { Hono } from "hono";
import { AUTH_BODY_LIMIT, JSON_BODY_LIMIT, bodyLimits } from "./body-limit";

/** A stand-in app: the limits in front of handlers that read the whole body and say how much they got. */
function app() {
  const a = new Hono().basePath("/api");
  a.use("*", bodyLimits());
  a.all("*", async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }));
  return a;
}
const chunked = (bytes: number) =>
  new ReadableStream<Uint8Array>({
    start(ctl) {
      for (let left = bytes; left > 0; left -= 4096) ctl.enqueue(new Uint8Array(Math.min(4096, left)));
      ctl.close();
    },
  });
const post = (path: string, body: BodyInit, method = "POST") =>
  app().request(`http://127.0.0.1:3000${path}`, {
    method,
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);

describe("body limits", () => {
  it("answers 413 naming 16 KiB on the auth routes, declared or chunked", async () => {
    for (const body of ["x".repeat(AUTH_BODY_LIMIT + 1), chunked(AUTH_BODY_LIMIT + 1)]) {
      const res = await post("/api/auth/login", body);
      expect(res.status).toBe(413);
      const err = await res.json();
      expect(err).toMatchObject({ code: "payload_too_large", details: { limitBytes: 16384 } });
      expect(err.message).toMatch(/16 KiB/);
    }
    // The router decodes %61 to a: the encoded path is the login route and gets the same limit.
    expect((await post("/api/%61uth/login", "x".repeat(AUTH_BODY_LIMIT + 1))).status).toBe(413);
    expect(await (await post("/api/auth/login", "x".repeat(AUTH_BODY_LIMIT))).json()).toEqual({ bytes: AUTH_BODY_LIMIT });
  });

  it("answers 413 naming 1 MiB on JSON routes and the proxy's other bodies", async () => {
    for (const path of ["/api/boot/plan", "/api/openstack/compute/servers", "/api/openstack/image/images/abc/file/x"]) {
      const res = await post(path, chunked(JSON_BODY_LIMIT + 1), "PUT");
      expect(res.status, path).toBe(413);
      expect((await res.json()).message, path).toMatch(/1 MiB/);
    }
    expect(await (await post("/api/boot/plan", "x".repeat(AUTH_BODY_LIMIT + 1))).json()).toEqual({ bytes: AUTH_BODY_LIMIT + 1 });
  });

  it("leaves Glance image uploads through the proxy unlimited (they are streamed, not buffered)", async () => {
    const res = await post("/api/openstack/image/images/0f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b/file", chunked(2 * JSON_BODY_LIMIT), "PUT");
    expect(await res.json()).toEqual({ bytes: 2 * JSON_BODY_LIMIT });
  });
});
