import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { linkLatest } from "./readme-link";

describe("bench:ui README link", () => {
  it("points at the newest result per target between the markers and leaves the rest of README alone", () => {
    const dir = mkdtempSync(join(tmpdir(), "bench-readme-"));
    const readme = join(dir, "README.md");
    writeFileSync(readme, "## Tests\n\ntext\n<!-- bench:ui latest -->\nold link\n<!-- /bench:ui latest -->\nafter\n");
    for (const f of ["ui-2026-11-29-sim.md", "ui-2026-11-30-sim.md", "ui-2026-11-30-sim.json", "ui-2026-11-28-real.md"])
      writeFileSync(join(dir, f), "");
    linkLatest(readme, dir);
    expect(readFileSync(readme, "utf8")).toBe(
      "## Tests\n\ntext\n<!-- bench:ui latest -->\nLatest `npm run bench:ui` results: [sim](bench/results/ui-2026-11-30-sim.md), [real](bench/results/ui-2026-11-28-real.md).\n<!-- /bench:ui latest -->\nafter\n",
    );
  });
});
