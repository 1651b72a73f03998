import { requestId } from "../../core/ids";

/**
 * webob's 404 for a path no API route matches (nova, cinder and glance under paste): JSON when asked for,
 * {"message": "The resource could not be found.<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}.
 */
export function webobNotFound(): Response {
  return new Response(
    JSON.stringify({ message: "The resource could not be found.<br /><br />\n\n\n", code: "404 Not Found", title: "Not Found" }),
    {
      status: 404,
      headers: { "Content-Type": "application/json", "x-openstack-request-id": requestId() },
    },
  );
}
