// Lines of at most 160 characters in the files ESLint does not read (its max-len covers the
// TypeScript): the SQL routines and the style sheets. Run by `npm run lint`. Migrations are left
// out: they are applied history, and editing one would change what a database already ran.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const LIMIT = 160;
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.sql", "*.css"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((file) => file && !file.startsWith("prisma/migrations/"));

const long = files.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, index) => (line.length > LIMIT ? [`${file}:${index + 1}: ${line.length} characters`] : [])),
);
if (long.length > 0) {
  console.error(`Lines over ${LIMIT} characters (break them; SQL and CSS take a newline anywhere between words):`);
  for (const line of long) console.error(`  ${line}`);
  process.exit(1);
}
