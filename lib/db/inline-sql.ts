import { escapeLiteral } from "pg";
import type { Prisma } from "./generated/client";

/**
 * A Prisma.Sql statement as one SQL text with its values written in as literals, for the one
 * place PostgreSQL takes no bind parameters: `COPY (query) TO STDOUT` (lib/db/copy-out.ts). Only
 * the value types our statements pass are accepted (strings, finite numbers, booleans, null,
 * dates), each written the way the parameter would have been read; anything else throws rather
 * than guessing. Strings go through pg's escapeLiteral (quotes doubled, an E'' literal when a
 * backslash is present), so a value can never end its literal.
 */
export function inlineSql(sql: Prisma.Sql): string {
  let text = sql.strings[0];
  for (let i = 0; i < sql.values.length; i++) text += literal(sql.values[i]) + sql.strings[i + 1];
  return text;
}

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return escapeLiteral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`inlineSql: ${value} is not a finite number`);
    return `(${value})`;
  }
  // Timestamps are stored as UTC without a zone; the ISO text's "Z" is ignored on input, as for a parameter.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("inlineSql: invalid date");
    return escapeLiteral(value.toISOString());
  }
  throw new Error(`inlineSql: cannot write a ${typeof value} as a literal`);
}
