import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCloudConfig, normaliseAuthUrl } from "./cloud-config";

describe("cloud configuration", () => {
  const dir = mkdtempSync(join(tmpdir(), "zenith-cfg-"));
  const yaml = join(dir, "clouds.yaml");
  writeFileSync(
    yaml,
    `clouds:\n  prod:\n    auth:\n      auth_url: https://keystone.example:5000\n      user_domain_name: Corp\n    region_name: RegionTwo\n    interface: internal\n`,
  );

  it("uses the embedded cloud when nothing is set", () => {
    expect(loadCloudConfig({}, dir)).toMatchObject({
      authUrl: "http://127.0.0.1:5055/identity/v3",
      source: "embedded",
      interface: "public",
    });
    expect(loadCloudConfig({ SIM_PORT: "6000" }, dir).authUrl).toBe("http://127.0.0.1:6000/identity/v3");
  });

  it("prefers ZENITH_AUTH_URL over OS_AUTH_URL over OS_CLOUD", () => {
    const env = { ZENITH_AUTH_URL: "http://a:5000/v3", OS_AUTH_URL: "http://b:5000", OS_CLOUD: "prod", OS_CLIENT_CONFIG_FILE: yaml };
    expect(loadCloudConfig(env, dir).source).toBe("ZENITH_AUTH_URL");
    expect(loadCloudConfig({ ...env, ZENITH_AUTH_URL: undefined }, dir)).toMatchObject({
      source: "OS_AUTH_URL",
      authUrl: "http://b:5000/v3",
    });
  });

  it("reads clouds.yaml for OS_CLOUD, with OS_REGION_NAME and OS_INTERFACE overriding it", () => {
    const cfg = loadCloudConfig({ OS_CLOUD: "prod", OS_CLIENT_CONFIG_FILE: yaml }, dir);
    expect(cfg).toMatchObject({
      authUrl: "https://keystone.example:5000/v3",
      region: "RegionTwo",
      interface: "internal",
      userDomain: "Corp",
    });
    const over = loadCloudConfig({ OS_CLOUD: "prod", OS_CLIENT_CONFIG_FILE: yaml, OS_REGION_NAME: "R3", OS_INTERFACE: "publicURL" }, dir);
    expect(over).toMatchObject({ region: "R3", interface: "public" });
  });

  it("says what is wrong with a bad configuration", () => {
    expect(() => loadCloudConfig({ OS_CLOUD: "nope", OS_CLIENT_CONFIG_FILE: yaml }, dir)).toThrow(/no cloud 'nope'/);
    expect(() => loadCloudConfig({ OS_CLOUD: "prod", OS_CLIENT_CONFIG_FILE: join(dir, "missing.yaml") }, dir)).toThrow(/no clouds.yaml/);
    expect(() => loadCloudConfig({ OS_INTERFACE: "sideways" }, dir)).toThrow(/OS_INTERFACE/);
  });

  it("normalises Keystone URLs to /v3", () => {
    expect(normaliseAuthUrl("http://k:5000/")).toBe("http://k:5000/v3");
    expect(normaliseAuthUrl("http://k/identity/v3/")).toBe("http://k/identity/v3");
  });
});
