import { instanceDetail } from "../../features/instances/instance-detail";
import { listInstances } from "../../features/instances/list-instances";
import { runInstanceAction } from "../../features/instances/run-action";
import type { AppRouteHandler } from "../../lib/types";
import type { ActionRoute, GetOneRoute, ListRoute, RemoveRoute } from "./instances.routes";

export const list: AppRouteHandler<ListRoute> = async (c) => c.json(await listInstances(c.get("clients"), c.req.valid("query")), 200);

export const getOne: AppRouteHandler<GetOneRoute> = async (c) =>
  c.json(await instanceDetail(c.get("clients"), c.req.valid("param").id), 200);

export const action: AppRouteHandler<ActionRoute> = async (c) =>
  c.json(await runInstanceAction(c.get("clients").nova, c.req.valid("param").id, c.req.valid("json").action), 202);

export const remove: AppRouteHandler<RemoveRoute> = async (c) =>
  c.json(await runInstanceAction(c.get("clients").nova, c.req.valid("param").id, "delete"), 202);
