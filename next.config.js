/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // The stylesheet (about 4 KB gzipped) goes inside each page's first bytes instead of a
    // render-blocking request to a server that is still busy rendering the rest of the page (#15).
    inlineCss: true,
  },
  // Native and driver packages load from node_modules at run time rather than being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  // `npm test` (scripts/test.ts) has type-checked the whole project before it builds; doing it
  // again inside `next build` only costs time. Any other build still checks.
  typescript: { ignoreBuildErrors: process.env.FACTMARK_TYPECHECKED === "true" },
};

export default nextConfig;
