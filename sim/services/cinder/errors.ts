import { requestId } from "../../core/ids";
import { faultKey } from "../common/microversion";

/** Cinder's fault body: {"itemNotFound": {"code": 404, "message": "..."}} (cinder/api/openstack/wsgi.py). */
export function cinderFault(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ [faultKey(status)]: { code: status, message } }), {
    status,
    headers: { "Content-Type": "application/json", "x-openstack-request-id": requestId(), ...headers },
  });
}
