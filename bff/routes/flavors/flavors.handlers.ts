import { listFlavors } from "../../features/flavors/list-flavors";
import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./flavors.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await listFlavors(c.get("clients").nova), 200);
