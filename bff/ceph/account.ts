import type { BffDeps } from "../deps";
import { cephUnavailable } from "./breaker";

export const CEPH_ACCOUNT_HINT =
  "Set ZENITH_CEPH_USER and ZENITH_CEPH_PASSWORD to a Ceph Dashboard account for the BFF (read-only suffices for the boot checks; Lineage clean-ups need rbd write).";

/** The BFF's Ceph Dashboard account, or 503 ceph_unavailable (reason not_configured) saying what to set. */
export function cephAccount(deps: Pick<BffDeps, "ceph">): { username: string; password: string } {
  const { username, password } = deps.ceph;
  if (!username || !password)
    throw cephUnavailable(`Zenith has no Ceph Dashboard account for this cloud. ${CEPH_ACCOUNT_HINT}`, { reason: "not_configured" });
  return { username, password };
}
