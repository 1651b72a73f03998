import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./overview.routes";

export const list: AppRouteHandler<ListRoute> = (c) => {
  const s = c.get("session");
  const services = s.catalog.flatMap((entry) =>
    entry.endpoints
      .filter((e) => e.interface === s.interface && (e.region_id ?? e.region) === s.region)
      .map((e) => ({ type: entry.type, name: entry.name ?? entry.type, url: e.url, interface: e.interface, region: s.region })),
  );
  return c.json({ services }, 200);
};
