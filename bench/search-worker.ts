// Times search and claim matching through the app's lib functions (Prisma, visibility rule,
// shaping) on the dashboard benchmark's desk. Run by bench/search.ts:
// tsx --conditions=react-server bench/search-worker.ts <slug>
import pg from "pg";
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { parseDatabaseUrl } from "../lib/db/connection";
import { planSearch, searchWorkspace } from "../lib/search/search";
import { searchSql, type SearchPlan } from "../lib/search/sql";
import { findSimilarClaims } from "../lib/search/similar";
import { CLAIM_QUERIES, scoreMatching } from "../tests/support/claim-matching";
import { QUERIES } from "./search-queries";
import { percentile, round, timeCalls } from "./stats";

const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 5);
const actor = await unsafeCommandLineActor({ workspaceSlug: process.argv[2], email: "dashboard-bench-1@example.com" });

// Restatements of published claims of the desk (bench/dashboard.ts), as a reviewer would retype
// them: the year moved to the front, "percent" as "%", another verb for the same direction.
const VERBS: Record<string, string> = {
  rose: "went up",
  fell: "went down",
  increased: "rose",
  dropped: "fell",
  grew: "increased",
  declined: "dropped",
  climbed: "rose",
  jumped: "rose",
  shrank: "fell",
};
const client = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
await client.connect();
const published = (
  await client.query(
    `SELECT claim FROM "Annotation" WHERE "workspaceId" = $1 AND status = 'PUBLISHED' ORDER BY id OFFSET 1000 LIMIT 8`,
    [actor.workspaceId],
  )
).rows as { claim: string }[];
await client.end();
const CLAIMS = published.map(({ claim }) => {
  const since = / since (\d{4})$/.exec(claim);
  const body = claim
    .replace(/ since \d{4}$/, "")
    .replace(/ percent/, "%")
    .replace(
      /^(\S+(?: \S+)?) (rose|fell|increased|dropped|grew|declined|climbed|jumped|shrank) /,
      (_m, subject: string, verb: string) => `${subject} ${VERBS[verb]} `,
    );
  return since ? `Since ${since[1]}, ${body[0].toLowerCase()}${body.slice(1)}` : body;
});

const summary = (times: number[]) => ({
  calls: times.length,
  p50Ms: round(percentile(times, 50)),
  p95Ms: round(percentile(times, 95)),
  maxMs: round(Math.max(...times)),
});

/** Rounds of every input in turn, after a warm-up round; with each input's own times. */
async function measureEach<T>(inputs: T[], call: (input: T) => Promise<unknown>) {
  for (const input of inputs) await call(input); // warm-up: plans and caches
  const times = await timeCalls(inputs.length * RUNS, (i) => call(inputs[i % inputs.length]));
  return { times, each: inputs.map((_, i) => times.filter((_t, j) => j % inputs.length === i)) };
}

async function measure<T>(inputs: T[], call: (input: T) => Promise<unknown>) {
  return summary((await measureEach(inputs, call)).times);
}

const searched = await measureEach(QUERIES, (query) => searchWorkspace({ actor, query }));
const search = summary(searched.times);
const searchByQuery = Object.fromEntries(QUERIES.map((query, i) => [JSON.stringify(query), summary(searched.each[i])]));
// The second page of each query (keyset), which carries no facets.
const cursors = (
  await Promise.all(
    QUERIES.map(async (query) => ({ query, cursor: (await searchWorkspace({ actor, query })).nextCursor })),
  )
).filter((c) => c.cursor);
const nextPage = await measure(cursors, ({ query, cursor }) =>
  searchWorkspace({ actor, query: { ...query, cursor: cursor! } }),
);
const similar = await measure(CLAIMS, (text) => findSimilarClaims({ actor, query: { text } }));
const found = await Promise.all(
  CLAIMS.map(async (text) => (await findSimilarClaims({ actor, query: { text } })).matches.length),
);

// Quality through the real index, on the labelled set's own desk (when given).
let quality: unknown = null;
if (process.argv[3]) {
  const claimsActor = await unsafeCommandLineActor({
    workspaceSlug: process.argv[3],
    email: "claims-bench@example.com",
  });
  const answers = new Map<string, string[]>();
  for (const { text } of CLAIM_QUERIES) {
    const { matches } = await findSimilarClaims({ actor: claimsActor, query: { text } });
    answers.set(
      text,
      matches.map((m) => (m.annotationId ?? "").replace(/^cbclaim/, "")),
    );
  }
  quality = scoreMatching((query) => answers.get(query.text)!);
}
// Per query, for BENCH_DEBUG: where the time goes (on stderr).
if (process.env.BENCH_DEBUG) {
  const calls = [
    ...QUERIES.map((q) => [`search ${JSON.stringify(q)}`, () => searchWorkspace({ actor, query: q })] as const),
    ...CLAIMS.map((t) => [`similar ${t}`, () => findSimilarClaims({ actor, query: { text: t } })] as const),
  ];
  for (const [label, call] of calls)
    console.error(`${label}: ${(await timeCalls(3, call)).map((t) => Math.round(t)).join(" / ")} ms`);
}
// What a first page reads, by design rather than by the machine's load: the blocks the statement
// touched (shared buffers hit or read, from EXPLAIN ANALYZE BUFFERS) and its time, with the month
// walk and without it (every match read to find the newest), for a common word, a common word
// under a verdict filter and one under a status filter, and three common words together.
const explainer = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
await explainer.connect();
async function explain(plan: SearchPlan) {
  const statement = searchSql(plan, 20, undefined, true);
  const { rows } = await explainer.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
  const [top] = rows[0]["QUERY PLAN"] as [{ Plan: Record<string, number>; "Execution Time": number }];
  return { blocks: top.Plan["Shared Hit Blocks"] + top.Plan["Shared Read Blocks"], ms: round(top["Execution Time"]) };
}
const reads: Record<string, unknown> = {};
for (const query of [
  { q: "unemployment" },
  { q: "fuel duty", verdict: "false" },
  { q: "broadband", type: "annotation", status: "PUBLISHED" },
  { q: "house prices london" },
]) {
  const { plan } = await planSearch({ actor, query });
  const walk = await explain(plan);
  const readAll = await explain({ ...plan, walk: false });
  reads[JSON.stringify(query)] = { walk, readAll, wide: plan.wide ?? false };
}
await explainer.end();

console.log(JSON.stringify({ search, searchByQuery, nextPage, similar, similarFound: found, quality, reads }));
process.exit(0);
