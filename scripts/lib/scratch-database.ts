// A throw-away, migrated database for a test run: on the server in DATABASE_URL when set,
// otherwise on an embedded PostgreSQL in a temporary folder.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase, migrate, startEmbeddedPostgres } from "./database";

export type ScratchDatabase = {
  url: string;
  /** The server's own URL, for creating further databases beside this one. */
  serverUrl: string;
  dispose: () => Promise<void>;
};

export async function createScratchDatabase(label: string, embeddedPort: number): Promise<ScratchDatabase> {
  const name = `factmark_${label}_${Date.now()}_${process.pid}`;
  const given = process.env.DATABASE_URL;
  if (given) {
    const url = await ensureDatabase(given, name);
    await migrate(url);
    return { url, serverUrl: given, dispose: () => dropDatabase(given, name) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `factmark-${label}-`));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user that must reach its data folder
  const server = await startEmbeddedPostgres(path.join(dir, "data"), embeddedPort);
  const url = await ensureDatabase(server.serverUrl, name);
  await migrate(url);
  return {
    url,
    serverUrl: server.serverUrl,
    dispose: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
