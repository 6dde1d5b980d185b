// The revision benchmark: revise the 2,000-annotation article in its own process (lib needs the
// react-server condition) and report the time and how the annotations fared.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { round } from "./stats";

export async function benchReanchor(databaseUrl: string, articleId: string) {
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "bench/reanchor-worker.ts", articleId],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
    },
  );
  const result = JSON.parse(stdout.trim().split("\n").pop()!) as {
    annotations: number;
    totalMs: number;
    pureMs: number;
    exact: number;
    fuzzy: number;
    orphan: number;
  };
  const share = (n: number) => round((100 * n) / Math.max(1, result.annotations), 1);
  return {
    annotations: result.annotations,
    totalMs: round(result.totalMs),
    perAnnotationMs: round(result.totalMs / Math.max(1, result.annotations), 2),
    pureMs: round(result.pureMs),
    shares: { exact: share(result.exact), fuzzy: share(result.fuzzy), orphan: share(result.orphan) },
  };
}
