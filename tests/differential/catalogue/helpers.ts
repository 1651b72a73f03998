import type { Probe, Service, Who } from "../types";

/** Builds one service's probes: `p("servers.list", "GET", "/servers")` with member as the default user. */
export function probes(service: Service) {
  const list: Probe[] = [];
  const p = (
    id: string,
    method: string,
    path: string,
    opts: Partial<Omit<Probe, "id" | "service" | "method" | "path">> & { user?: Who } = {},
  ) => {
    list.push({ id: `${service}.${id}`, service, method, path, user: "member", ...opts });
  };
  return { list, p };
}

/** Cleanup for a probe whose success creates something: the id from the body's wrapper or Location. */
export const created = (
  method: string,
  path: string,
  pick: (b: any) => string | undefined,
  user?: Who,
  headers?: Record<string, string>,
): Probe["cleanup"] => ({
  method,
  path,
  user,
  headers,
  idFrom: (b) => pick(b),
});
