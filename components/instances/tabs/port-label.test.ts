import { describe, expect, it } from "vitest";
import { portLabel } from "./port-label";

describe("portLabel", () => {
  const port = { name: null, fixedIps: ["10.0.0.5", "fd00::5"], mac: "fa:16:3e:00:00:01" };
  it("names a port by its name, else its fixed IPs, else its MAC; never its id", () => {
    expect(portLabel({ ...port, name: "web-nic" })).toBe("web-nic");
    expect(portLabel(port)).toBe("10.0.0.5, fd00::5");
    expect(portLabel({ ...port, fixedIps: [] })).toBe("fa:16:3e:00:00:01");
  });
});
