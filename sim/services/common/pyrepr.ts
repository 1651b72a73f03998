/** Python's repr of a JSON scalar, as jsonschema's and the services' messages quote a request's value. */
export const pyScalar = (v: unknown): string =>
  typeof v === "string" ? `'${v}'` : v === null ? "None" : v === true ? "True" : v === false ? "False" : JSON.stringify(v);

/** Python's repr of a flat JSON object ({'name': 'x', 'size': 1}). */
export const pyDict = (o: Record<string, unknown>): string =>
  `{${Object.entries(o)
    .map(([k, v]) => `'${k}': ${pyScalar(v)}`)
    .join(", ")}}`;
