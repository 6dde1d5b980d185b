// Runs the app's server (scripts/serve.ts: Next behind its front door) from the production
// build against a given database, for the e2e tests and the benchmarks, and stops it again; or,
// with `dir`, another Next.js project's build behind the same front door (bench/floor).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

/** `pid` is the launcher's (tsx); the app runs in a child of it, so measure the process tree. */
export type NextServer = { url: string; pid: number; stop: () => Promise<void> };

export async function startNextServer(options: {
  port: number;
  /** The app's database; a project of `dir` has none. */
  databaseUrl?: string;
  /** Another Next.js project's folder, built; answers on `/` when ready. */
  dir?: string;
  quiet?: boolean;
  env?: Record<string, string>;
}): Promise<NextServer> {
  const url = `http://localhost:${options.port}`;
  const args = ["scripts/serve.ts", "--port", String(options.port), ...(options.dir ? ["--dir", options.dir] : [])];
  const child = spawn(path.resolve("node_modules/.bin/tsx"), args, {
    stdio: options.quiet ? "ignore" : "inherit",
    env: {
      ...process.env,
      ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}${options.dir ? "/" : "/login"}`)).ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error("the app server did not answer within a minute");
}
