// `npm run bench`: measures the annotation page in headless Chromium and the annotation API on
// a real PostgreSQL, beside plain-`pg` baselines. Prints figures and ratios and writes them to
// bench-results/latest.json. It reports; it asserts nothing.
import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { createScratchDatabase } from "../scripts/lib/scratch-database";
import { startNextServer } from "../scripts/lib/next-server";
import { signInCookie } from "../scripts/lib/http-sign-in";
import { createPrismaClient } from "../lib/db/create-client";
import { parseDatabaseUrl } from "../lib/db/connection";
import { DEMO_PASSWORD, seedDemoWorkspace } from "../prisma/seed";
import { benchExport } from "./export";
import { benchDashboard, reportDashboard, type DashboardBench } from "./dashboard";
import { benchSearch, reportSearch, type SearchBench } from "./search";
import { benchReanchor } from "./reanchor";
import { benchLoad, formatRun, loadOptionsFromEnv, type LoadBench } from "./load";
import { benchBodyParse, reportBodyParse, type BodyParseResult } from "./body-parse";
import { createBenchArticle, generateSpans } from "./fixtures";
import { benchApi, createApiTargets, reportApi, type ApiBench } from "./api";
import { benchPublic, publicCheckId, reportPublic, type PublicBench } from "./public";
import { percentile, round, timeCalls } from "./stats";
import { benchArticlePage, reportArticlePage, type ArticlePageBench } from "./page";
import { benchLive, reportLive, type LiveBench } from "./live";

const WORDS = 20_000;
const ANNOTATIONS = 2_000;
const CALLS = 200;
const EMAIL = "reviewer@example.com";
/** Annotations in the export benchmark's workspace; 0 skips it. */
const EXPORT_ANNOTATIONS = Number(process.env.BENCH_EXPORT_ANNOTATIONS ?? 100_000);
/** Annotations in the dashboard benchmark's workspace; 0 skips it. */
const DASHBOARD_ANNOTATIONS = Number(process.env.BENCH_DASHBOARD_ANNOTATIONS ?? 1_000_000);
/** The load step (bench/load.ts) on its own server and database; BENCH_LOAD_SECONDS=0 skips it. */
const LOAD = loadOptionsFromEnv();

const database = await createScratchDatabase("bench", 54333);
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  words: WORDS,
  annotations: ANNOTATIONS,
  calls: CALLS,
};
let server: Awaited<ReturnType<typeof startNextServer>> | undefined;

