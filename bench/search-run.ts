// `npm run bench:search`: the search benchmark alone, on a scratch database of its own (the
// dashboard desk of BENCH_DASHBOARD_ANNOTATIONS annotations, 1,000,000 by default). `npm run bench`
// runs the same step after the dashboards, on their desk.
import { readFileSync } from "node:fs";
import pg from "pg";
import { createScratchDatabase } from "../scripts/lib/scratch-database";
import { parseDatabaseUrl } from "../lib/db/connection";
import { generateDashboardDesk } from "./dashboard";
import { benchSearch, reportSearch } from "./search";
import { round } from "./stats";

const SEARCH_MIGRATION = "20261203130000_search_filter_lexemes";
const TOTAL = Number(process.env.BENCH_DASHBOARD_ANNOTATIONS ?? 1_000_000);
const database = await createScratchDatabase("searchbench", 54341);
try {
  const client = new pg.Client(parseDatabaseUrl(database.url));
  await client.connect();
  console.log(
    `Generating ${TOTAL.toLocaleString("en")} annotations (search vectors kept by the triggers as they are written)…`,
  );
  const generationMs = await generateDashboardDesk(client, TOTAL);
  await client.end();
  console.log(`  bulk load with the search triggers: ${round(generationMs / 1000, 1)} s`);
  const result = await benchSearch(database.url);
  reportSearch(result);
  // What the newest search migration costs a desk of this size: it adds lexemes to every vector in
  // place, so applying it again does the same work (the lexemes are already there).
  const migrator = new pg.Client(parseDatabaseUrl(database.url));
  await migrator.connect();
  const migrationStarted = performance.now();
  await migrator.query(readFileSync(`prisma/migrations/${SEARCH_MIGRATION}/migration.sql`, "utf8"));
  console.log(
    `  migration ${SEARCH_MIGRATION} applied again to the desk: ${round((performance.now() - migrationStarted) / 1000, 1)} s`,
  );
  await migrator.end();
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(result.quality, null, 1));
} finally {
  await database.dispose();
}
