import { isImageUpload, parseProxyPath } from "./proxy-path";

describe("proxy path", () => {
  it("routes on decoded segments", () => {
    expect(parseProxyPath("/api/openstack/%63ompute/v2.1/servers/detail")).toEqual({
      ok: true,
      service: "compute",
      segments: ["v2.1", "servers", "detail"],
      path: "/v2.1/servers/detail",
    });
    expect(parseProxyPath("/api/%6Fpenstack/image/v2/images")).toMatchObject({ ok: true, service: "image", path: "/v2/images" });
    // A decoded segment goes upstream encoded once; pchars stay as they are.
    expect(parseProxyPath("/api/openstack/image/v2/images/a%20b:c@d")).toMatchObject({ ok: true, path: "/v2/images/a%20b:c@d" });
  });

  it.each([
    "/api/openstack/compute/servers%2F..%2Fos-hypervisors",
    "/api/openstack/compute/servers/%2e%2e/%2e%2e/x",
    "/api/openstack/compute/%2E/os-hypervisors",
    "/api/openstack/compute/a%5Cb",
    "/api/openstack/compute/../identity/v3/users",
    "/api/openstack/compute/./servers",
    "/api/openstack/compute/a\\b",
    "/api/openstack/compute/%E0%A4%A",
  ])("refuses %s", (path) => expect(parseProxyPath(path)).toMatchObject({ ok: false, field: "path" }));

  it("names the service field for an unknown service", () => {
    expect(parseProxyPath("/api/openstack/metadata/x")).toMatchObject({ ok: false, field: "service" });
    expect(parseProxyPath("/api/openstack/%63eph/api/auth")).toMatchObject({ ok: false, field: "service" });
  });

  it("streams only Glance's image data upload", () => {
    const p = (path: string) => parseProxyPath(`/api/openstack/image${path}`);
    expect(isImageUpload("PUT", p("/images/0f2b5d4e-3a1c-4b7e-9a55-1c2d3e4f5a6b/file"))).toBe(true);
    expect(isImageUpload("POST", p("/images/0f2b5d4e/file"))).toBe(false);
    expect(isImageUpload("PUT", p("/images/0f2b5d4e"))).toBe(false);
    expect(isImageUpload("PUT", p("/images/0f2b5d4e/file/x"))).toBe(false);
    expect(isImageUpload("PUT", parseProxyPath("/api/openstack/compute/images/x/file"))).toBe(false);
    expect(isImageUpload("PUT", p("/v2/images/0f2b5d4e/file"))).toBe(false);
  });
});
