import pg from "pg";

/**
 * Counts the statements the app sends to PostgreSQL while `work` runs: every round trip goes
 * through pg's Client#query (Prisma's pg adapter, raw queries, BEGIN and COMMIT alike). Tests run
 * one at a time per file, so nothing else is counted.
 */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    queries.push(typeof first === "string" ? first : (first?.text ?? "?"));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await work(), queries };
  } finally {
    pg.Client.prototype.query = original;
  }
}
