/** Restart persistence: a second sim on its own database keeps what was created, and lazy statuses move on. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { target } from "../../../tests/target";
import { startSim } from "../../index";

async function session(url: string, password: string) {
  const res = await fetch(`${url}/identity/v3/auth/tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: "demo", domain: { name: "Default" }, password } } },
        scope: { project: { name: "demo", domain: { name: "Default" } } },
      },
    }),
  });
  return res.headers.get("x-subject-token")!;
}

describe.skipIf(target.name !== "sim")(
  "restart persistence (not applicable on the real target: it restarts the sim's own processes on a temp database)",
  () => {
    it("servers, volumes, images and RBD images survive a restart", async () => {
      const dir = mkdtempSync(join(tmpdir(), "zenith-persist-"));
      const config = { dbPath: join(dir, "sim.sqlite"), controls: true, timeScale: 0.02 };
      try {
        let sim = await startSim({ port: 0, scenario: "default", config });
        let tok = await session(sim.url, sim.state.config.demoPassword);
        const h = (t: string) => ({ "X-Auth-Token": t, "Content-Type": "application/json", Accept: "application/json" });
        const images = (await (await fetch(`${sim.url}/image/v2/images?name=ubuntu-22.04-qcow2`, { headers: h(tok) })).json()).images;
        const vol = (
          await (
            await fetch(`${sim.url}/volume/v3/volumes`, {
              method: "POST",
              headers: h(tok),
              body: JSON.stringify({ volume: { size: 10, imageRef: images[0].id, name: "survivor" } }),
            })
          ).json()
        ).volume;
        const srv = (
          await (
            await fetch(`${sim.url}/compute/v2.1/servers`, {
              method: "POST",
              headers: h(tok),
              body: JSON.stringify({ server: { name: "survivor-vm", flavorRef: "2", imageRef: images[0].id } }),
            })
          ).json()
        ).server;
        expect(vol.status).toBe("creating");
        await sim.close();

        sim = await startSim({ port: 0, config });
        tok = await session(sim.url, sim.state.config.demoPassword);
        const v = await (await fetch(`${sim.url}/volume/v3/volumes/${vol.id}`, { headers: h(tok) })).json();
        expect(v.volume.name).toBe("survivor");
        const s = await fetch(`${sim.url}/compute/v2.1/servers/${srv.id}`, { headers: h(tok) });
        expect(s.status).toBe(200);
        // The copy finishes on the restarted sim: status is derived from the stored timestamps.
        const deadline = Date.now() + 20_000;
        let status = v.volume.status;
        while (status !== "available" && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
          status = (await (await fetch(`${sim.url}/volume/v3/volumes/${vol.id}`, { headers: h(tok) })).json()).volume.status;
        }
        expect(status).toBe("available");
        expect(sim.state.store.collection("ceph.rbd").get(`volumes/volume-${vol.id}`)).toBeDefined();
        await sim.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
