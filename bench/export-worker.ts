// One export in its own process, so its peak memory (maxRSS) is the export's alone. Run by
// bench/export.ts: tsx --conditions=react-server bench/export-worker.ts <workspace> <format> [article]
import { unsafeCommandLineActor } from "../lib/auth/command-line";
import { exportAnnotations } from "../lib/export/export";

const [workspaceSlug, format, article] = process.argv.slice(2);
const actor = await unsafeCommandLineActor({ workspaceSlug });
const started = performance.now();
const document = await exportAnnotations({
  actor,
  query: { format, article },
  urls: { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" },
});
let bytes = 0;
for await (const chunk of document.chunks) bytes += Buffer.byteLength(chunk);
const ms = performance.now() - started;
console.log(
  JSON.stringify({ annotations: document.total, ms, bytes, maxRssMiB: process.resourceUsage().maxRSS / 1024 }),
);
process.exit(0);
