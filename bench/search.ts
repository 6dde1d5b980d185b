// The search benchmark (issue #13) on the dashboard benchmark's desk (bench/dashboard.ts, 1,000,000
// annotations): how long the search index takes to build and how big it is, then search and
// "Checked before" timed through the app in a separate process, and matching quality through the
// real index on the labelled set (tests/fixtures/claim-pairs.json).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { parseDatabaseUrl } from "../lib/db/connection";
import { DEFAULT_VERDICT_OPTIONS } from "../lib/verdicts/default-scale";
import { CLAIM_CORPUS } from "../tests/support/claim-matching";
import { DASHBOARD_SLUG } from "./dashboard";
import { round } from "./stats";

export const CLAIMS_SLUG = "claims-bench";
const INDEXES = [
  "Annotation_searchVector_idx",
  "Annotation_claim_trgm_idx",
  "Article_searchVector_idx",
  "Article_title_trgm_idx",
];

/** The labelled set's checks as published annotations of a small English desk of their own. */
export async function loadClaimsDesk(client: pg.Client) {
  await client.query(
    `INSERT INTO "Workspace" (id, slug, name, "searchLanguage", "updatedAt") VALUES ('cbws', $1, 'Claims bench desk', 'english', now())`,
    [CLAIMS_SLUG],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('cbclaimsuser0000000000', 'claims-bench@example.com', 'Claims Bench',
      'x', now())`,
  );
  await client.query(
    `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES ('cbmember', 'cbws', 'cbclaimsuser0000000000', 'EDITOR', now())`,
  );
  await client.query(
    `INSERT INTO "VerdictScale" (id, "workspaceId", name, "updatedAt") VALUES ('cbscale', 'cbws', 'Default', now())`,
  );
  const o = DEFAULT_VERDICT_OPTIONS[0];
  await client.query(
    `INSERT INTO "VerdictOption" (id, "scaleId", key, label, color, position, rating, "updatedAt") VALUES ('cbopt', 'cbscale', $1, $2, $3, 0, $4, now())`,
    [o.key, o.label, o.color, o.rating],
  );
  await client.query(
    `INSERT INTO "Article" (id, "workspaceId", title, "updatedAt") VALUES ('cbclaimsart', 'cbws', 'Claims', now())`,
  );
  await client.query(
    `INSERT INTO "ArticleRevision" (id, "articleId", number, body, text, "textHash") VALUES ('cbclaimsrev', 'cbclaimsart', 1, '[]', 'x', 'x')`,
  );
  await client.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", start, "end", quote, prefix, suffix, claim, "verdictOptionId", status,
      "authorId", "updatedAt", "approvedAt")
     SELECT 'cbclaim' || c.id, 'cbws', 'cbclaimsart', 'cbclaimsrev', 0, 1, 'x', '', '', c.claim, 'cbopt', 'PUBLISHED', 'cbclaimsuser0000000000', now(), now()
     FROM jsonb_to_recordset($1::jsonb) AS c(id text, claim text)`,
    [JSON.stringify(CLAIM_CORPUS)],
  );
}

export type SearchBench = Awaited<ReturnType<typeof benchSearch>>;

/** Runs after generateDashboardDesk on the same database. */
export async function benchSearch(databaseUrl: string) {
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  let build: { vectorsSeconds: number; indexesSeconds: number; annotations: number };
  let sizes: Record<string, number>;
  try {
    console.log("Rebuilding the search index of the dashboard desk (vectors, then GIN indexes)…");
    const started = performance.now();
    await client.query(`SELECT factmark_reindex_search('bdws')`);
    const vectorsDone = performance.now();
    for (const index of INDEXES) await client.query(`REINDEX INDEX "${index}"`);
    const indexesDone = performance.now();
    await client.query(`VACUUM ANALYZE "Annotation"`);
    const [{ count }] = (
      await client.query(`SELECT count(*)::int AS count FROM "Annotation" WHERE "workspaceId" = 'bdws'`)
    ).rows;
    build = {
      vectorsSeconds: round((vectorsDone - started) / 1000, 1),
      indexesSeconds: round((indexesDone - vectorsDone) / 1000, 1),
      annotations: count,
    };
    const rows = (
      await client.query(
        `SELECT 'vectors' AS name, sum(pg_column_size("searchVector"))::bigint AS bytes FROM "Annotation"
       UNION ALL SELECT indexname, pg_relation_size(quote_ident(indexname)::regclass) FROM pg_indexes WHERE indexname = ANY ($1)`,
        [INDEXES],
      )
    ).rows as { name: string; bytes: string }[];
    sizes = Object.fromEntries(rows.map((r) => [r.name, round(Number(r.bytes) / 1024 / 1024, 1)]));
    await loadClaimsDesk(client);
  } finally {
    await client.end();
  }
  return { build, sizesMiB: sizes, ...(await timeSearch(databaseUrl)) };
}

/** Search and Checked before timed through the app, in a process of its own (bench/search-worker.ts). */
export async function timeSearch(databaseUrl: string) {
  console.log("Timing search and Checked before through the app…");
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "bench/search-worker.ts", DASHBOARD_SLUG, CLAIMS_SLUG],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

export function reportSearch(s: SearchBench) {
  console.log(`
Search (${s.build.annotations.toLocaleString("en")} annotations of the dashboard desk; p50 / p95 / max ms over ${s.search.calls} calls)`);
  console.log(`  index build: vectors ${s.build.vectorsSeconds} s, GIN indexes ${s.build.indexesSeconds} s`);
  console.log(
    `  index size (MiB): ${Object.entries(s.sizesMiB)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  reportTimings(s);
}

/** The timings of bench/search-worker.ts (timeSearch). */
export function reportTimings(s: Omit<SearchBench, "build" | "sizesMiB">) {
  console.log(
    `  search, first page with facets   ${s.search.p50Ms} / ${s.search.p95Ms} / ${s.search.maxMs}   (target p95 < 150)`,
  );
  console.log(`  search, next page (keyset)        ${s.nextPage.p50Ms} / ${s.nextPage.p95Ms} / ${s.nextPage.maxMs}`);
  console.log(
    `  similar claims                    ${s.similar.p50Ms} / ${s.similar.p95Ms} / ${s.similar.maxMs}   (target p95 < 100)`,
  );
  // Which queries make the p95: each first page's own p50 / max over its runs.
  for (const [query, t] of Object.entries(s.searchByQuery as Record<string, { p50Ms: number; maxMs: number }>))
    console.log(`    ${query.padEnd(60)} ${t.p50Ms} / ${t.maxMs}`);
  for (const [query, r] of Object.entries(s.reads as Record<string, Record<string, { blocks: number; ms: number }>>))
    console.log(
      `  first page of ${query}: month walk ${r.walk.blocks.toLocaleString("en")} blocks, ${r.walk.ms} ms; ` +
        `reading every match ${r.readAll.blocks.toLocaleString("en")} blocks, ${r.readAll.ms} ms (EXPLAIN ANALYZE BUFFERS)`,
    );
  const q = s.quality;
  console.log(
    `  matching quality on ${q.queries} labelled queries (${q.positives} with a match): recall@1 ${q.recallAt1}, recall@3 ${q.recallAt3}, ` +
      `precision ${q.precision} (${q.suggestions} suggestions; targets recall@3 ≥ 0.9, precision ≥ 0.8)`,
  );
}
