import { requestId } from "../../core/ids";
import { faultKey } from "../common/microversion";

/** Nova's wsgi.Fault body: {"itemNotFound": {"code": 404, "message": "..."}}. */
export function novaFault(status: number, message: string): Response {
  return new Response(JSON.stringify({ [faultKey(status)]: { code: status, message } }), {
    status,
    headers: { "Content-Type": "application/json; charset=UTF-8", "x-openstack-request-id": requestId() },
  });
}
