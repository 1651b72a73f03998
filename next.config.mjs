/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // better-sqlite3 is only used by the sim; the BFF never bundles it.
  serverExternalPackages: ["better-sqlite3"],
  typedRoutes: false,
};
export default nextConfig;
