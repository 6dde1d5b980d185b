// What each benchmark query's statements cost the database in CPU time, read from the backend's
// own scheduler clock (/proc/<pid>/schedstat), so two ways of reading the matches compare on a
// loaded machine where wall times move with the neighbours. On a kept desk (bench/search-desk.ts),
// with the server on this machine:
//   DATABASE_URL=<desk> tsx --conditions=react-server bench/search-cpu.ts
// "now" is the plan as searchWorkspace makes it; "first cap" forces the older choice (a first
// read of one cap, walking at once only for an unfiltered single word), for comparison.
import { readFileSync } from "node:fs";
import pg from "pg";
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { parseDatabaseUrl } from "../lib/db/connection";
import { planSearch, secondAttempt } from "../lib/search/search";
import { MATCH_CAP, searchSql, type SearchPlan } from "../lib/search/sql";
import { QUERIES } from "./search-queries";
import { round } from "./stats";

const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 5);
const actor = await unsafeCommandLineActor({
  workspaceSlug: "dashboard-bench",
  email: "dashboard-bench-1@example.com",
});
const client = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
await client.connect();
const [{ pid }] = (await client.query("SELECT pg_backend_pid() AS pid")).rows as { pid: number }[];
const cpuNs = () => Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]);

/** One search as searchWorkspace runs it (a retry when the first page is empty); CPU ms and blocks. */
async function run(first: SearchPlan, retry: (p: SearchPlan) => Promise<SearchPlan>) {
  let blocks = 0;
  const started = cpuNs();
  const once = async (plan: SearchPlan) => {
    const s = searchSql(plan, 20, undefined, true);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${s.text}`, s.values);
    const top = rows[0]["QUERY PLAN"][0].Plan;
    blocks += top["Shared Hit Blocks"] + top["Shared Read Blocks"];
  };
  await once(first);
  const second = await retry(first);
  if (second !== first) await once(second);
  return { cpuMs: (cpuNs() - started) / 1e6, blocks };
}

const out: Record<string, unknown> = {};
for (const query of QUERIES) {
  const planned = await planSearch({ actor, query });
  const { plan, terms, groups, text, share } = planned;
  // Whether searchWorkspace retries: its first page is empty.
  const s = searchSql(plan, 20, undefined, false);
  const empty = ((await client.query(s.text, s.values)).rows[0].page as unknown[]).length === 0;
  const retryNow = (p: SearchPlan) =>
    empty && p.tsquery ? secondAttempt(p, terms, groups, text, share) : Promise.resolve(p);
  const filtered = Boolean(plan.filters.verdictKeys || plan.filters.statuses || plan.filters.reviewerIds);
  const oldWide = groups.length === 1 && !filtered && (terms.reach?.match.share ?? 0) * terms.rows > 4 * MATCH_CAP;
  const old = { ...plan, wide: oldWide, firstRead: 1, probe: false };
  const retryOld = async (p: SearchPlan) => {
    const r = await retryNow(p);
    return r === p ? p : { ...r, wide: oldWide, firstRead: 1, probe: false };
  };
  const stats: Record<string, { cpuMs: number[]; blocks: number }> = {};
  for (let i = 0; i < RUNS; i++) {
    for (const [name, first, retry] of [
      ["now", plan, retryNow],
      ["first cap", old, retryOld],
    ] as const) {
      const r = await run(first, retry);
      (stats[name] ??= { cpuMs: [], blocks: r.blocks }).cpuMs.push(r.cpuMs);
    }
  }
  out[JSON.stringify(query)] = Object.fromEntries(
    Object.entries(stats).map(([name, s]) => [
      name,
      `${round([...s.cpuMs].sort((a, b) => a - b)[Math.floor(s.cpuMs.length / 2)])} ms CPU, ${s.blocks} blocks`,
    ]),
  );
  console.log(JSON.stringify(query), JSON.stringify(out[JSON.stringify(query)]));
}
await client.end();
process.exit(0);
