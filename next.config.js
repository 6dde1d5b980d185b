/** @type {import('next').NextConfig} */
const nextConfig = {
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: { authInterrupts: true },
  // Native and driver packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // `npm test` (scripts/test.ts) has type-checked the whole project before it builds; doing it
  // again inside `next build` only costs time. Any other build still checks.
  typescript: { ignoreBuildErrors: process.env.FACTMARK_TYPECHECKED === "true" },
};

export default nextConfig;
