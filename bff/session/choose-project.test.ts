import { MAX_ADMIN_PROBES, chooseProject } from "./choose-project";

const p = (name: string) => ({ id: `id-${name}`, name, domain_id: "default", enabled: true });

describe("chooseProject", () => {
  it("probes bootstrap's admin project first, though Keystone lists demo first (the real tier's order)", () => {
    const c = chooseProject([p("demo"), p("admin")], null);
    expect(c.remembered).toBeNull();
    expect(c.adminProbes.map((x) => x.name)).toEqual(["admin", "demo"]);
    expect(c.fallback.name).toBe("demo");
  });
  it("prefers the remembered project when Keystone still lists it", () => {
    expect(chooseProject([p("demo"), p("admin")], "id-demo").remembered?.name).toBe("demo");
    expect(chooseProject([p("demo"), p("admin")], "id-gone").remembered).toBeNull();
  });
  it("bounds the probes", () => {
    const many = Array.from({ length: 20 }, (_, i) => p(`p${i}`));
    expect(chooseProject(many, null).adminProbes).toHaveLength(MAX_ADMIN_PROBES);
    expect(chooseProject(many, null).fallback.name).toBe("p0");
  });
});
