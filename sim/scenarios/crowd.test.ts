import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSim } from "../index";
import { rbdRepo } from "../services/ceph/repo";
import { servers } from "../services/nova/model";
import { crowdSize } from "./crowd";
import { projectId } from "./identity";
import { isScenario } from "./index";
import { DEMO_IMAGES } from "./storage";

describe("the servers-<N> scenario", () => {
  it("takes N from 1 to 20,000 and nothing else", () => {
    expect(crowdSize("servers-1000")).toBe(1000);
    expect(crowdSize("servers-20000")).toBe(20_000);
    for (const bad of ["servers-0", "servers-01", "servers-20001", "servers-", "servers-1e3", "servers-100000", "scale"])
      expect(crowdSize(bad), bad).toBeNull();
    expect(isScenario("servers-25")).toBe(true);
    expect(isScenario("servers-0")).toBe(false);
  });

  it("is the default cloud plus N demo servers, each root disk a clone of centos-7-raw, reachable by /_sim/reset", async () => {
    const sim = await startSim({
      port: 0,
      config: { dbPath: join(mkdtempSync(join(tmpdir(), "zenith-crowd-")), "sim.sqlite"), controls: true },
    });
    try {
      const before = servers(sim.state).all().length;
      const res = await fetch(`${sim.url}/_sim/reset`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenario: "servers-25" }),
      });
      expect(res.status).toBe(200);
      const all = servers(sim.state).all();
      const crowd = all.filter((s) => s.name.startsWith("crowd-vm-"));
      expect(all.length - crowd.length).toBe(before);
      expect(crowd).toHaveLength(25);
      expect(new Set(crowd.map((s) => s.id)).size).toBe(25);
      expect(crowd.every((s) => s.projectId === projectId("demo") && s.imageId === DEMO_IMAGES.centos.id)).toBe(true);
      const disk = rbdRepo(sim.state).get("vms", `${crowd[0].id}_disk`);
      expect(disk?.parent).toMatchObject({ pool: "images", image: DEMO_IMAGES.centos.id, snap: "snap" });
      expect((await fetch(`${sim.url}/_sim/state`).then((r) => r.json())).scenario).toBe("servers-25");
    } finally {
      await sim.close();
    }
  });
});
