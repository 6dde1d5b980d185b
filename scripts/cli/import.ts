// npm run import -- --article <id> [--skip-unanchored] [--default-verdict key] [--as email] file.json
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { unsafeCommandLineActor } from "../../lib/auth/command-line";
import { IMPORT_LIMITS, importAnnotations } from "../../lib/import/import";
import { EXIT, runTool, usage } from "../lib/cli";
import { progressBar } from "../lib/progress";

const USAGE = `usage: npm run import -- --article <id> [--skip-unanchored] [--default-verdict <key>] [--as <member email>] <file.json>
  Imports a factmark.v1 or W3C Web Annotation file into the article: all or nothing.
  --skip-unanchored   import the annotations whose quote is found and report the others
  --default-verdict   verdict for annotations whose file gives none (e.g. Hypothesis notes)
  --as                the editor or admin to import as (default: the workspace's first admin)`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      article: { type: "string" },
      "skip-unanchored": { type: "boolean" },
      "default-verdict": { type: "string" },
      as: { type: "string" },
      help: { type: "boolean" },
    },
  });
} catch (error) {
  usage(USAGE, (error as Error).message);
}
const { values, positionals } = parsed;
if (values.help) usage(USAGE);
if (!values.article || positionals.length !== 1) usage(USAGE, "give --article and exactly one file");
const [file] = positionals;

await runTool(async () => {
  const size = (await stat(file)).size;
  if (size > IMPORT_LIMITS.bytes) {
    console.error(
      `error: ${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; the limit is ${IMPORT_LIMITS.bytes / 1024 / 1024} MiB`,
    );
    return EXIT.failed;
  }
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    console.error(`error: ${file} is not valid JSON (${(error as Error).message})`);
    return EXIT.failed;
  }
  const actor = await unsafeCommandLineActor({ articleId: values.article, email: values.as });
  console.error(`importing ${file} into article ${values.article} as ${actor.email}…`);
  const bars = new Map<string, ReturnType<typeof progressBar>>();
  const report = await importAnnotations({
    actor,
    articleId: values.article,
    document,
    options: { skipUnanchored: values["skip-unanchored"] ?? false, defaultVerdict: values["default-verdict"] },
    onProgress: (phase, done, total) => {
      if (!bars.has(phase)) bars.set(phase, progressBar(phase.padEnd(8), total));
      if (done === total) bars.get(phase)!.finish(done);
      else bars.get(phase)!.update(done);
    },
  });
  for (const problem of report.unanchored) console.error(`  left out item ${problem.index}: ${problem.reason}`);
  console.log(
    JSON.stringify({
      imported: report.imported.length,
      skipped: report.skipped.length,
      unanchored: report.unanchored.length,
    }),
  );
  return EXIT.ok;
});
