import { expect, type Page } from "@playwright/test";

/** Waits until a view has hydrated and shows its data: network idle (briefly: live pages poll) and nothing aria-busy. */
export async function settle(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  // Live pages poll; network idle may not come on a page with a stream, so it is waited for only briefly.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  await expect(page.locator('[aria-busy="true"]'))
    .toHaveCount(0, { timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * A view's path with "{first}" filled in: the first item's id of `/api/<firstOf>` (instances when not given), as the
 * signed-in user sees it; `ids` keeps them between views. Undefined when that list is empty in this cloud.
 */
export async function viewPath(
  page: Page,
  view: { path: string; firstOf?: string },
  ids: Map<string, string | undefined>,
): Promise<string | undefined> {
  if (!view.path.includes("{first}")) return view.path;
  const of = view.firstOf ?? "instances";
  if (!ids.has(of)) ids.set(of, ((await (await page.request.get(`/api/${of}`)).json()) as { items: { id: string }[] }).items[0]?.id);
  const id = ids.get(of);
  return id ? view.path.replace("{first}", id) : undefined;
}
