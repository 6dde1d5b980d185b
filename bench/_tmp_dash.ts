import { writeFileSync } from "node:fs";
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { dashboardQueries } from "../lib/dashboard/dashboard";
import { dashboardFilterSchema, resolveFilters } from "../lib/dashboard/filters";
import { inlineSql } from "../lib/db/inline-sql";
const actor = await unsafeCommandLineActor({ workspaceSlug: "dashboard-bench", email: "dashboard-bench-0@example.com" });
const f = await resolveFilters(actor!, dashboardFilterSchema.parse({}));
for (const [name, sql] of Object.entries(dashboardQueries(f, new Date()))) writeFileSync(`/tmp/h15x/dash-${name}.sql`, inlineSql(sql));
process.exit(0);
