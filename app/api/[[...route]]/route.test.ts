import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

describe("the BFF's Next route module", () => {
  it("loads without reading the session secret (next build imports it): the demo secret is made on the first request", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zenith-route-"));
    const saved = { ...process.env };
    process.env.ZENITH_DATA_DIR = dir;
    delete process.env.ZENITH_SESSION_SECRET;
    delete process.env.ZENITH_SESSION_SECRET_PREVIOUS;
    try {
      const route = await import("./route");
      expect(existsSync(join(dir, "session-secret"))).toBe(false);
      const res = await route.GET(new Request("http://127.0.0.1:3000/api/auth/session"));
      expect(res.status).toBe(401);
      expect(existsSync(join(dir, "session-secret"))).toBe(true);
    } finally {
      process.env = saved;
    }
  });
});
