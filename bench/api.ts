// The hot API routes beside the framework's floor, `GET /api/auth/csrf` (next-auth: no database),
// measured in the same run on the same server (issue #15 item 2). Targets: listing an article's
// 20 annotations (each with a source and a note) at p50 ≤ 2× and throughput at 16 connections
// ≥ 0.5× of csrf; creating an annotation at p50 ≤ 3×. Runs inside `npm run bench` against its
// server, or alone: `npx tsx bench/api.ts` (needs `next build`; serves on port 3300, under the
// shared flock on a shared machine).
import type { PrismaClient } from "../lib/db/create-client";
import { createBenchArticle, generateSpans } from "./fixtures";
import { callsConcurrently, percentile, round, timeCalls, timed } from "./stats";

const CALLS = 300;
const CONNECTIONS = 16;
const THROUGHPUT_SECONDS = 5;
const LISTED = 20;

export type ApiTarget = { listArticleId: string; createArticle: { id: string; revisionId: string; text: string } };

export type ApiBench = {
  calls: number;
  csrf: { p50: number; p95: number; reqPerSec: number };
  list: { p50: number; p95: number; reqPerSec: number; ratioP50: number; ratioThroughput: number; annotations: number };
  create: { p50: number; p95: number; ratioP50: number };
};

/** An article with 20 annotations, each with a source and a note, and an empty one to create on. */
export async function createApiTargets(
  db: PrismaClient,
  base: { workspaceId: string; authorId: string },
): Promise<ApiTarget> {
  const listed = await createBenchArticle(db, {
    ...base,
    title: "Bench: API list",
    words: 2_000,
    annotationCount: LISTED,
  });
  await db.$executeRaw`INSERT INTO "Source" (id, "annotationId", url, title, position, "updatedAt")
    SELECT 'bs' || id, id, 'https://example.org/' || id, 'A source', 0, now() FROM "Annotation" WHERE "articleId" = ${listed.id}`;
  await db.$executeRaw`INSERT INTO "Note" (id, "annotationId", "authorId", body, "updatedAt")
    SELECT 'bn' || id, id, ${base.authorId}, 'A first note on this claim.', now() FROM "Annotation" WHERE "articleId" = ${listed.id}`;
  const target = await createBenchArticle(db, {
    ...base,
    title: "Bench: API create",
    words: 20_000,
    annotationCount: 0,
  });
  return { listArticleId: listed.id, createArticle: target };
}

/** The create both API benchmarks post: `span` of the article's text, with a source and a note. */
export function postCreate(
  url: string,
  cookie: string,
  article: ApiTarget["createArticle"],
  span: { start: number; end: number },
  i: number,
) {
  return fetch(`${url}/api/articles/${article.id}/annotations`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({
      revisionId: article.revisionId,
      start: span.start,
      end: span.end,
      quote: article.text.slice(span.start, span.end),
      claim: `Bench ${i}`,
      verdict: "mixed",
      sources: [{ url: "https://example.org/a" }],
      note: "Why.",
    }),
  });
}

export async function benchApi(url: string, cookie: string, target: ApiTarget): Promise<ApiBench> {
  const csrf = () => fetch(`${url}/api/auth/csrf`).then(drain);
  const list = () =>
    fetch(`${url}/api/articles/${target.listArticleId}/annotations`, { headers: { cookie } }).then(drain);
  const { text } = target.createArticle;
  const spans = generateSpans(text, CALLS + 20);
  const create = (i: number) => postCreate(url, cookie, target.createArticle, spans[i], i).then((r) => drain(r, 201));
  // Warm every route (compilation caches, pools), then time them one after another, interleaved.
  await timeCalls(20, () => Promise.all([csrf(), list()]));
  await timeCalls(20, (i) => create(CALLS + i));
  const times = { csrf: [] as number[], list: [] as number[], create: [] as number[] };
  await timeCalls(CALLS, async (i) => {
    times.csrf.push(await timed(csrf));
    times.list.push(await timed(list));
    times.create.push(await timed(() => create(i)));
  });
  const csrfRate = await throughput(csrf);
  const listRate = await throughput(list);
  const p50 = (v: number[]) => percentile(v, 50);
  const summary = (v: number[]) => ({ p50: round(p50(v), 2), p95: round(percentile(v, 95), 2) });
  const annotations = (
    (await (
      await fetch(`${url}/api/articles/${target.listArticleId}/annotations`, { headers: { cookie } })
    ).json()) as { annotations: unknown[] }
  ).annotations.length;
  return {
    calls: CALLS,
    csrf: { ...summary(times.csrf), reqPerSec: round(csrfRate) },
    list: {
      ...summary(times.list),
      reqPerSec: round(listRate),
      ratioP50: round(p50(times.list) / p50(times.csrf), 2),
      ratioThroughput: round(listRate / csrfRate, 2),
      annotations,
    },
    create: { ...summary(times.create), ratioP50: round(p50(times.create) / p50(times.csrf), 2) },
  };
}

async function drain(response: Response, expected = 200) {
  await response.arrayBuffer();
  if (response.status !== expected) throw new Error(`${response.url} answered ${response.status}`);
}

/** Requests per second with CONNECTIONS clients calling back to back for THROUGHPUT_SECONDS (bounded). */
const throughput = async (call: () => Promise<unknown>) =>
  (await callsConcurrently(call, CONNECTIONS, THROUGHPUT_SECONDS)).rate;

export function reportApi(r: ApiBench) {
  const mark = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log(
    `\nAPI beside GET /api/auth/csrf, same server and run (${r.calls} calls each, interleaved; throughput: ${CONNECTIONS} connections for ` +
      `${THROUGHPUT_SECONDS} s)`,
  );
  console.log(
    `  GET /api/auth/csrf                      p50 ${r.csrf.p50} ms, p95 ${r.csrf.p95} ms, ${r.csrf.reqPerSec} req/s`,
  );
  console.log(
    `  GET  list of ${r.list.annotations} annotations            p50 ${r.list.p50} ms (${r.list.ratioP50}×, target ≤ 2×) ` +
      `${mark(r.list.ratioP50 <= 2)}, p95 ${r.list.p95} ms`,
  );
  console.log(
    `                                          ${r.list.reqPerSec} req/s (${r.list.ratioThroughput}×, target ≥ 0.5×) ${mark(r.list.ratioThroughput >= 0.5)}`,
  );
  console.log(
    `  POST create annotation                  p50 ${r.create.p50} ms (${r.create.ratioP50}×, target ≤ 3×) ${mark(r.create.ratioP50 <= 3)}, ` +
      `p95 ${r.create.p95} ms`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { runAlone } = await import("./standalone");
  await runAlone({
    label: "benchapi",
    embeddedPort: 54337,
    prepare: async (db) => {
      const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
      const author = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
      return createApiTargets(db, { workspaceId: workspace.id, authorId: author.id });
    },
    run: async (url, cookie, target) => reportApi(await benchApi(url, cookie, target)),
  });
}
