import { convertToRaw } from "../../features/images/convert-image";
import { deleteImage } from "../../features/images/delete-image";
import { imageDetail } from "../../features/images/image-detail";
import { imagePatch } from "../../features/images/image-patch";
import { importCapability } from "../../features/images/import-capability";
import type { ImageCreate } from "../../features/images/schema";
import { isVolumeBackedSnapshot } from "../../openstack/glance";
import type { AppRouteHandler } from "../../lib/types";
import type * as R from "./image-actions.routes";

const glanceBody = (b: ImageCreate) => ({
  name: b.name,
  disk_format: b.diskFormat,
  container_format: b.containerFormat,
  visibility: b.visibility,
  min_disk: b.minDiskGiB,
  min_ram: b.minRamMiB,
});

export const getOne: AppRouteHandler<R.GetOneRoute> = async (c) => {
  const clients = c.get("clients");
  const { ceph } = clients.cephResult();
  const detail = await imageDetail(
    clients.glance,
    ceph,
    c.req.valid("param").id,
    c.get("session").projectId,
    c.get("services").deps.glanceConversion,
  );
  return c.json(detail, 200);
};

export const importInfo: AppRouteHandler<R.ImportInfoRoute> = async (c) =>
  c.json(importCapability(await c.get("clients").glance.importMethods(), c.get("services").deps.glanceConversion), 200);

export const create: AppRouteHandler<R.CreateRoute> = async (c) => {
  const img = await c.get("clients").glance.create(glanceBody(c.req.valid("json")));
  return c.json({ id: img.id, status: img.status }, 201);
};

export const webDownload: AppRouteHandler<R.WebDownloadRoute> = async (c) => {
  const { uri, ...fields } = c.req.valid("json");
  const glance = c.get("clients").glance;
  const img = await glance.create(glanceBody(fields));
  try {
    await glance.import(img.id, { name: "web-download", uri });
  } catch (e) {
    await glance.remove(img.id).catch(() => undefined);
    throw e;
  }
  return c.json({ id: img.id, status: "importing" }, 202);
};

export const update: AppRouteHandler<R.UpdateRoute> = async (c) => {
  const clients = c.get("clients");
  const { id } = c.req.valid("param");
  const deps = c.get("services").deps;
  const { ceph } = clients.cephResult();
  const before = await imageDetail(clients.glance, ceph, id, c.get("session").projectId, deps.glanceConversion);
  const ops = imagePatch(c.req.valid("json"), before);
  if (ops.length) await clients.glance.patch(id, ops);
  return c.json(ops.length ? await imageDetail(clients.glance, ceph, id, c.get("session").projectId, deps.glanceConversion) : before, 200);
};

export const remove: AppRouteHandler<R.RemoveRoute> = async (c) => {
  const clients = c.get("clients");
  const { id } = c.req.valid("param");
  await deleteImage(clients.glance, clients.cephResult().ceph, id);
  return c.json({ id, deleted: true as const }, 200);
};

export const convert: AppRouteHandler<R.ConvertRoute> = async (c) => {
  const copy = await convertToRaw(
    c.get("clients").glance,
    c.req.valid("param").id,
    c.get("services").deps.glanceConversion,
    isVolumeBackedSnapshot,
    c.req.raw.signal,
  );
  return c.json(copy, 202);
};
