// Times each dashboard query through the app's Prisma client and through a plain pg client, with
// the same SQL text and values, p50 of 20 runs each, then each whole page's data as the app
// loads it. Run by bench/dashboard.ts: tsx --conditions=react-server bench/dashboard-worker.ts <slug>
import pg from "pg";
import type { Prisma } from "../lib/db/generated/client";
import { parseDatabaseUrl } from "../lib/db/connection";
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { dashboardQueries, getDashboard } from "../lib/dashboard/dashboard";
import { AGREEMENT_ARTICLES, DISAGREEMENTS, getAgreementReport } from "../lib/dashboard/agreement";
import { dashboardFilterSchema, resolveFilters } from "../lib/dashboard/filters";
import { disagreementsSql, pairMatrixSql, unsafeRunAggregate } from "../lib/dashboard/sql";
import { median, round, timeCalls } from "./stats";

const RUNS = 20;
const actor = await unsafeCommandLineActor({ workspaceSlug: process.argv[2], email: "dashboard-bench-0@example.com" });
const client = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
await client.connect();

const today = new Date();
const ninetyDaysAgo = new Date(today.getTime() - 90 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const views: Record<string, object> = {
  "whole desk": {},
  "last 90 days": { from: ninetyDaysAgo, to: today.toISOString().slice(0, 10) },
  "one reviewer": { reviewer: "cbduser000000000000000007" },
  // Two years whose ends fall mid-week: whole weeks from the tallies, the edges from rows, top articles from rows.
  "two years, mid-week ends": {
    from: new Date(today.getTime() - 729 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10),
    to: today.toISOString().slice(0, 10),
  },
  "one verdict": { verdict: "false" },
  // The fallback: one article's rows.
  "one article": { article: "cbdart000000000000000001" },
};

const queries: { name: string; rows: number; appP50Ms: number; pgP50Ms: number; ratio: number }[] = [];
const pages: { name: string; p50Ms: number }[] = [];
for (const [view, raw] of Object.entries(views)) {
  const filters = await resolveFilters(actor, dashboardFilterSchema.parse(raw));
  const sqls: Record<string, Prisma.Sql> = {
    ...dashboardQueries(filters, today),
    agreementMatrix: pairMatrixSql(filters, AGREEMENT_ARTICLES),
    disagreements: disagreementsSql(filters, DISAGREEMENTS),
  };
  for (const [name, sql] of Object.entries(sqls)) {
    // One warm-up each, so both sides start with the same caches.
    const rows = (await unsafeRunAggregate<unknown[]>(sql)).length;
    await client.query(sql.text, sql.values as unknown[]);
    const app = await timeCalls(RUNS, () => unsafeRunAggregate(sql));
    const bare = await timeCalls(RUNS, () => client.query(sql.text, sql.values as unknown[]));
    queries.push({
      name: `${view}: ${name}`,
      rows,
      appP50Ms: round(median(app)),
      pgP50Ms: round(median(bare)),
      ratio: round(median(app) / median(bare), 2),
    });
  }
  // Each page's data as the app loads it: filters checked, queries in parallel, figures shaped.
  pages.push({
    name: `${view}: dashboard`,
    p50Ms: round(median(await timeCalls(RUNS, () => getDashboard({ actor, filters: raw, now: today })))),
  });
  pages.push({
    name: `${view}: agreement`,
    p50Ms: round(median(await timeCalls(RUNS, () => getAgreementReport({ actor, filters: raw })))),
  });
}
await client.end();
console.log(JSON.stringify({ queries, pages }));
process.exit(0);
