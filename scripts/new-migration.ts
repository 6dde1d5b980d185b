// Authors a migration from the difference between the committed schema (HEAD) and the working
// schema: `npm run db:migration -- add_things`. `prisma migrate dev` cannot run here (STACK.md).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase } from "./lib/scratch-database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name in snake_case>");
  process.exit(2);
}

const schemaPath = "prisma/schema.prisma";
const migrationsDir = "prisma/migrations";
const hasMigrations = readdirSync(migrationsDir).some((entry) => /^\d/.test(entry));

let from: string[];
if (hasMigrations) {
  const previous = execFileSync("git", ["show", `HEAD:${schemaPath}`], { encoding: "utf8" });
  const previousPath = path.join(mkdtempSync(path.join(tmpdir(), "factmark-schema-")), "schema.prisma");
  writeFileSync(previousPath, previous);
  from = ["--from-schema-datamodel", previousPath];
} else {
  from = ["--from-empty"];
}

// With a driver adapter configured, even a datamodel-to-datamodel diff connects to a database.
const scratch = await createScratchDatabase("migration", 54332);
let sql: string;
try {
  sql = execFileSync(
    path.resolve("node_modules/.bin/prisma"),
    ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: scratch.url } },
  );
} finally {
  await scratch.dispose();
}
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.error("The schema matches HEAD: there is nothing to migrate.");
  process.exit(1);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql — review it, then commit it with the schema.`);
