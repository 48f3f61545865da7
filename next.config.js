/** @type {import('next').NextConfig} */
const nextConfig = {
  // The server runs Node-only packages (pg, the Prisma client) that must not be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
