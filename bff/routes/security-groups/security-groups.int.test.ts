/** Security groups and rule editing through the BFF, on both targets (the group made here is deleted afterwards). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nanoid } from "nanoid";
import { target } from "../../../tests/target";
import { createAgent } from "../../test/test-app";
import { SecurityGroupListSchema, SecurityGroupSchema } from "../../features/security-groups/schema";

describe(`security groups (${target.name})`, () => {
  const a = createAgent();
  const name = `zt-sg-${nanoid(6)}`;
  let id = "";
  beforeAll(() => a.login("demo"));
  afterAll(async () => {
    if (id) await a.request("DELETE", `/api/security-groups/${id}`);
  });

  it("needs a session", async () => {
    expect((await createAgent().get("/api/security-groups")).status).toBe(401);
  });

  it("creates a group with Neutron's default egress rules", async () => {
    const res = await a.post("/api/security-groups", { name, description: "zenith test" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const g = SecurityGroupSchema.parse(res.body);
    id = g.id;
    expect(g.isDefault).toBe(false);
    expect(
      g.rules
        .filter((r) => r.direction === "egress")
        .map((r) => r.ethertype)
        .sort(),
    ).toEqual(["IPv4", "IPv6"]);
    const list = SecurityGroupListSchema.parse((await a.get("/api/security-groups")).body);
    expect(list.items[0].isDefault).toBe(true);
    expect(list.items.map((x) => x.id)).toContain(id);
  });

  it("adds and removes an SSH rule from a CIDR; a duplicate is Neutron's 409", async () => {
    const rule = { direction: "ingress", protocol: "tcp", portMin: 22, portMax: 22, remote: { kind: "cidr", cidr: "192.0.2.0/24" } };
    const res = await a.post(`/api/security-groups/${id}/rules`, rule);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ direction: "ingress", protocol: "tcp", portMin: 22, portMax: 22, remoteCidr: "192.0.2.0/24" });
    const dup = await a.post(`/api/security-groups/${id}/rules`, rule);
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "upstream_conflict", service: "network" });
    const fromGroup = await a.post(`/api/security-groups/${id}/rules`, {
      direction: "ingress",
      protocol: "icmp",
      remote: { kind: "group", groupId: id },
    });
    expect(fromGroup.body).toMatchObject({ protocol: "icmp", remoteGroupId: id, remoteCidr: null });
    expect((await a.request("DELETE", `/api/security-groups/${id}/rules/${res.body.id}`)).status).toBe(204);
    expect((await a.request("DELETE", `/api/security-groups/${id}/rules/${res.body.id}`)).status).toBe(404);
  });

  it("refuses a reversed port range and a CIDR with host bits at the field", async () => {
    const reversed = await a.post(`/api/security-groups/${id}/rules`, { direction: "ingress", protocol: "tcp", portMin: 90, portMax: 80 });
    expect(reversed.status).toBe(400);
    expect(reversed.body.field).toBe("body.portMax");
    const cidr = await a.post(`/api/security-groups/${id}/rules`, {
      direction: "ingress",
      protocol: "tcp",
      remote: { kind: "cidr", cidr: "10.0.0.5/8" },
    });
    expect(cidr.status).toBe(400);
    expect(cidr.body.field).toBe("body.remote.cidr");
  });

  it("deletes the group; a missing one is Neutron's 404", async () => {
    expect((await a.request("DELETE", `/api/security-groups/${id}`)).status).toBe(204);
    const again = await a.request("DELETE", `/api/security-groups/${id}`);
    expect(again.status).toBe(404);
    expect(again.body.service).toBe("network");
    id = "";
  });
});
