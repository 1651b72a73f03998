import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSim } from "../index";

/** A body sent as a stream goes out chunked, with no Content-Length: what Next's fetch did to every Request. */
const chunked = (text: string) =>
  new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode(text));
      c.close();
    },
  });

describe("chunked request bodies, as the real services treat them", () => {
  it("Keystone, Nova and Neutron answer 400, Cinder 400 or 500, the Ceph Dashboard 411; the same body with a length is accepted", async () => {
    const sim = await startSim({ port: 0, config: { dbPath: join(mkdtempSync(join(tmpdir(), "zenith-te-")), "sim.sqlite") } });
    const auth = JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: "admin", domain: { id: "default" }, password: sim.state.config.adminPassword } },
        },
        scope: { project: { name: "admin", domain: { id: "default" } } },
      },
    });
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
        method: "POST",
        headers: { "content-type": "application/json", "x-auth-token": token },
        body: chunked('{"reboot":{"type":"SOFT"}}'),
        duplex: "half",
      } as RequestInit);
      expect(reboot.status).toBe(400);
      expect(await reboot.json()).toEqual({ badRequest: { code: 400, message: "Malformed request body" } });
      // nova-api answers it through its API router: the microversion and both request ids are on it.
      expect(reboot.headers.get("openstack-api-version")).toBe("compute 2.1");
      expect(reboot.headers.get("x-compute-request-id")).toBe(reboot.headers.get("x-openstack-request-id"));

      const withToken = (path: string, body: string) =>
        fetch(`${sim.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-auth-token": token },
          body: chunked(body),
          duplex: "half",
        } as RequestInit);
      const net = await withToken("/networking/v2.0/security-groups", '{"security_group":{"name":"x"}}');
      expect(net.status).toBe(400);
      expect(await net.json()).toEqual({
        NeutronError: { type: "HTTPBadRequest", message: "Unable to find 'security_group' in request body", detail: "" },
      });
      const vol = await withToken("/volume/v3/volumes", '{"volume":{"size":1}}');
      expect(vol.status).toBe(500);
      expect((await vol.json()).computeFault.code).toBe(500);
      const action = await withToken("/volume/v3/volumes/x/action", '{"os-extend":{"new_size":2}}');
      expect(action.status).toBe(400);
      expect((await action.json()).badRequest.message).toMatch(/^There is no such action: None\./);

      const ceph = await post("/ceph/api/auth", chunked('{"username":"admin","password":"x"}'));
      expect(ceph.status).toBe(411);
      await ceph.text();
    } finally {
      await sim.close();
    }
  });
});
