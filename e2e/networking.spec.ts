import { nanoid } from "nanoid";
import { expect, test, users } from "./fixtures";
import { KeypairsPage } from "./pages/KeypairsPage";
import { FloatingIpsPage, NetworkCreatePage, RoutersPage, TopologyPage } from "./pages/NetworkingPages";

/**
 * Tenant networking (issue 13), on both targets: a key pair with its private key shown once; a network with a subnet,
 * a router with a gateway and an interface, seen in the topology; a floating IP allocated and associated with an
 * instance's port. The external network is an admin's, made here through Neutron (the real tier has none) and removed.
 */
type Os = { token: string; endpoint: (type: string) => string };
const call = async (s: Os, type: string, path: string, method = "GET", json?: unknown) => {
  const res = await fetch(`${s.endpoint(type)}${path}`, {
    method,
    headers: { "X-Auth-Token": s.token, "content-type": "application/json", "OpenStack-API-Version": "compute 2.67" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

test.describe("networking self-service", () => {
  const tag = `zt-e2e-${nanoid(5)}`;
  let admin: Os;
  let demo: Os;
  let ext = "";
  const made = { network: "", router: "", server: "", subnet: "" };

  test.beforeAll(async ({ cloud }) => {
    admin = await cloud.session(users.admin, "admin");
    demo = await cloud.session(users.demo, "demo");
    const net = await call(admin, "network", "/v2.0/networks", "POST", { network: { name: `${tag}-ext`, "router:external": true } });
    expect(net.status).toBe(201);
    ext = net.body.network.id;
    const sub = await call(admin, "network", "/v2.0/subnets", "POST", { subnet: { network_id: ext, cidr: "192.0.2.0/24", ip_version: 4 } });
    expect(sub.status).toBe(201);
  });

  test.afterAll(async () => {
    test.setTimeout(120_000);
    const fips = await call(demo, "network", "/v2.0/floatingips");
    for (const f of fips.body?.floatingips ?? [])
      if (f.floating_network_id === ext) await call(demo, "network", `/v2.0/floatingips/${f.id}`, "DELETE");
    if (made.server) {
      await call(demo, "compute", `/servers/${made.server}`, "DELETE");
      for (let i = 0; i < 60 && (await call(demo, "compute", `/servers/${made.server}`)).status !== 404; i++)
        await new Promise((r) => setTimeout(r, 1000));
    }
    if (made.router) {
      if (made.subnet)
        await call(demo, "network", `/v2.0/routers/${made.router}/remove_router_interface`, "PUT", { subnet_id: made.subnet });
      await call(demo, "network", `/v2.0/routers/${made.router}`, "DELETE");
    }
    if (made.network) await call(demo, "network", `/v2.0/networks/${made.network}`, "DELETE");
    if (ext) await call(admin, "network", `/v2.0/networks/${ext}`, "DELETE");
  });

  test("creates a key pair: the private key is shown once, with a download", async ({ page, app }) => {
    await app.signInViaApi("demo");
    const kp = new KeypairsPage(page);
    await kp.goto();
    const name = `${tag}-key`;
    await kp.create(name);
    await expect(kp.privateKey).toContainText("PRIVATE KEY");
    await expect(kp.download).toHaveAttribute("download", `${name}.pem`);
    await expect(kp.row(name)).toBeVisible();
    await kp.goto();
    await expect(kp.privateKey).toHaveCount(0);
    await kp.delete(name);
    await expect(kp.row(name)).toHaveCount(0);
  });

  test("creates a network with a subnet and a router with an interface, sees them in the topology, and maps a floating IP", async ({
    page,
    app,
    seed,
  }) => {
    test.setTimeout(180_000);
    await app.signInViaApi("demo");
    const create = new NetworkCreatePage(page);
    await create.goto();
    await create.main.getByLabel("CIDR").fill("10.66.0.5/24");
    await create.main.getByLabel("CIDR").blur();
    await expect(create.fieldError("did you mean 10.66.0.0/24?")).toBeVisible();
    await create.create(`${tag}-net`, "10.66.0.0/24");
    await expect(page).toHaveURL(/\/project\/networks\/[0-9a-f-]{36}$/);
    made.network = page.url().split("/").pop() ?? "";
    await expect(page.getByTestId("subnet-row-10.66.0.0/24")).toBeVisible();
    made.subnet = (await call(demo, "network", `/v2.0/subnets?network_id=${made.network}`)).body.subnets[0].id;

    const routers = new RoutersPage(page);
    await routers.goto();
    await routers.create(`${tag}-r`, `${tag}-ext`);
    await expect(routers.card(`${tag}-r`)).toContainText(/192\.0\.2\.\d+/);
    made.router = (await call(demo, "network", `/v2.0/routers?name=${tag}-r`)).body.routers[0].id;
    await routers.attach(`${tag}-r`, `${tag}-net · 10.66.0.0/24`);
    await expect(routers.card(`${tag}-r`).getByRole("listitem")).toContainText("10.66.0.1");

    // An instance on the network (set up through Nova, not the UI), for the floating IP.
    const flavor = (await call(demo, "compute", "/flavors/detail")).body.flavors.find((f: { name: string }) => f.name === seed.flavor.name);
    const image = (await call(demo, "image", `/v2/images?name=${seed.rawImage}`)).body.images[0]?.id ?? seed.rawImage;
    const boot = await call(demo, "compute", "/servers", "POST", {
      server: { name: `${tag}-vm`, imageRef: image, flavorRef: flavor.id, networks: [{ uuid: made.network }] },
    });
    expect(boot.status, JSON.stringify(boot.body)).toBe(202);
    made.server = boot.body.server.id;
    await expect
      .poll(async () => (await call(demo, "compute", `/servers/${made.server}`)).body?.server?.status, { timeout: 90_000 })
      .toBe("ACTIVE");

    const topo = new TopologyPage(page);
    await topo.goto();
    await expect(topo.node("Router", `${tag}-r`)).toBeVisible();
    await expect(topo.node("Network", `${tag}-net`)).toBeVisible();
    await expect(topo.node("External network", `${tag}-ext`)).toBeVisible();
    await expect(topo.node("Instance", `${tag}-vm`)).toBeVisible();
    await topo.node("Network", `${tag}-net`).focus();
    await expect(topo.node("Network", `${tag}-net`)).toBeFocused();
    await expect(topo.text).toContainText(`${tag}-r`);

    const fips = new FloatingIpsPage(page);
    await fips.goto();
    await fips.allocate(`${tag}-ext`);
    const row = fips.rows.filter({ hasText: `${tag}-ext` });
    await expect(row).toHaveCount(1);
    await fips.associate(row, new RegExp(`^${tag}-vm`));
    await expect(row).toContainText(`${tag}-vm`);
    await expect(row.getByRole("button", { name: "Disassociate" })).toBeVisible();
  });
});
