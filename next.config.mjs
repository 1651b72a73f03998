/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server in .next/standalone (server.js + the traced node_modules), which
  // scripts/serve-standalone.sh runs as a non-root user; `next start` (npm start, e2e) serves the same build.
  output: "standalone",
  // better-sqlite3 is only used by the sim; the BFF never bundles it.
  serverExternalPackages: ["better-sqlite3", "prom-client"],
  typedRoutes: false,
  experimental: {
    // Merge the small client chunks of each layout and page group (default 50 kB): fewer files gzip smaller (measured
    // by bench/first-load.bench.ts). Chunks stay per group, so pages still share the layouts' chunks.
    turbopackChunking: { minChunkSize: 200_000 },
  },
};
export default nextConfig;
