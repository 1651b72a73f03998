import { mergeActions } from "./recent-actions";

const act = (action: string, at: string, user = "u1") => ({
  action,
  instance_uuid: "x",
  request_id: `req-${action}-${at}`,
  user_id: user,
  project_id: "p",
  start_time: at,
  message: null,
});

describe("mergeActions", () => {
  it("merges every server's log newest first, flags the user's own, and keeps at most max", () => {
    const out = mergeActions(
      [
        {
          server: { id: "a", name: "web" },
          actions: [act("reboot", "2026-11-30T10:05:00.000000"), act("create", "2026-11-30T09:00:00.000000")],
        },
        { server: { id: "b", name: "db" }, actions: [act("stop", "2026-11-30T10:01:00.000000", "u2")] },
      ],
      "u1",
      2,
    );
    expect(out).toEqual([
      {
        serverId: "a",
        serverName: "web",
        action: "reboot",
        at: "2026-11-30T10:05:00.000000",
        requestId: "req-reboot-2026-11-30T10:05:00.000000",
        mine: true,
        message: null,
      },
      {
        serverId: "b",
        serverName: "db",
        action: "stop",
        at: "2026-11-30T10:01:00.000000",
        requestId: "req-stop-2026-11-30T10:01:00.000000",
        mine: false,
        message: null,
      },
    ]);
  });
});
