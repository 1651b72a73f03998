import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{bff,sim,lib,components,app,scripts,bench}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          globals: true,
          setupFiles: ["./tests/setup-unit.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          // The differential suite compares the sim with the real services: it has nothing to say on the sim stage
          // alone, where its 258 tests would only add skips to the summary.
          // tests/scale-out runs against the scale-out harness (its own project, below).
          exclude: ["node_modules/**", "tests/scale-out/**", ...(process.env.ZENITH_TARGET === "real" ? [] : ["tests/differential/**"])],
          environment: "node",
          globals: true,
          globalSetup: ["./tests/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // Two standalone replicas behind HAProxy with PostgreSQL: scripts/scale-out/run.sh starts them first.
          name: "scale-out",
          include: ["tests/scale-out/**/*.int.test.ts"],
          environment: "node",
          globals: true,
          globalSetup: ["./tests/scale-out/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
