import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { parseDatabaseUrl } from "./connection";
import { poolSettingsFromEnv, type PoolSettings } from "./pool-settings";

/**
 * A Prisma client on the Rust-free runtime, talking to PostgreSQL through a `pg` pool of
 * `settings.poolSize` connections, with the transaction wait and timeout every `$transaction`
 * gets unless it names its own (lib/db/pool-settings.ts).
 */
export function createPrismaClient(databaseUrl: string, settings: PoolSettings = poolSettingsFromEnv()): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ ...parseDatabaseUrl(databaseUrl), max: settings.poolSize }),
    transactionOptions: { maxWait: settings.transactionWaitMs, timeout: settings.transactionTimeoutMs },
  });
}

export type { PrismaClient };
