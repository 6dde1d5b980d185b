// The export benchmark: 100,000 annotations (with a source and a note each) bulk-loaded by SQL,
// exported in each format by a separate process, beside `COPY (SELECT ...) TO STDOUT` of the rows.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { parseDatabaseUrl } from "../lib/db/connection";
import { paragraphsToValue } from "../lib/articles/slate-value";
import { canonicalText } from "../lib/anchoring/canonical-text";
import { textHash } from "../lib/articles/text-hash";
import { DEFAULT_VERDICT_OPTIONS } from "../lib/verdicts/default-scale";
import { EXPORT_FORMATS } from "../lib/export/formats";
import { generateParagraphs } from "./fixtures";
import { round } from "./stats";

const ARTICLES = 20;
const SLUG = "export-bench";
const HEAP_CAP_MIB = 96;

/** Loads `total` annotations over ARTICLES articles in one transaction of set-based inserts; returns ms. */
export async function generate(client: pg.Client, total: number): Promise<number> {
  const started = performance.now();
  const body = paragraphsToValue(generateParagraphs(2_000));
  const text = canonicalText(body);
  await client.query("BEGIN");
  await client.query(
    `INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES ('bexws', $1, 'Export bench desk', now())`,
    [SLUG],
  );
  await client.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ('bexuser', 'export-bench@example.com', 'Bench Admin', 'x', now())`,
  );
  await client.query(
    `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES ('bexmember', 'bexws', 'bexuser', 'ADMIN', now())`,
  );
  await client.query(
    `INSERT INTO "VerdictScale" (id, "workspaceId", name, "updatedAt") VALUES ('bexscale', 'bexws', 'Default', now())`,
  );
  for (const [i, option] of DEFAULT_VERDICT_OPTIONS.entries()) {
    await client.query(
      `INSERT INTO "VerdictOption" (id, "scaleId", key, label, color, position, rating, "updatedAt") VALUES ($1, 'bexscale', $2, $3, $4, $5, $6, now())`,
      [`bexopt${i}`, option.key, option.label, option.color, i, option.rating],
    );
  }
  await client.query(
    `INSERT INTO "Article" (id, "workspaceId", title, "sourceUrl", "updatedAt")
     SELECT 'cbenchart' || lpad(g::text, 15, '0'), 'bexws', 'Export bench article ' || g, 'https://news.example/story-' || g, now()
       FROM generate_series(1, $1) g`,
    [ARTICLES],
  );
  await client.query(
    `INSERT INTO "ArticleRevision" (id, "articleId", number, body, text, "textHash")
     SELECT 'cbenchrev' || lpad(g::text, 15, '0'), 'cbenchart' || lpad(g::text, 15, '0'), 1, $2::jsonb, $3, $4 FROM generate_series(1, $1) g`,
    [ARTICLES, JSON.stringify(body), text, textHash(text)],
  );
  // Spans of 40 characters spread over the text; every other one approved, so ClaimReview has half.
  await client.query(
    `INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", start, "end", quote, prefix, suffix, claim, "verdictOptionId", status,
      "authorId", "updatedAt")
     SELECT 'cbenchann' || lpad(g::text, 15, '0'), 'bexws', 'cbenchart' || lpad((g % $2 + 1)::text, 15, '0'), 'cbenchrev' || lpad((g % $2 + 1)::text,
       15, '0'), s, s + 40,
            substr($3, s + 1, 40), substr($3, greatest(1, s - 31), least(s, 32)), substr($3, s + 41, 32),
            'Generated claim ' || g, 'bexopt' || (g % 7), (CASE WHEN g % 2 = 0 THEN 'APPROVED' ELSE 'DRAFT' END)::"AnnotationStatus", 'bexuser', now()
     FROM generate_series(1, $1) g, LATERAL (SELECT (g * 7919) % ($4 - 200) AS s) span`,
    [total, ARTICLES, text, text.length],
  );
  await client.query(
    `INSERT INTO "Source" (id, "annotationId", url, excerpt, "updatedAt") SELECT 'cbenchsrc' || substr(id, 10), id, 'https://stats.example/' || id,
      'An excerpt', now() FROM "Annotation" WHERE "workspaceId" = 'bexws'`,
  );
  await client.query(
    `INSERT INTO "Note" (id, "annotationId", "authorId", body, "updatedAt") SELECT 'cbenchnot' || substr(id, 10), id, 'bexuser',
      'A note on ' || claim, now() FROM "Annotation" WHERE "workspaceId" = 'bexws'`,
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  return performance.now() - started;
}

/** ms to stream the same annotation rows (no joins) out of PostgreSQL with COPY. */
async function copyBaseline(client: pg.Client): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const stream = client.query(
    copyTo(
      `COPY (SELECT * FROM "Annotation" WHERE "workspaceId" = 'bexws' AND "deletedAt" IS NULL ORDER BY "articleId", start, id) TO STDOUT`,
    ),
  );
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return { ms: performance.now() - started, bytes };
}

type WorkerResult = { annotations: number; ms: number; bytes: number; maxRssMiB: number };

async function exportInWorker(
  databaseUrl: string,
  format: string,
  options: { article?: string; heapMiB?: number } = {},
): Promise<WorkerResult> {
  const { stdout } = await promisify(execFile)(
    path.resolve("node_modules/.bin/tsx"),
    [
      "--conditions=react-server",
      "bench/export-worker.ts",
      SLUG,
      format,
      ...(options.article ? [options.article] : []),
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ...(options.heapMiB ? { NODE_OPTIONS: `--max-old-space-size=${options.heapMiB}` } : {}),
      },
      maxBuffer: 1024 * 1024,
    },
  );
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

export async function benchExport(databaseUrl: string, total: number) {
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  try {
    console.log(`Generating ${total.toLocaleString("en")} annotations with a source and a note each…`);
    const generationMs = await generate(client, total);
    const copy = await copyBaseline(client);
    const formats: Record<string, unknown> = {};
    for (const format of EXPORT_FORMATS) {
      console.log(`Exporting ${format}…`);
      const result = await exportInWorker(databaseUrl, format);
      formats[format] = {
        annotations: result.annotations,
        seconds: round(result.ms / 1000, 1),
        annotationsPerSecond: Math.round(result.annotations / (result.ms / 1000)),
        megabytes: round(result.bytes / 1024 / 1024, 1),
        peakRssMiB: round(result.maxRssMiB, 0),
        // COPY moves every selected row; ClaimReview holds only the approved half.
        ratioToCopy: round(result.ms / copy.ms, 1),
        // Issue #15's target for native: at least 0.3× COPY's throughput (annotations per second).
        throughputVsCopy: round(copy.ms / result.ms, 2),
      };
    }
    // Flat memory: one article (1/20 of the rows) peaks about as high, and the whole export still
    // completes with V8's heap capped far below the size of the output.
    const small = await exportInWorker(databaseUrl, "native", { article: `cbenchart${"1".padStart(15, "0")}` });
    const capped = await exportInWorker(databaseUrl, "native", { heapMiB: HEAP_CAP_MIB });
    return {
      annotations: total,
      generationSeconds: round(generationMs / 1000, 1),
      copyBaseline: { seconds: round(copy.ms / 1000, 2), megabytes: round(copy.bytes / 1024 / 1024, 1) },
      formats,
      memoryFlatness: {
        nativeOneArticle: { annotations: small.annotations, peakRssMiB: round(small.maxRssMiB, 0) },
        nativeWithCappedHeap: {
          heapCapMiB: HEAP_CAP_MIB,
          annotations: capped.annotations,
          megabytes: round(capped.bytes / 1024 / 1024, 1),
          seconds: round(capped.ms / 1000, 1),
          peakRssMiB: round(capped.maxRssMiB, 0),
        },
      },
    };
  } finally {
    await client.end();
  }
}

// Alone: `npx tsx bench/export.ts [annotations]` on a scratch database of its own (no server).
if (import.meta.url === `file://${process.argv[1]}`) {
  const { createScratchDatabase } = await import("../scripts/lib/scratch-database");
  const database = await createScratchDatabase("benchexport", 54338);
  try {
    console.log(JSON.stringify(await benchExport(database.url, Number(process.argv[2] ?? 100_000)), null, 2));
  } finally {
    await database.dispose();
  }
}
