import { requestId } from "../../core/ids";

/**
 * Neutron's error body (neutron/api/api_common.py get_exception_data):
 * {"NeutronError":{"type":"<exception class>","message":"...","detail":""}}.
 */
export class NeutronError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly detail = "",
  ) {
    super(message);
  }
}

/** Every Neutron response carries an oslo request id. */
export function neutronJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "X-Openstack-Request-Id": requestId() },
  });
}

/** A 204 with the request id, as neutron-server answers a DELETE. */
export const neutronNoContent = (): Response => new Response(null, { status: 204, headers: { "X-Openstack-Request-Id": requestId() } });

export function neutronErrorResponse(e: NeutronError): Response {
  return neutronJson({ NeutronError: { type: e.type, message: e.message, detail: e.detail } }, e.status);
}

/** neutron_lib exceptions used by the sim, with their exact messages. */
export const errors = {
  networkNotFound: (id: string) => new NeutronError(404, "NetworkNotFound", `Network ${id} could not be found.`),
  subnetNotFound: (id: string) => new NeutronError(404, "SubnetNotFound", `Subnet ${id} could not be found.`),
  portNotFound: (id: string) => new NeutronError(404, "PortNotFound", `Port ${id} could not be found.`),
  securityGroupNotFound: (id: string) => new NeutronError(404, "SecurityGroupNotFound", `Security group ${id} does not exist`),
  securityGroupRuleNotFound: (id: string) => new NeutronError(404, "SecurityGroupRuleNotFound", `Security group rule ${id} does not exist`),
  agentNotFound: (id: string) => new NeutronError(404, "AgentNotFound", `Agent ${id} could not be found.`),
  invalidDhcpAgent: (id: string) =>
    new NeutronError(404, "InvalidDHCPAgent", `Agent ${id} is not a valid DHCP Agent or has been disabled.`),
  networkHosted: (networkId: string, agentId: string) =>
    new NeutronError(409, "NetworkHostedByDHCPAgent", `The network ${networkId} has been already hosted by the DHCP Agent ${agentId}.`),
  networkNotHosted: (networkId: string, agentId: string) =>
    new NeutronError(409, "NetworkNotHostedByDhcpAgent", `The network ${networkId} is not hosted by the DHCP Agent ${agentId}.`),
  /** db_base_plugin_v2._ensure_network_not_in_use: the reason names the ports, comma-joined. */
  networkInUse: (id: string, portIds: string[]) =>
    new NeutronError(
      409,
      "NetworkInUse",
      `Unable to complete operation on network ${id}. There are one or more ports still in use on the network, id for these ports is: ${portIds.join(",")}.`,
    ),
  subnetInUse: (id: string) =>
    new NeutronError(
      409,
      "SubnetInUse",
      `Unable to complete operation on subnet ${id}: One or more ports have an IP allocation from this subnet.`,
    ),
  securityGroupInUse: (id: string) => new NeutronError(409, "SecurityGroupInUse", `Security Group ${id} in use.`),
  ipExhausted: (netId: string) =>
    new NeutronError(409, "IpAddressGenerationFailure", `No more IP addresses available on network ${netId}.`),
  ipAllocated: (ip: string, subnetId: string) =>
    new NeutronError(409, "IpAddressAlreadyAllocated", `IP address ${ip} already allocated in subnet ${subnetId}`),
  /** webob HTTPNotFound as raised by the policy hook: "pretend that it doesn't exist". */
  resourceNotFound: () => new NeutronError(404, "HTTPNotFound", "The resource could not be found."),
  policy: (rule: string) => new NeutronError(403, "PolicyNotAuthorized", `rule:${rule} is disallowed by policy`),
  /** An attribute rule is checked together with its action's rule (neutron.policy builds an AndCheck). */
  attrPolicy: (action: string, attr: string) =>
    new NeutronError(403, "PolicyNotAuthorized", `(rule:${action} and rule:${action}:${attr}) is disallowed by policy`),
  badRequest: (message: string) => new NeutronError(400, "HTTPBadRequest", message),
  /** neutron_lib InvalidInput. */
  invalidInput: (message: string) => new NeutronError(400, "InvalidInput", `Invalid input for operation: ${message}.`),
  /** neutron_lib BadRequest: "Bad <resource> request: <msg>." */
  badResourceRequest: (resource: string, msg: string) => new NeutronError(400, "BadRequest", `Bad ${resource} request: ${msg}.`),
};
