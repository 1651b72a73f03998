import { expect, type Page } from "@playwright/test";
import type { Seed } from "../cloud";

const get = async (page: Page, path: string) => {
  const res = await page.request.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return res.json();
};

/** Launches one server of the test's own through the BFF and returns its id (not waiting). */
async function launch(page: Page, name: string, seed: Seed, imageName: string, createVolume = false): Promise<string> {
  const image = (await get(page, `/api/images?search=${encodeURIComponent(imageName)}`)).items.find(
    (i: { name: string }) => i.name === imageName,
  );
  const network = (await get(page, `/api/networks?search=${encodeURIComponent(seed.network)}`)).items.find(
    (n: { name: string }) => n.name === seed.network,
  );
  expect(image, `image ${imageName}`).toBeTruthy();
  expect(network, `network ${seed.network}`).toBeTruthy();
  const res = await page.request.post("/api/boot", {
    headers: { "X-Zenith-Request": "1" },
    data: {
      name,
      source: { type: "image", id: image.id },
      flavorId: seed.flavor.id,
      networkIds: [network.id],
      createVolume, // the volume's size defaults to the image's minimum
    },
  });
  expect(res.status(), await res.text()).toBe(202);
  return (await res.json()).serverId;
}

/**
 * Boots a server of the test's own from the target's raw image and waits until it is ACTIVE, so specs act
 * on nothing the seed needs. Returns its id.
 */
export async function bootInstance(page: Page, name: string, seed: Seed): Promise<string> {
  const id = await launch(page, name, seed, seed.rawImage);
  await expect.poll(async () => (await get(page, `/api/instances/${id}`)).status, { timeout: 60_000 }).toBe("ACTIVE");
  return id;
}

/** Boots the copy image into a new volume, which outlasts Nova's wait: the server ends in ERROR with Nova's fault. */
export async function bootFailingCopy(page: Page, name: string, seed: Seed): Promise<string> {
  const id = await launch(page, name, seed, seed.copyImage, true);
  await expect.poll(async () => (await get(page, `/api/instances/${id}`)).status, { timeout: 90_000 }).toBe("ERROR");
  return id;
}
