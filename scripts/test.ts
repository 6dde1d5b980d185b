// `npm test`: every layer of tests in order, each one's time and a total; stops at the first
// layer that fails. Before anything, it makes sure there is a Chromium for the e2e layer, so a
// newcomer learns that in one line instead of after ten minutes.
//   tsx scripts/test.ts
import { spawn } from "node:child_process";
import { localChromium } from "./lib/chromium";

type Layer = { name: string; script: string; env?: Record<string, string> };

const LAYERS: Layer[] = [
  { name: "typecheck", script: "typecheck" },
  { name: "lint", script: "lint" },
  { name: "unit", script: "test:unit" },
  { name: "integration", script: "test:integration" },
  // The build inside test:e2e skips its own type-check: the first layer already did it.
  { name: "e2e", script: "test:e2e", env: { FACTMARK_TYPECHECKED: "true" } },
  // Property-based fuzzing of every route against the build the e2e layer just made: a fixed seed
  // and a few cases per route, to keep to the budget (`npm run test:fuzz` runs it longer).
  { name: "fuzz", script: "fuzz" },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function run(layer: Layer): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "--silent", layer.script], { stdio: "inherit", env: { ...process.env, ...layer.env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
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
for (const layer of LAYERS) {
  console.log(`\ntest: ${layer.name} (npm run ${layer.script})`);
  const layerStarted = performance.now();
  const code = await run(layer);
  const ok = code === 0;
  times.push([layer.name, performance.now() - layerStarted, ok]);
  console.log(`test: ${layer.name} ${ok ? "passed" : "FAILED"} in ${seconds(times.at(-1)![1])}`);
  if (!ok) break;
}

const total = performance.now() - started;
const failed = times.find(([, , ok]) => !ok);
console.log("\ntest: layer times");
for (const [name, ms, ok] of times) console.log(`  ${name.padEnd(12)} ${seconds(ms).padStart(9)}${ok ? "" : "  FAILED"}`);
const skipped = LAYERS.slice(times.length).map((layer) => layer.name);
if (skipped.length) console.log(`  not run: ${skipped.join(", ")}`);
console.log(`  ${"total".padEnd(12)} ${seconds(total).padStart(9)}`);
process.exit(failed ? 1 : 0);
