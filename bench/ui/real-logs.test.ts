import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requestShape } from "../../sim/core/request-counter";
import { contextUser, realLogCounter } from "./real-logs";

// Request lines as the real tier's services write them (copied from /tmp/zenith-real/logs, ids shortened where harmless).
const ME = "4a82adc865e84ac5947ef07d16fb4744";
const OTHER = "da9d89b28d1a4a7c9179620494639dd3";
const PROJECT = "6653c4c3c53149bd82460793187f87ae";
const ctx = (user: string) => `None req-d5bcf548-776d-4158-8cc6-a76827663553 ${user} ${PROJECT} - - default default`;
const nova = (user: string) =>
  `2026-11-30 04:19:20.043 12482 INFO nova.api.openstack.requestlog [${ctx(user)}] 127.0.0.1 "GET /v2.1/limits" status: 200 len: 305 microversion: 2.67 time: 0.098022\n` +
  `[pid: 12482|app: 0|req: 840/840] 127.0.0.1 () {38 vars in 677 bytes} [Mon Nov 30 04:19:19 2026] GET /v2.1/limits => generated 305 bytes in 105 msecs (HTTP/1.1 200) 9 headers in 359 bytes (1 switches on core 0)\n`;
const glance = (context: string) =>
  `2026-11-30 04:19:17.623 12368 INFO eventlet.wsgi.server [${context}] 127.0.0.1 - - [30/Nov/2026 04:19:17] "GET /v2/images?status=active&limit=200 HTTP/1.1" 200 2183 1.268565\n`;
const cinder = (user: string) =>
  `2026-11-30 04:19:24.808 12172 INFO cinder.api.openstack.wsgi [${ctx(user)}] http://127.0.0.1:8776/v3/${PROJECT}/volumes/detail returned with HTTP 200\n` +
  `2026-11-30 04:19:24.820 12172 INFO eventlet.wsgi.server [${ctx(user)}] 127.0.0.1 "GET /v3/${PROJECT}/volumes/detail?limit=100 HTTP/1.1" status: 200  len: 4649 time: 1.1784298\n`;
const neutron = (user: string) =>
  `2026-11-30 04:19:19.381 12192 INFO neutron.wsgi [${ctx(user)}] 127.0.0.1 "GET /v2.0/networks?limit=500 HTTP/1.1" status: 200  len: 928 time: 2.9965286\n`;
const keystone = `[pid: 11973|app: 0|req: 942/942] 127.0.0.1 () {34 vars in 813 bytes} [Mon Nov 30 04:19:23 2026] GET /v3/auth/tokens => generated 5201 bytes in 915 msecs (HTTP/1.1 200) 6 headers in 380 bytes (1 switches on core 0)\n`;
const ceph =
  `2026-11-30T04:19:26.760+0000 7f00c3fe76c0  0 [dashboard INFO request] [127.0.0.1:40758] [GET] [200] [0.057s] [admin] [1.3K] /api/block/image/images%2Fc9bb\n` +
  `2026-11-30T04:19:25.416+0000 7f00c5feb6c0  0 [volumes INFO mgr_util] scanning for idle connections..\n`;

describe("real-tier upstream counting from the services' logs", () => {
  it("reads the user from an oslo request context, and none from a context without one", () => {
    expect(contextUser(ctx(ME))).toBe(ME);
    expect(contextUser("-")).toBeNull();
    expect(contextUser("None req-1 None None - - default default")).toBeNull();
  });

  it("folds ids and queries out of a request to group calls by kind", () => {
    expect(requestShape(`GET /v3/${PROJECT}/os-quota-sets/${PROJECT}?usage=True`)).toBe("GET /v3/{id}/os-quota-sets/{id}");
    expect(requestShape("GET /api/block/image/images%2Fc9bb4aa7-104a-40d4-9dd0-d7d0bfcbc2d0")).toBe("GET /api/block/image/images/{id}");
  });

  it("counts only the request lines written since the mark: the bench user's per service, everyone else's apart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-logs-"));
    const files = {
      nova: "nova-api.log",
      glance: "glance-api.log",
      cinder: "cinder-api.log",
      neutron: "neutron-server.log",
      keystone: "keystone.log",
      ceph: "ceph-mgr.x.log",
    };
    for (const f of Object.values(files)) writeFileSync(join(dir, f), "");
    appendFileSync(join(dir, files.nova), nova(ME)); // before the mark: not counted
    appendFileSync(join(dir, files.keystone), keystone);
    const counter = realLogCounter(dir, () => ME);
    const mark = await counter.mark();
    appendFileSync(join(dir, files.nova), nova(ME) + nova(ME) + nova(OTHER));
    appendFileSync(join(dir, files.glance), glance(ctx(ME)) + glance("-"));
    appendFileSync(join(dir, files.cinder), cinder(ME));
    appendFileSync(join(dir, files.neutron), neutron(OTHER));
    appendFileSync(join(dir, files.keystone), keystone + keystone);
    appendFileSync(join(dir, files.ceph), ceph);
    appendFileSync(join(dir, files.nova), nova(ME).slice(0, 80)); // a line still being written
    expect(await counter.since(mark)).toEqual({
      byService: { compute: 2, image: 1, volume: 1, identity: 2, ceph: 1 },
      total: 7,
      others: { compute: 1, image: 1, network: 1 },
      byRequest: {
        "compute GET /v2.1/limits": 2,
        "image GET /v2/images": 1,
        "volume GET /v3/{id}/volumes/detail": 1,
        "identity GET /v3/auth/tokens": 2,
        "ceph GET /api/block/image/images/c9bb": 1,
      },
    });
  });
});
