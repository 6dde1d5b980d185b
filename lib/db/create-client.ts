import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { parseDatabaseUrl } from "./connection";

/** A Prisma client on the Rust-free runtime, talking to PostgreSQL through `pg`. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(parseDatabaseUrl(databaseUrl)) });
}

export type { PrismaClient };
