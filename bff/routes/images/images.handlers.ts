import { glanceStoreStatus } from "../../ceph/glance-store";
import { withCloneVerdicts } from "../../features/images/clone-verdict";
import { listImages } from "../../features/images/list-images";
import type { AppRouteHandler } from "../../lib/types";
import type { ListRoute } from "./images.routes";

/** A page of images, each raw one labelled by whether this cluster holds it ready to clone (the boot plan's rule). */
export const list: AppRouteHandler<ListRoute> = async (c) => {
  const clients = c.get("clients");
  const page = await listImages(clients.glance, c.req.valid("query"));
  const { ceph } = clients.cephResult();
  return c.json({ ...page, items: await withCloneVerdicts(page.items, ceph ? (id) => glanceStoreStatus(ceph, id) : null) }, 200);
};
