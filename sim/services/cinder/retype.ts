import type { SimState } from "../../core/state";
import { cinderFault } from "./errors";
import { findType, volumes, type Volume } from "./model";

const accepted = () => new Response(null, { status: 202 });

/** Python's repr of a JSON value, as jsonschema's messages print it ({'new_type': 'x', 'bogus': 1}). */
const pyRepr = (x: unknown): string =>
  x === null
    ? "None"
    : typeof x === "string"
      ? `'${x}'`
      : typeof x === "boolean"
        ? x
          ? "True"
          : "False"
        : Array.isArray(x)
          ? `[${x.map(pyRepr).join(", ")}]`
          : typeof x === "object"
            ? `{${Object.entries(x)
                .map(([k, v]) => `'${k}': ${pyRepr(v)}`)
                .join(", ")}}`
            : String(x);

/**
 * os-retype as Zed's cinder-api checks it (cinder/api/schemas/volume_actions.py retype, cinder/volume/api.py retype):
 * new_type required (a string), migration_policy `never` or `on-demand`, the volume available or in-use, the type
 * known (404 by name) and different from the current one. Every sim type is on the one RBD backend, so the retype
 * needs no migration and is done at once.
 */
export function retype(state: SimState, v: Volume, args: unknown, status: string): Response {
  const a = (args && typeof args === "object" ? args : {}) as Record<string, unknown>;
  const value = pyRepr(args ?? null);
  const extra = Object.keys(a).find((k) => !["new_type", "migration_policy"].includes(k));
  if (extra)
    return cinderFault(
      400,
      `Invalid input for field/attribute os-retype. Value: ${value}. Additional properties are not allowed ('${extra}' was unexpected)`,
    );
  if (a.new_type === undefined)
    return cinderFault(400, `Invalid input for field/attribute os-retype. Value: ${value}. 'new_type' is a required property`);
  if (typeof a.new_type !== "string")
    return cinderFault(
      400,
      `Invalid input for field/attribute new_type. Value: ${a.new_type}. ${JSON.stringify(a.new_type)} is not of type 'string'`,
    );
  const policy = a.migration_policy;
  if (policy !== undefined && policy !== null && policy !== "never" && policy !== "on-demand")
    return cinderFault(
      400,
      `Invalid input for field/attribute migration_policy. Value: ${policy}. ${pyRepr(policy)} is not one of ['on-demand', 'never']`,
    );
  const type = findType(state, a.new_type);
  if (!type) return cinderFault(404, `Volume type with name ${a.new_type} could not be found.`);
  // Zed checks status, migration and "different type" in one conditional update, with one message (measured).
  if ((status !== "available" && status !== "in-use") || type.id === v.typeId)
    return cinderFault(
      400,
      "Invalid volume: Retype needs volume to be in available or in-use state, not be part of an active migration or a consistency group, requested type has to be different that the one from the volume, and for in-use volumes front-end qos specs cannot change.",
    );
  volumes(state).put({ ...v, typeId: type.id });
  return accepted();
}
