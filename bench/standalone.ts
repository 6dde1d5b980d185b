// Running one server-side benchmark alone (`npx tsx bench/<name>.ts`, after `next build`): a
// scratch database with the demo desk, the production server on port 3300 (hold the shared flock
// on a shared machine), and a reviewer's session; everything is stopped afterwards.
import type { PrismaClient } from "../lib/db/create-client";

export async function runAlone<T>(options: {
  label: string;
  /** The embedded database's port when DATABASE_URL is not set (see README "Configuration"). */
  embeddedPort: number;
  /** What the benchmark needs in the database beyond the demo desk. */
  prepare?: (db: PrismaClient) => Promise<T>;
  run: (url: string, reviewerCookie: string, prepared: T, databaseUrl: string) => Promise<void>;
}) {
  const { createScratchDatabase } = await import("../scripts/lib/scratch-database");
  const { startNextServer } = await import("../scripts/lib/next-server");
  const { createPrismaClient } = await import("../lib/db/create-client");
  const { DEMO_PASSWORD, seedDemoWorkspace } = await import("../prisma/seed");
  const { signInCookie } = await import("../scripts/lib/http-sign-in");
  const database = await createScratchDatabase(options.label, options.embeddedPort);
  const db = createPrismaClient(database.url);
  await seedDemoWorkspace(db);
  const prepared = (await options.prepare?.(db)) as T;
  await db.$disconnect();
  // 3300 unless BENCH_STANDALONE_PORT names another free port (outside the fixed ones others lock).
  const port = Number(process.env.BENCH_STANDALONE_PORT || 3300);
  const server = await startNextServer({ port, databaseUrl: database.url, quiet: true });
  try {
    await options.run(
      server.url,
      await signInCookie(server.url, "reviewer@example.com", DEMO_PASSWORD),
      prepared,
      database.url,
    );
  } finally {
    await server.stop();
    await database.dispose();
  }
}
