// `npm start` (production build) and `npm run dev` (next dev): provide a database, migrate,
// seed the demo workspace, then run Next. Embedded PostgreSQL stays out of Next's bundle.
import { spawn, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { APP_DATA_DIR, EMBEDDED_PORT, migrate, openAppDatabase } from "./lib/database";
import { createPrismaClient } from "../lib/db/create-client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoWorkspace } from "../prisma/seed";

const mode = process.argv[2] === "dev" ? "dev" : "start";
const dataDir = APP_DATA_DIR;
const port = Number(process.env.PORT ?? 3000);
const production = process.env.NODE_ENV === "production";
const next = path.resolve("node_modules/.bin/next");
const tsx = path.resolve("node_modules/.bin/tsx");

function fail(message: string): never {
  console.error(`factmark: ${message}`);
  process.exit(1);
}

/** A real secret in production; locally one is generated once and kept in the data folder. */
function resolveSecret(): string {
  const given = process.env.NEXTAUTH_SECRET;
  if (production) {
    if (!given || given.length < 32 || /change-?me|secret/i.test(given)) {
      fail(
        "NODE_ENV=production needs NEXTAUTH_SECRET set to a random value of at least 32 characters (openssl rand -base64 32).",
      );
    }
    return given;
  }
  if (given) return given;
  const file = path.join(dataDir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function resolveDatabase() {
  const database = await openAppDatabase();
  if (database.embedded)
    console.log(
      `factmark: embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT}, data in ${path.relative(process.cwd(), dataDir)}/postgres`,
    );
  return database;
}

async function seedIfWanted(url: string) {
  if (process.env.FACTMARK_SEED_DEMO === "false") return;
  const db = createPrismaClient(url);
  try {
    if (await seedDemoWorkspace(db)) console.log("factmark: seeded the demo workspace");
  } finally {
    await db.$disconnect();
  }
}

async function waitUntilServing(url: string, child: ReturnType<typeof spawn>) {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${url}/login`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const secret = resolveSecret();
  const { url, embedded } = await resolveDatabase();
  let stopping = false;
  const stopDatabase = async () => {
    if (embedded) await embedded.stop().catch((error) => console.error("factmark: stopping PostgreSQL failed:", error));
  };

  try {
    await migrate(url);
    await seedIfWanted(url);
  } catch (error) {
    await stopDatabase();
    fail(`preparing the database failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const appUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    DATABASE_URL: url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: appUrl,
    PORT: String(port),
  };
  if (mode === "start" && process.env.FACTMARK_SKIP_BUILD !== "true") {
    execFileSync(next, ["build"], { env, stdio: "inherit" });
  }
  const child = spawn(tsx, ["scripts/serve.ts", ...(mode === "dev" ? ["--dev"] : []), "--port", String(port)], {
    env,
    stdio: "inherit",
  });

  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
    await new Promise((resolve) => (child.exitCode === null ? child.once("exit", resolve) : resolve(null)));
    await stopDatabase();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code) => {
    if (stopping) return;
    await stopDatabase();
    process.exit(code ?? 1);
  });

  if (await waitUntilServing(appUrl, child)) {
    console.log(`\nFactmark is running at ${appUrl}/login`);
    if (process.env.FACTMARK_SEED_DEMO !== "false") {
      console.log(`Demo logins (password "${DEMO_PASSWORD}"):`);
      for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(24)} ${user.role}`);
    }
  }
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
