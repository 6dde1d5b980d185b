// A public check page beside the framework's floor, `GET /api/auth/csrf` (next-auth, no database),
// under 50 connections in the same run on the same server (issue #14). Target: at least as many
// requests per second as csrf. Also counts the database transactions the page's requests cost,
// which the data cache should hold near zero (a spike after publication costs no database work).
// Runs inside `npm run bench`, or alone: `npx tsx bench/public.ts` (needs `next build`; serves on
// port 3300, under the shared flock on a shared machine).
import pg from "pg";
import type { PrismaClient } from "../lib/db/create-client";
import { callsConcurrently, percentile, round, timeCalls, timed } from "./stats";

const CONNECTIONS = 50;
const SECONDS = 5;
const CALLS = 200;

export type PublicBench = {
  connections: number;
  csrf: { p50: number; reqPerSec: number };
  check: {
    p50: number;
    reqPerSec: number;
    ratioThroughput: number;
    requests: number;
    databaseTransactions: number;
    bytes: number;
  };
};

/** The id of a published check of the demo desk (the seed publishes one). */
export async function publicCheckId(db: PrismaClient): Promise<string> {
  return (
    await db.annotation.findFirstOrThrow({
      where: { status: "PUBLISHED", deletedAt: null, supersededAt: null },
      select: { id: true },
    })
  ).id;
}

export async function benchPublic(url: string, databaseUrl: string, checkId: string): Promise<PublicBench> {
  const get = (path: string) => async () => {
    const response = await fetch(`${url}${path}`);
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return body.byteLength;
  };
  const csrf = get("/api/auth/csrf");
  const check = get(`/checks/${checkId}`);
  await timeCalls(20, () => Promise.all([csrf(), check()]));
  const times = { csrf: [] as number[], check: [] as number[] };
  await timeCalls(CALLS, async () => {
    times.csrf.push(await timed(csrf));
    times.check.push(await timed(check));
  });

  // Transactions committed in the app's database while only the public page is being read.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const commits = async () =>
    Number(
      (await client.query(`SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()`)).rows[0]
        .xact_commit,
    );
  const csrfRate = await throughput(csrf);
  // Backends report their counts to the statistics lazily (within 10 s of going idle): wait that
  // out on both sides, and read afresh each time.
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    await client.query("SELECT pg_stat_clear_snapshot()");
    return commits();
  };
  const before = await settled();
  const checkRun = await throughputCounted(check);
  const after = await settled();
  await client.end();
  const p50 = (v: number[]) => round(percentile(v, 50), 2);
  return {
    connections: CONNECTIONS,
    csrf: { p50: p50(times.csrf), reqPerSec: round(csrfRate) },
    check: {
      p50: p50(times.check),
      reqPerSec: round(checkRun.rate),
      ratioThroughput: round(checkRun.rate / csrfRate, 2),
      requests: checkRun.done,
      // Minus our own statements between the two readings (clear snapshot, the count itself).
      databaseTransactions: Math.max(0, after - before - 2),
      bytes: await check(),
    },
  };
}

const throughputCounted = (call: () => Promise<unknown>) => callsConcurrently(call, CONNECTIONS, SECONDS);
const throughput = async (call: () => Promise<unknown>) => (await throughputCounted(call)).rate;

export function reportPublic(r: PublicBench) {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log(
    `\nPublic check page beside GET /api/auth/csrf, same server and run (${r.connections} connections for ${SECONDS} s each)`,
  );
  console.log(`  GET /api/auth/csrf        p50 ${r.csrf.p50} ms, ${r.csrf.reqPerSec} req/s`);
  console.log(
    `  GET /checks/<id>          p50 ${r.check.p50} ms, ${r.check.reqPerSec} req/s (${r.check.ratioThroughput}×, target ≥ 1×) ` +
      `${mark(r.check.ratioThroughput >= 1)}, ${r.check.bytes} bytes`,
  );
  console.log(
    `                            ${r.check.databaseTransactions} database transactions for ${r.check.requests} requests`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runAlone } = await import("./standalone");
  await runAlone({
    label: "benchpublic",
    embeddedPort: 54339,
    prepare: publicCheckId,
    run: async (url, _cookie, checkId, databaseUrl) => reportPublic(await benchPublic(url, databaseUrl, checkId)),
  });
}
