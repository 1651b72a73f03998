import { allInstances as listAllInstances, allVolumes as listAllVolumes } from "../../features/all-projects/list-all";
import type { AppRouteHandler } from "../../lib/types";
import type { AllInstancesRoute, AllVolumesRoute } from "./all-projects.routes";

const projectsOf = (s: { projects: { id: string; name: string }[] }) => s.projects.map((p) => ({ id: p.id, name: p.name }));

export const allInstances: AppRouteHandler<AllInstancesRoute> = async (c) =>
  c.json(await listAllInstances(c.get("clients").nova, c.req.valid("query"), projectsOf(c.get("session"))), 200);

export const allVolumes: AppRouteHandler<AllVolumesRoute> = async (c) =>
  c.json(await listAllVolumes(c.get("clients").cinder, c.req.valid("query"), projectsOf(c.get("session"))), 200);
