// A kept search desk, to try search plans on a million annotations without loading them each time
// (the load alone takes about 20 minutes on a shared machine). On the server in DATABASE_URL:
//   tsx bench/search-desk.ts create [name]   the dashboard desk and the claims desk, as
//                                            `npm run bench:search` loads them, without its
//                                            rebuild (the triggers wrote every vector), then kept
//   tsx bench/search-desk.ts time [name]     bench/search-worker.ts's timings against it
// `name` defaults to searchdesk; drop it when done (`dropdb searchdesk`).
import pg from "pg";
import { parseDatabaseUrl, withDatabase } from "../lib/db/connection";
import { ensureDatabase, migrate } from "../scripts/lib/database";
import { generateDashboardDesk } from "./dashboard";
import { loadClaimsDesk, reportTimings, timeSearch } from "./search";
import { round } from "./stats";

const server = process.env.DATABASE_URL;
if (!server) throw new Error("DATABASE_URL must name a server: the desk is kept there");
const [command, name = "searchdesk"] = process.argv.slice(2);
const url = withDatabase(server, name);

if (command === "create") {
  const probe = new pg.Client(parseDatabaseUrl(server));
  await probe.connect();
  const exists = (await probe.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  await probe.end();
  if (exists) throw new Error(`${name} exists already: time against it, or drop it first`);
  await ensureDatabase(server, name);
  await migrate(url);
  const total = Number(process.env.BENCH_DASHBOARD_ANNOTATIONS ?? 1_000_000);
  const client = new pg.Client(parseDatabaseUrl(url));
  await client.connect();
  console.log(`Generating ${total.toLocaleString("en")} annotations into ${name}…`);
  const ms = await generateDashboardDesk(client, total);
  await loadClaimsDesk(client);
  await client.query(`ANALYZE`);
  await client.end();
  console.log(`  bulk load: ${round(ms / 1000, 1)} s; kept as ${name}`);
} else if (command === "time") {
  reportTimings(await timeSearch(url));
} else {
  throw new Error("usage: tsx bench/search-desk.ts create|time [name]");
}
