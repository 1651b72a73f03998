/** /admin/rollouts?run=<id>: the run shown next to the list. */
export const RUN_ID = /^ro-\d{14}-[0-9a-f]{8}$/;

export function parseRunParam(v: string | string[] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && RUN_ID.test(s) ? s : null;
}
