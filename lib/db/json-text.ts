import { Prisma } from "./generated/client";

/**
 * SQL that writes a timestamp(3) column (stored as UTC without a zone) as Date.toISOString
 * writes it, for JSON text assembled by PostgreSQL that must match JSON.stringify byte for byte
 * (the native export, the annotation list). Null stays null.
 */
export function isoTimestampSql(column: string): Prisma.Sql {
  return Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}
