// Prisma 6.19 with the WebAssembly schema engine and a driver adapter, so that no native
// engine is downloaded (see ../shared/STACK.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { parseDatabaseUrl } from "./lib/db/connection";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL must be set to run migrations");
    return new PrismaPg(parseDatabaseUrl(url));
  },
});
