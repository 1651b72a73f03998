/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server in .next/standalone (server.js + the traced node_modules), which
  // scripts/serve-standalone.sh runs as a non-root user; `next start` (npm start, e2e) serves the same build.
  output: "standalone",
  // Native or optional-require packages load from node_modules at run time: better-sqlite3 (the sim, and the BFF's
  // SQLite database) and pg (its PostgreSQL, whose optional pg-native a bundler would try to resolve).
  serverExternalPackages: ["better-sqlite3", "pg", "prom-client"],
  typedRoutes: false,
  experimental: {
    // Merge the small client chunks of each layout and page group (default 50 kB): fewer files gzip smaller (measured
    // by bench/first-load.bench.ts). Chunks stay per group, so pages still share the layouts' chunks.
    turbopackChunking: { minChunkSize: 200_000 },
  },
};
export default nextConfig;
