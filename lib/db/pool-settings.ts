/**
 * How many PostgreSQL connections a process keeps and how long an interactive transaction may wait
 * for one and then run. Prisma's defaults (2 s to start, 5 s to finish) are shorter than a request
 * can queue on a busy 2-core machine: under 50 concurrent requests, transactions waited for one
 * of pg's 10 pooled connections past 2 s, or had their event-loop turns delayed past 5 s, and the
 * request answered 500 (Prisma P2028). Waiting longer is the backpressure working as intended;
 * the pool's size bounds what this process asks of the database.
 */
export type PoolSettings = { poolSize: number; transactionWaitMs: number; transactionTimeoutMs: number };

export const POOL_DEFAULTS: PoolSettings = { poolSize: 10, transactionWaitMs: 15_000, transactionTimeoutMs: 30_000 };

const VARIABLES: Record<keyof PoolSettings, string> = {
  poolSize: "FACTMARK_DB_POOL_SIZE",
  transactionWaitMs: "FACTMARK_DB_TRANSACTION_WAIT_MS",
  transactionTimeoutMs: "FACTMARK_DB_TRANSACTION_TIMEOUT_MS",
};

/** The settings from the environment (unset or empty: the default); a value that is not a positive whole number stops the start with its name. */
export function poolSettingsFromEnv(env: Record<string, string | undefined> = process.env): PoolSettings {
  const settings = { ...POOL_DEFAULTS };
  for (const key of Object.keys(VARIABLES) as (keyof PoolSettings)[]) {
    const raw = env[VARIABLES[key]]?.trim();
    if (!raw) continue;
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      throw new Error(`${VARIABLES[key]} must be a positive whole number (got "${raw}")`);
    settings[key] = Number(raw);
  }
  return settings;
}
