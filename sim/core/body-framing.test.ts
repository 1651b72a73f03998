import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSim } from "../index";

/** A body sent as a stream goes out chunked, with no Content-Length: what Next's fetch did to every Request. */
const chunked = (text: string) =>
  new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(text)); c.close(); } });

describe("chunked request bodies, as the real services treat them", () => {
  it("Keystone and Nova answer 400 and the Ceph Dashboard 411; the same body with a length is accepted", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: join(mkdtempSync(join(tmpdir(), "zenith-te-")), "sim.sqlite") } });
    const auth = JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: "admin", domain: { id: "default" }, password: sim.state.config.adminPassword } } } } });
    const post = (path: string, body: BodyInit) =>
      fetch(`${sim.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    try {
      const refused = await post("/identity/v3/auth/tokens", chunked(auth));
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.message).toBe("Expecting to find auth in request body.");
      const ok = await post("/identity/v3/auth/tokens", auth);
      expect(ok.status).toBe(201);
      const token = ok.headers.get("x-subject-token")!;

      const reboot = await fetch(`${sim.url}/compute/v2.1/servers/x/action`, {
        method: "POST", headers: { "content-type": "application/json", "x-auth-token": token }, body: chunked('{"reboot":{"type":"SOFT"}}'), duplex: "half",
      } as RequestInit);
      expect(reboot.status).toBe(400);
      expect(await reboot.json()).toEqual({ badRequest: { code: 400, message: "Malformed request body" } });

      const ceph = await post("/ceph/api/auth", chunked('{"username":"admin","password":"x"}'));
      expect(ceph.status).toBe(411);
      await ceph.text();
    } finally { await sim.close(); }
  });
});
