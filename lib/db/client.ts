import "server-only";
import type pg from "pg";
import { createDatabase, type PrismaClient } from "./create-client";

// One client per process, kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForDb = globalThis as unknown as { factmarkDb?: { prisma: PrismaClient; pool: pg.Pool } };

function database() {
  if (globalForDb.factmarkDb) return globalForDb.factmarkDb;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
  return (globalForDb.factmarkDb = createDatabase(url));
}

/**
 * The app's database client, created on first use rather than at import, so `next build`
 * can load modules without a database. Only modules under lib/ import it.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = database().prisma;
    const value = Reflect.get(target, property);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** The `pg` pool under `db`, for statements streamed past Prisma (lib/db/copy-out.ts). */
export const dbPool = (): pg.Pool => database().pool;
