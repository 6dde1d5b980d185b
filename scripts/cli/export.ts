// npm run export -- --workspace <slug> --format native|w3c|claimreview --out file.json [filters]
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { unsafeCommandLineActor } from "../../lib/auth/command-line";
import { exportAnnotations } from "../../lib/export/export";
import { exportUrls } from "../../lib/export/urls";
import { EXIT, runTool, usage } from "../lib/cli";
import { progressBar } from "../lib/progress";

const USAGE = `usage: npm run export -- --workspace <slug> --format native|w3c|claimreview --out <file>
  [--article <id>] [--status SUBMITTED,APPROVED] [--verdict false,misleading] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  [--as <member email>]   whose rights to export with (default: the workspace's first admin)
  --out - writes to stdout.`;

let args;
try {
  args = parseArgs({
    options: {
      workspace: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      article: { type: "string" },
      status: { type: "string" },
      verdict: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      as: { type: "string" },
      help: { type: "boolean" },
    },
  }).values;
} catch (error) {
  usage(USAGE, (error as Error).message);
}
if (args.help) usage(USAGE);
if (!args.workspace || !args.format || !args.out) usage(USAGE, "--workspace, --format and --out are required");
const { workspace, out, as, format, article, status, verdict, from, to } = args;

await runTool(async () => {
  const actor = await unsafeCommandLineActor({ workspaceSlug: workspace, email: as });
  let bar: ReturnType<typeof progressBar> | undefined;
  const document = await exportAnnotations({
    actor,
    query: { format, article, status, verdict, from, to },
    urls: exportUrls("http://localhost:3000"),
    onProgress: (written, total) => (bar ??= progressBar(`exporting ${format}`, total)).update(written),
  });
  const output = out === "-" ? process.stdout : createWriteStream(out);
  for await (const chunk of document.chunks) {
    if (!output.write(chunk)) await once(output, "drain");
  }
  bar?.finish(document.total);
  if (output !== process.stdout) {
    output.end();
    await once(output, "finish");
    console.error(`wrote ${document.total} annotation${document.total === 1 ? "" : "s"} to ${out}`);
  }
  return EXIT.ok;
});
