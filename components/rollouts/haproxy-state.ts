import type { MessageKey } from "@/lib/i18n/translate";

/**
 * HAProxy's words for a server's state (the stats CSV's `status` column and `show servers state`) as a message key
 * and parameters, so the UI says them in the user's language. "UP 1/3" is UP with 1 of 3 failed checks toward DOWN;
 * "DOWN 1/2" is DOWN with 1 of 2 passed checks toward UP.
 */
export function haproxyState(status: string): { key: MessageKey; params?: Record<string, string> } {
  const s = status.trim();
  const moving = /^(UP|DOWN) (\d+)\/(\d+)$/.exec(s);
  if (moving)
    return { key: moving[1] === "UP" ? "rollouts.haproxy.goingDown" : "rollouts.haproxy.goingUp", params: { n: moving[2], of: moving[3] } };
  const base = s.split(/[\s(]/)[0].toUpperCase();
  const known: Record<string, MessageKey> = {
    UP: "rollouts.haproxy.up",
    DOWN: "rollouts.haproxy.down",
    MAINT: "rollouts.haproxy.maint",
    DRAIN: "rollouts.haproxy.drain",
    NOLB: "rollouts.haproxy.nolb",
  };
  if (known[base]) return { key: known[base] };
  if (/^no check$/i.test(s)) return { key: "rollouts.haproxy.noCheck" };
  return { key: "rollouts.haproxy.unknown" };
}
