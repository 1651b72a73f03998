import { createKeypair, listKeypairs } from "../../features/keypairs/keypairs";
import type { AppRouteHandler } from "../../lib/types";
import type { CreateRoute, ListRoute, RemoveRoute } from "./keypairs.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await listKeypairs(c.get("clients").nova), 200);

export const create: AppRouteHandler<CreateRoute> = async (c) =>
  c.json(await createKeypair(c.get("clients").nova, c.req.valid("json")), 201);

export const remove: AppRouteHandler<RemoveRoute> = async (c) => {
  await c.get("clients").nova.deleteKeypair(c.req.valid("param").name);
  return c.body(null, 204);
};
