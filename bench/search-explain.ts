// EXPLAIN (ANALYZE, BUFFERS) of the statement a search runs, on a kept desk (bench/search-desk.ts):
//   DATABASE_URL=<desk> tsx --conditions=react-server bench/search-explain.ts '{"q":"fuel duty","verdict":"false"}' [all|direct]
// Prints the plan of the first attempt (a retry after an empty first page is not shown).
import pg from "pg";
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { parseDatabaseUrl } from "../lib/db/connection";
import { planSearch } from "../lib/search/search";
import { searchSql } from "../lib/search/sql";

const actor = await unsafeCommandLineActor({
  workspaceSlug: "dashboard-bench",
  email: "dashboard-bench-1@example.com",
});
const { plan, limit } = await planSearch({ actor, query: JSON.parse(process.argv[2] ?? "{}") });
const how = process.argv[3];
const statement = searchSql(
  how === "all" ? { ...plan, walk: false } : how === "direct" ? { ...plan, wide: true } : plan,
  limit,
  undefined,
  true,
);
const client = new pg.Client(parseDatabaseUrl(process.env.DATABASE_URL!));
await client.connect();
console.log(
  JSON.stringify({ tsquery: plan.tsquery, rank: plan.rankQuery, wide: plan.wide, firstRead: plan.firstRead }),
);
const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
await client.end();
process.exit(0);
