import { dbPool } from "./client";
import type { Prisma } from "./generated/client";

/**
 * Runs one statement on the `pg` pool under Prisma, for the hottest paths (the actor on every
 * request, an article's annotations, creating an annotation): Prisma's raw query costs about
 * 0.3–0.5 ms more per read than pg's own on this hardware, and 8–14 ms more for create's write
 * statement under load (issue #15 item 2). A single statement is atomic on its own (autocommit).
 * Rows come as pg decodes them: text, numbers, booleans, and json/jsonb parsed. Not for reading
 * timestamps or bigints (pg reads a timestamp without time zone in the process's zone, and a
 * bigint as text): select them inside JSON or as text, as the list does.
 */
export async function fastRows<T>(sql: Prisma.Sql, name?: string): Promise<T[]> {
  // A name makes it a prepared statement on each pooled connection: planned once per connection
  // instead of on every call (the list's plan cost about 1 ms, issue #15). Only for a statement
  // whose text never varies under that name (pg refuses another text under a used name).
  const values = sql.values.map(toParameter);
  return (await dbPool().query(name ? { name, text: sql.text, values } : { text: sql.text, values })).rows as T[];
}

/**
 * pg would send a Date as local time with an offset, which a timestamp without time zone column
 * takes without the offset: dates go as ISO text in UTC instead, the way the app stores them
 * (PostgreSQL ignores the "Z" for such a column, as Prisma's own parameters rely on).
 */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return Array.isArray(value) ? value.map(toParameter) : value;
}
