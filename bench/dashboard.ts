// The dashboard benchmark: a workspace of 1,000,000 annotations over 5,000 articles and 50
// reviewers, bulk-loaded by set-based SQL (not through the API), then every dashboard and
// agreement query timed through the app (Prisma) and through plain pg, in a separate process.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { parseDatabaseUrl } from "../lib/db/connection";
import { DEFAULT_VERDICT_OPTIONS } from "../lib/verdicts/default-scale";
import { round } from "./stats";

export const DASHBOARD_SLUG = "dashboard-bench";

// Claims varied enough for the search benchmark (bench/search.ts) to meet realistic term
// frequencies: 40 subjects (about 2.5% of claims each), 12 verbs, 24 places, 500 figures, 3 units
// and 16 years. The dashboards never read the text.
export const BENCH_SUBJECTS = [
  "unemployment",
  "inflation",
  "crime",
  "wages",
  "rents",
  "house prices",
  "waiting lists",
  "tuition fees",
  "fuel duty",
  "emissions",
  "immigration",
  "exports",
  "imports",
  "tax receipts",
  "child poverty",
  "homelessness",
  "obesity",
  "smoking",
  "knife crime",
  "teacher numbers",
  "nurse numbers",
  "police numbers",
  "energy bills",
  "water bills",
  "rail fares",
  "bus routes",
  "GP appointments",
  "drug deaths",
  "road deaths",
  "air pollution",
  "recycling",
  "broadband coverage",
  "defence spending",
  "foreign aid",
  "national debt",
  "borrowing",
  "pensions",
  "benefit claims",
  "student debt",
  "food prices",
];
export const BENCH_VERBS = [
  "rose",
  "fell",
  "doubled",
  "halved",
  "increased",
  "dropped",
  "grew",
  "declined",
  "climbed",
  "tripled",
  "shrank",
  "jumped",
];
export const BENCH_PLACES = [
  "in London",
  "in Scotland",
  "in Wales",
  "nationally",
  "in the north",
  "in Manchester",
  "in Leeds",
  "in Birmingham",
  "in Glasgow",
  "in Cardiff",
  "in Belfast",
  "in Bristol",
  "in the south west",
  "in rural areas",
  "in coastal towns",
  "in the capital",
  "across England",
  "in the Midlands",
  "in Yorkshire",
  "in Cornwall",
  "in Kent",
  "in Liverpool",
  "in Newcastle",
  "in Sheffield",
];
const sqlArray = (words: string[]) => `ARRAY[${words.map((w) => `'${w.replace(/'/g, "''")}'`).join(", ")}]`;
const BENCH_CLAIM_SQL = `initcap((${sqlArray(BENCH_SUBJECTS)})[1 + g % 40]) || ' ' || (${sqlArray(BENCH_VERBS)})[1 + (g / 40) % 12]
  || ' by ' || round(((g * 37) % 500) / 10.0, 1)
  || (ARRAY[' percent', ' million', ' thousand'])[1 + (g / 7) % 3] || ' '
  || (${sqlArray(BENCH_PLACES)})[1 + (g / 480) % 24] || ' since ' || (2008 + g % 16)`;
const ARTICLES = 5_000;
const REVIEWERS = 50;

/**
 * Loads the workspace in one transaction; returns ms (VACUUM ANALYZE included, as a desk's
 * autovacuum would have run). Per article about 200 annotations, about 60 characters apart with
 * lengths of 30–90, so neighbours often overlap (pairs for agreement); statuses 10% draft, 20%
 * submitted, 5% changes requested, 40% approved, 25% published; created over two years; 1% orphaned.
 * Article texts are placeholders: no dashboard reads them.
 */
