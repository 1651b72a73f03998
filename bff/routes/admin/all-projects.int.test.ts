/** Admin → all-projects instances and volumes, with a project filter, on both targets; a member gets 403. */
import { target } from "../../../tests/target";
import { login } from "../../../sim/test/os-session";
import { AllInstancesSchema, AllVolumesSchema } from "../../features/all-projects/schema";
import { createAgent } from "../../test/test-app";

describe(`admin: all-projects views (${target.name})`, () => {
  it("lists every project's instances and volumes, and one project's with the filter", async () => {
    const a = createAgent();
    await a.login("admin");
    const demo = await login("demo");
    // A server or volume being deleted (by an earlier test) may be gone between two reads: only settled ones are expected.
    const demoServers = (await (await demo.call("compute", "/servers/detail")).json()).servers
      .filter(
        (s: { status: string; "OS-EXT-STS:task_state"?: string | null }) =>
          s.status !== "DELETED" && s["OS-EXT-STS:task_state"] !== "deleting",
      )
      .map((s: { id: string }) => s.id);
    const demoProject = demo.projectId;

    const all = await a.get("/api/admin/all-instances?limit=200");
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(AllInstancesSchema.safeParse(all.body).success).toBe(true);
    expect(all.body.projects.map((p: { name: string }) => p.name)).toContain("admin");
    const one = await a.get(`/api/admin/all-instances?limit=200&project=${demoProject}`);
    expect(one.status).toBe(200);
    expect(one.body.items.every((i: { projectId: string }) => i.projectId === demoProject)).toBe(true);
    expect(one.body.items.map((i: { id: string }) => i.id).sort()).toEqual(expect.arrayContaining(demoServers.slice(0, 50)));

    const vols = await a.get(`/api/admin/all-volumes?limit=200&project=${demoProject}`);
    expect(vols.status).toBe(200);
    expect(AllVolumesSchema.safeParse(vols.body).success).toBe(true);
    const demoVolumes = (await (await demo.call("volumev3", "/volumes/detail")).json()).volumes
      .filter((v: { status: string }) => v.status !== "deleting")
      .map((v: { id: string }) => v.id);
    expect(vols.body.items.map((v: { id: string }) => v.id)).toEqual(expect.arrayContaining(demoVolumes.slice(0, 50)));
    expect(vols.body.items.every((v: { projectId: string }) => v.projectId === demoProject)).toBe(true);
  });

  it("refuses a member, and a bad project id", async () => {
    const m = createAgent();
    await m.login("demo");
    expect((await m.get("/api/admin/all-instances")).status).toBe(403);
    expect((await m.get("/api/admin/all-volumes")).status).toBe(403);
    const a = createAgent();
    await a.login("admin");
    expect((await a.get("/api/admin/all-volumes?project=../x")).status).toBe(400);
  });
});
