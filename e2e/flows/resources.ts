import { expect, type Page } from "@playwright/test";

/**
 * Boots a server of the test's own through the BFF (the raw demo image, m1.small, demo-net) and waits
 * until it is ACTIVE, so specs act on nothing the seeded scenario needs. Returns its id.
 */
export async function bootInstance(page: Page, name: string): Promise<string> {
  const get = async (path: string) => {
    const res = await page.request.get(path);
    expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
    return res.json();
  };
  const image = (await get("/api/images?search=centos-7-raw")).items[0];
  const network = (await get("/api/networks?search=demo-net")).items[0];
  const res = await page.request.post("/api/boot", {
    headers: { "X-Zenith-Request": "1" },
    data: { name, source: { type: "image", id: image.id }, flavorId: "2", networkIds: [network.id] },
  });
  expect(res.status(), await res.text()).toBe(202);
  const { serverId } = await res.json();
  await expect.poll(async () => (await get(`/api/instances/${serverId}`)).status, { timeout: 30_000 }).toBe("ACTIVE");
  return serverId;
}
