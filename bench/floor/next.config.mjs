// The framework floor (bench/floor.ts): the smallest Next.js page that does what the article page
// must, built with the app's own Next.js and React from the repository's node_modules.
import path from "node:path";

/** @type {import('next').NextConfig} */
const config = {
  // The repository is the workspace root (its node_modules and lockfile), this folder the project.
  turbopack: { root: path.resolve(import.meta.dirname, "../..") },
  experimental: { inlineCss: true },
  poweredByHeader: false,
};

export default config;
