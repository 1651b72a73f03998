import { instanceDetail } from "../../features/instances/instance-detail";
import { listInstances } from "../../features/instances/list-instances";
import { runInstanceAction } from "../../features/instances/run-action";
import type { AppRouteHandler } from "../../lib/types";
import { createCinder } from "../../openstack/cinder";
import { createGlance } from "../../openstack/glance";
import { createNova } from "../../openstack/nova";
import type { ActionRoute, GetOneRoute, ListRoute, RemoveRoute } from "./instances.routes";

type Ctx = Parameters<AppRouteHandler<ListRoute>>[0];
const nova = (c: Ctx) => createNova(c.get("services").http, c.get("session"));
const glance = (c: Ctx) => createGlance(c.get("services").http, c.get("session"));

export const list: AppRouteHandler<ListRoute> = async (c) =>
  c.json(await listInstances({ nova: nova(c), glance: glance(c) }, c.req.valid("query")), 200);

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const cinder = createCinder(c.get("services").http, c.get("session"));
  return c.json(await instanceDetail({ nova: nova(c as never), glance: glance(c as never), cinder }, c.req.valid("param").id), 200);
};

export const action: AppRouteHandler<ActionRoute> = async (c) =>
  c.json(await runInstanceAction(nova(c as never), c.req.valid("param").id, c.req.valid("json").action), 202);

export const remove: AppRouteHandler<RemoveRoute> = async (c) =>
  c.json(await runInstanceAction(nova(c as never), c.req.valid("param").id, "delete"), 202);
