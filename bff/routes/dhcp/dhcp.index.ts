import { createRouter } from "../../lib/create-router";
import { requireAdmin, requireSession } from "../../middleware/session";
import * as handlers from "./dhcp.handlers";
import * as routes from "./dhcp.routes";

/** Admin → DHCP HA; admin only. */
export const dhcpRouter = createRouter();
dhcpRouter.use("/admin/dhcp", requireSession, requireAdmin);
dhcpRouter.use("/admin/dhcp/*", requireSession, requireAdmin);
dhcpRouter.openapi(routes.audit, handlers.audit).openapi(routes.networks, handlers.networks).openapi(routes.heal, handlers.heal);
