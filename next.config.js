/** @type {import('next').NextConfig} */
const nextConfig = {
  // The server runs Node-only packages (pg, the Prisma client, the carriers' clients, Redis's) that must not be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "twilio", "smpp", "redis"],
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