try {
  console.log("Preparing a workspace with a 20,000-word article and 2,000 annotations…");
  const db = createPrismaClient(database.url);
  await seedDemoWorkspace(db);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
  const author = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
  const base = { workspaceId: workspace.id, authorId: author.id, words: WORDS };
  const annotated = await createBenchArticle(db, { ...base, title: "Bench: annotated", annotationCount: ANNOTATIONS });
  const plain = await createBenchArticle(db, { ...base, title: "Bench: plain", annotationCount: 0 });
  const target = await createBenchArticle(db, { ...base, title: "Bench: create target", annotationCount: 0 });
  const apiTargets = await createApiTargets(db, { workspaceId: workspace.id, authorId: author.id });
  const publicCheck = await publicCheckId(db);
  await db.$disconnect();

  console.log("Starting the app…");
  server = await startNextServer({ port: 3200, databaseUrl: database.url, quiet: true });
  console.log("Measuring page loads in Chromium…");
  const cookie = await signInCookie(server.url, EMAIL, DEMO_PASSWORD);
  results.browser = await benchArticlePage(server.url, cookie, { annotated: annotated.id, plain: plain.id });

  console.log(`Measuring ${CALLS} API calls of each kind…`);
  // Server: the API through HTTP (auth, validation, JSON) beside the bare SQL it stands on.
  const spans = generateSpans(target.text, CALLS);
  const createMs = await timeCalls(CALLS, async (i) => {
    const { start, end } = spans[i];
    const response = await fetch(`${server!.url}/api/articles/${target.id}/annotations`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        revisionId: target.revisionId,
        start,
        end,
        quote: target.text.slice(start, end),
        claim: `Bench ${i}`,
        verdict: "mixed",
      }),
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}: ${await response.text()}`);
  });
  const listMs = await timeCalls(CALLS, async () => {
    const response = await fetch(`${server!.url}/api/articles/${annotated.id}/annotations`, { headers: { cookie } });
    if (!response.ok) throw new Error(`list answered ${response.status}`);
    await response.json();
  });
  const client = new pg.Client(parseDatabaseUrl(database.url));
  await client.connect();
  const option = (await client.query(`SELECT id FROM "VerdictOption" WHERE key = 'mixed' LIMIT 1`)).rows[0].id;
  const pgInsertMs = await timeCalls(CALLS, (i) => {
    const { start, end } = spans[i];
    return client.query(
      `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", start, "end", quote, prefix, suffix, claim, "verdictOptionId",
        "authorId", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, '', '', $8, $9, $10, now())`,
      [
        `pgbench${i}`,
        workspace.id,
        target.id,
        target.revisionId,
        start,
        end,
        target.text.slice(start, end),
        `Bench ${i}`,
        option,
        author.id,
      ],
    );
  });
  const pgSelectMs = await timeCalls(CALLS, () =>
    client.query(`SELECT * FROM "Annotation" WHERE "articleId" = $1 AND "deletedAt" IS NULL ORDER BY start`, [
      annotated.id,
    ]),
  );
  await client.end();
  const summary = (values: number[]) => ({ p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) });
  results.server = {
    createAnnotation: {
      api: summary(createMs),
      pgInsert: summary(pgInsertMs),
      ratioP50: round(percentile(createMs, 50) / percentile(pgInsertMs, 50), 1),
    },
    listAnnotations: {
      api: summary(listMs),
      pgSelect: summary(pgSelectMs),
      ratioP50: round(percentile(listMs, 50) / percentile(pgSelectMs, 50), 1),
      rows: ANNOTATIONS,
    },
  };

  console.log("Measuring the hot API routes beside /api/auth/csrf…");
  results.api = await benchApi(server.url, cookie, apiTargets);
  console.log("Measuring a public check page beside /api/auth/csrf under 50 connections…");
  results.publicPage = await benchPublic(server.url, database.url, publicCheck);

  console.log("Posting hostile article bodies while reading…");
  results.bodyParse = await benchBodyParse(server.url, cookie);

  await server.stop();
  server = undefined;
  console.log("Two instances: live events across them, 500 idle streams…");
  results.live = await benchLive(database.url);
  console.log(
    `Revising the ${WORDS.toLocaleString("en")}-word article and re-anchoring its ${ANNOTATIONS} annotations…`,
  );
  results.reanchor = await benchReanchor(database.url, annotated.id);
  if (EXPORT_ANNOTATIONS > 0) results.export = await benchExport(database.url, EXPORT_ANNOTATIONS);
  if (DASHBOARD_ANNOTATIONS > 0) results.dashboard = await benchDashboard(database.url, DASHBOARD_ANNOTATIONS);
  // Search and Checked before on the same 1M-annotation desk (bench/search.ts).
  if (DASHBOARD_ANNOTATIONS > 0) results.search = await benchSearch(database.url);
  if (LOAD.seconds > 0 && LOAD.runs > 0) results.load = await benchLoad(LOAD, () => {});

  report(results);
  reportBodyParse(results.bodyParse as BodyParseResult[]);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", JSON.stringify(results, null, 2));
  console.log("\nWritten to bench-results/latest.json");
} finally {
  await server?.stop();
  await database.dispose();
}

function report(r: typeof results) {
  const s = r.server as Record<
    string,
    { api: { p50: number; p95: number }; ratioP50: number } & Record<string, unknown>
  >;
  reportArticlePage(r.browser as ArticlePageBench);
  console.log(`\nServer (${CALLS} sequential calls each; p50 / p95 ms)`);
  const line = (
    name: string,
    api: { p50: number; p95: number },
    bare: { p50: number; p95: number },
    bareName: string,
    ratio: number,
  ) =>
    console.log(
      `  ${name.padEnd(18)} API ${api.p50} / ${api.p95}   ${bareName} ${bare.p50} / ${bare.p95}   ratio p50 ${ratio}×`,
    );
  line(
    "create annotation",
    s.createAnnotation.api,
    s.createAnnotation.pgInsert as { p50: number; p95: number },
    "pg INSERT",
    s.createAnnotation.ratioP50,
  );
  line(
    `list (${ANNOTATIONS} rows)`,
    s.listAnnotations.api,
    s.listAnnotations.pgSelect as { p50: number; p95: number },
    "pg SELECT",
    s.listAnnotations.ratioP50,
  );
  reportApi(r.api as ApiBench);
  if (r.publicPage) reportPublic(r.publicPage as PublicBench);
  const a = r.reanchor as Awaited<ReturnType<typeof benchReanchor>>;
  console.log(
    `\nRevision (${WORDS.toLocaleString("en")} words, edits spread through the text, ${a.annotations} annotations; one transaction as the API runs it)`,
  );
  console.log(
    `  whole revision (parse, diff, re-anchor, save)   ${a.totalMs} ms   (target < 2000 ms)   ${a.perAnnotationMs} ms per annotation`,
  );
  console.log(`  re-anchoring alone (pure)                        ${a.pureMs} ms`);
  console.log(
    `  followed exactly ${a.shares.exact}%   by fuzzy match ${a.shares.fuzzy}%   orphaned ${a.shares.orphan}%`,
  );
  reportLive(r.live as LiveBench);
  if (r.export) reportExport(r.export as Awaited<ReturnType<typeof benchExport>>);
  if (r.dashboard) reportDashboard(r.dashboard as DashboardBench);
  if (r.search) reportSearch(r.search as SearchBench);
  if (r.load) reportLoad(r.load as LoadBench);
}

function reportLoad(l: LoadBench) {
  console.log(`
