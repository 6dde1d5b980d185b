import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { parseDatabaseUrl } from "./connection";
import { poolSettingsFromEnv, type PoolSettings } from "./pool-settings";

/**
 * A Prisma client on the Rust-free runtime, talking to PostgreSQL through a `pg` pool of
 * `settings.poolSize` connections, with the transaction wait and timeout every `$transaction`
 * gets unless it names its own (lib/db/pool-settings.ts).
 */
export function createPrismaClient(databaseUrl: string, settings: PoolSettings = poolSettingsFromEnv()): PrismaClient {
  return createDatabase(databaseUrl, settings).prisma;
}

/**
 * The Prisma client and the `pg` pool under it, for the few statements Prisma cannot stream
 * (lib/db/copy-out.ts): sharing the pool keeps FACTMARK_DB_POOL_SIZE the one bound on what a
 * process asks of the database.
 */
export function createDatabase(
  databaseUrl: string,
  settings: PoolSettings = poolSettingsFromEnv(),
): { prisma: PrismaClient; pool: pg.Pool } {
  const pool = new pg.Pool({ ...parseDatabaseUrl(databaseUrl), max: settings.poolSize });
  const prisma = new PrismaClient({
    // Prisma ends the pool when it disconnects, as it did the pool it made itself.
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: settings.transactionWaitMs, timeout: settings.transactionTimeoutMs },
  });
  return { prisma, pool };
}

export type { PrismaClient };
