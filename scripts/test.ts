// `npm test`: every layer of tests in order, each one's time and a total; stops at the first
// layer that fails. Before anything, it makes sure there is a Chromium for the e2e layer, so a
// newcomer learns that in one line instead of after ten minutes.
//   tsx scripts/test.ts
// On a machine shared with other people's servers, FACTMARK_E2E_LOCK=/path/to.lock makes the e2e
// and fuzz layers (which need ports 3100 and 3101) wait for that flock(1) lock; the wait is printed apart from its time.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { localChromium } from "./lib/chromium";

type Layer = { name: string; script: string; env?: Record<string, string>; lock?: string };

const LAYERS: Layer[] = [
  { name: "typecheck", script: "typecheck" },
  { name: "lint", script: "lint" },
  { name: "unit", script: "test:unit" },
  { name: "integration", script: "test:integration" },
  // The build inside test:e2e skips its own type-check: the first layer already did it.
  { name: "e2e", script: "test:e2e", env: { FACTMARK_TYPECHECKED: "true" }, lock: process.env.FACTMARK_E2E_LOCK },
  // Property-based fuzzing of every route against the build the e2e layer just made: a fixed seed
  // and a few cases per route, to keep to the budget (`npm run test:fuzz` runs it longer).
  { name: "fuzz", script: "fuzz", lock: process.env.FACTMARK_E2E_LOCK },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs the layer's npm script; answers its exit code and how long it waited for its lock. */
function run(layer: Layer): Promise<{ code: number; waited: number }> {
  const started = Date.now();
  const marker = layer.lock ? path.join(mkdtempSync(path.join(tmpdir(), "factmark-test-")), "locked") : "";
  // Under the lock, the child first notes when it got it, so the wait is not counted as the layer's.
  const [command, args] = layer.lock
    ? ["flock", [layer.lock, "sh", "-c", `date +%s%3N > "${marker}" && exec npm run --silent ${layer.script}`]]
    : ["npm", ["run", "--silent", layer.script]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...layer.env } });
    child.on("exit", (code, signal) => {
      let waited = 0;
      if (marker) {
        try {
          waited = Number(readFileSync(marker, "utf8")) - started;
        } catch {
          // never got the lock
        }
        rmSync(path.dirname(marker), { recursive: true, force: true });
      }
      resolve({ code: code ?? (signal ? 1 : 0), waited });
    });
  });
}

const chromium = localChromium();
if (!chromium.found) {
  console.error(chromium.problem);
  process.exit(1);
}
console.log(`test: Chromium ${chromium.path} (${chromium.source})`);

const started = performance.now();
const times: [string, number, boolean][] = [];
let waitedForLocks = 0;
for (const layer of LAYERS) {
  console.log(`\ntest: ${layer.name} (npm run ${layer.script})`);
  const layerStarted = performance.now();
  const { code, waited } = await run(layer);
  const ok = code === 0;
  waitedForLocks += waited;
  times.push([layer.name, performance.now() - layerStarted - waited, ok]);
  console.log(
    `test: ${layer.name} ${ok ? "passed" : "FAILED"} in ${seconds(times.at(-1)![1])}${waited ? ` (after waiting ${seconds(waited)} for ${layer.lock})` : ""}`,
  );
  if (!ok) break;
}

const total = performance.now() - started - waitedForLocks;
const failed = times.find(([, , ok]) => !ok);
console.log("\ntest: layer times");
for (const [name, ms, ok] of times)
  console.log(`  ${name.padEnd(12)} ${seconds(ms).padStart(9)}${ok ? "" : "  FAILED"}`);
const skipped = LAYERS.slice(times.length).map((layer) => layer.name);
if (skipped.length) console.log(`  not run: ${skipped.join(", ")}`);
console.log(
  `  ${"total".padEnd(12)} ${seconds(total).padStart(9)}${waitedForLocks ? `  (not counting ${seconds(waitedForLocks)} spent waiting for a lock)` : ""}`,
);
process.exit(failed ? 1 : 0);