Load (${l.connections} connections of mixed reads and writes, ${l.runs} runs of ${l.seconds} s on one server; ${l.articles} articles of ${l.words} words)`);
  console.log(`  idle after warm-up: heap ${l.idle.heapUsedMiB} MiB after GC, RSS ${l.idle.treeRssMiB} MiB`);
  l.runsDone.forEach((run, i) => console.log(formatRun(i + 1, run)));
  console.log(`  memory: ${l.verdict}`);
}

function reportExport(e: Awaited<ReturnType<typeof benchExport>>) {
  console.log(
    `
Export (${e.annotations.toLocaleString("en")} annotations with a source and a note each, generated in ${e.generationSeconds} s; ` +
      `each format in its own process)`,
  );
  console.log(
    `  COPY (SELECT ...) TO STDOUT of the annotation rows   ${e.copyBaseline.seconds} s, ${e.copyBaseline.megabytes} MB`,
  );
  for (const [format, f] of Object.entries(e.formats) as [
    string,
    {
      annotations: number;
      seconds: number;
      annotationsPerSecond: number;
      megabytes: number;
      peakRssMiB: number;
      ratioToCopy: number;
      throughputVsCopy: number;
    },
  ][]) {
    const target = format === "native" ? ` (target ≥ 0.3×) ${f.throughputVsCopy >= 0.3 ? "ok" : "MISSED"}` : "";
    console.log(
      `  ${format.padEnd(12)} ${f.annotations.toLocaleString("en").padStart(7)} annotations  ${f.seconds} s  ` +
        `${f.annotationsPerSecond.toLocaleString("en")}/s  ${f.megabytes} MB  peak RSS ${f.peakRssMiB} MiB  time ${f.ratioToCopy}× COPY's, ` +
        `throughput ${f.throughputVsCopy}×${target}`,
    );
  }
  const { nativeOneArticle: small, nativeWithCappedHeap: capped } = e.memoryFlatness;
  console.log(
    `  flat memory: native of one article (${small.annotations.toLocaleString("en")} annotations) peaks at ${small.peakRssMiB} MiB;`,
  );
  console.log(
    `               native of all ${capped.annotations.toLocaleString("en")} (${capped.megabytes} MB) with the heap capped at ` +
      `${capped.heapCapMiB} MiB: done in ${capped.seconds} s, peak RSS ${capped.peakRssMiB} MiB`,
  );
}