export async function generateDashboardDesk(client: pg.Client, total: number): Promise<number> {
  const started = performance.now();
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES ('bdws', $1, 'Dashboard bench desk', now())`,
    [DASHBOARD_SLUG],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt")
     SELECT 'cbduser' || lpad(g::text, 18, '0'), 'dashboard-bench-' || g || '@example.com', CASE WHEN g = 0 THEN 'Bench Editor'
       ELSE 'Reviewer ' || g END, 'x', now() FROM generate_series(0, $1) g`,
    [REVIEWERS],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt")
     SELECT 'bdmember' || g, 'bdws', 'cbduser' || lpad(g::text, 18, '0'), (CASE WHEN g = 0 THEN 'EDITOR' ELSE 'REVIEWER' END)::"Role", now()
       FROM generate_series(0, $1) g`,
    [REVIEWERS],
  );
  await client.query(
    `INSERT INTO "VerdictScale" (id, "workspaceId", name, "updatedAt") VALUES ('bdscale', 'bdws', 'Default', now())`,
  );
  for (const [i, option] of DEFAULT_VERDICT_OPTIONS.entries()) {
    await client.query(
      `INSERT INTO "VerdictOption" (id, "scaleId", key, label, color, position, rating, "updatedAt") VALUES ($1, 'bdscale', $2, $3, $4, $5, $6, now())`,
      [`bdopt${i}`, option.key, option.label, option.color, i, option.rating],
    );
  }
  await client.query(
    `INSERT INTO "Article" (id, "workspaceId", title, "createdAt", "updatedAt")
     SELECT 'cbdart' || lpad(g::text, 18, '0'), 'bdws', 'Bench article ' || g, now() - (g || ' minutes')::interval, now() FROM generate_series(1, $1) g`,
    [ARTICLES],
  );
  await client.query(
    `INSERT INTO "ArticleRevision" (id, "articleId", number, body, text, "textHash")
     SELECT 'cbdrev' || lpad(g::text, 18, '0'), 'cbdart' || lpad(g::text, 18, '0'), 1, '[]'::jsonb, 'placeholder', 'x' FROM generate_series(1, $1) g`,
    [ARTICLES],
  );
  await client.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", start, "end", quote, prefix, suffix, claim, "verdictOptionId", status, placement,
                               "authorId", "createdAt", "updatedAt", "submittedAt", "approvedAt")
     SELECT 'cbdann' || lpad(g::text, 18, '0'), 'bdws', 'cbdart' || lpad(art::text, 18, '0'), 'cbdrev' || lpad(art::text, 18, '0'),
            s, s + 30 + (g * 7) % 60, 'quote', '', '', ${BENCH_CLAIM_SQL}, 'bdopt' || ((g * 31) % 7),
            st::"AnnotationStatus", (CASE WHEN g % 100 = 0 THEN 'ORPHANED' ELSE 'ANCHORED' END)::"Placement",
            'cbduser' || lpad((1 + (g * 7 + g / $2) % $3)::text, 18, '0'), created, created,
            CASE WHEN st <> 'DRAFT' THEN created + interval '1 hour' END,
            CASE WHEN st IN ('APPROVED', 'PUBLISHED') THEN created + ((1 + g % 96) || ' hours')::interval END
     FROM generate_series(1, $1::bigint) g,
     LATERAL (SELECT 1 + g % $2 AS art, (g / $2) * 60 + (g * 13) % 30 AS s,
                     now() - (((g * 7919) % (730 * 24)) || ' hours')::interval AS created,
                     CASE WHEN (g * 17) % 20 < 2 THEN 'DRAFT' WHEN (g * 17) % 20 < 6 THEN 'SUBMITTED' WHEN (g * 17) % 20 < 7 THEN 'CHANGES_REQUESTED'
                          WHEN (g * 17) % 20 < 15 THEN 'APPROVED' ELSE 'PUBLISHED' END AS st) x`,
    [total, ARTICLES, REVIEWERS],
  );
  await client.query("COMMIT");
  await client.query(`VACUUM ANALYZE "Annotation"`);
  await client.query(`ANALYZE`);
  return performance.now() - started;
}

export type DashboardTiming = { name: string; rows: number; appP50Ms: number; pgP50Ms: number; ratio: number };
export type DashboardBench = Awaited<ReturnType<typeof benchDashboard>>;

export async function benchDashboard(databaseUrl: string, total: number) {
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  let generationMs: number;
  try {
    console.log(
      `Generating ${total.toLocaleString("en")} annotations over ${ARTICLES.toLocaleString("en")} articles and ${REVIEWERS} reviewers…`,
    );
    generationMs = await generateDashboardDesk(client, total);
  } finally {
    await client.end();
  }
  console.log("Timing the dashboard queries (p50 of 20 each, app and plain pg)…");
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "bench/dashboard-worker.ts", DASHBOARD_SLUG],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const measured = JSON.parse(stdout.trim().split("\n").pop()!) as {
    queries: DashboardTiming[];
    pages: { name: string; p50Ms: number }[];
  };
  return {
    annotations: total,
    articles: ARTICLES,
    reviewers: REVIEWERS,
    generationSeconds: round(generationMs / 1000, 1),
    ...measured,
  };
}

/** Dashboards' target (#15): every page's data under this at 1,000,000 annotations. */
export const DASHBOARD_TARGET_MS = 300;

export function reportDashboard(d: DashboardBench) {
  console.log(
    `
Dashboards (${d.annotations.toLocaleString("en")} annotations, ${d.articles.toLocaleString("en")} articles, ${d.reviewers} reviewers, ` +
      `bulk-loaded in ${d.generationSeconds} s; p50 of 20)`,
  );
  console.log(
    `  query                               rows   app ms   pg ms   ratio   (targets: < ${DASHBOARD_TARGET_MS} ms, ratio < 1.3)`,
  );
  for (const q of d.queries) {
    console.log(
      `  ${q.name.padEnd(34)} ${String(q.rows).padStart(6)}  ${String(q.appP50Ms).padStart(7)}  ${String(q.pgP50Ms).padStart(6)}  ` +
        `${String(q.ratio).padStart(6)}`,
    );
  }
  console.log("  each page's data as the app loads it (queries in parallel, filters checked, figures shaped):");
  for (const p of d.pages)
    console.log(
      `  ${p.name.padEnd(34)} ${String(p.p50Ms).padStart(7)} ms   (target < ${DASHBOARD_TARGET_MS} ms) ${p.p50Ms < DASHBOARD_TARGET_MS ? "ok" : "MISSED"}`,
    );
}

// Alone: `npx tsx bench/dashboard.ts [annotations]` on a scratch database of its own (no server).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createScratchDatabase } = await import("../scripts/lib/scratch-database");
  const database = await createScratchDatabase("benchdashboard", 54339);
  try {
    reportDashboard(await benchDashboard(database.url, Number(process.argv[2] ?? 1_000_000)));
  } finally {
    await database.dispose();
  }
}
