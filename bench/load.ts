// The load benchmark: the production app on its own port and scratch database, driven by many
// connections of mixed reads and writes for a fixed time, several runs in a row on one server.
// Per run it reports throughput, latency per kind, errors by status and the server's RSS; between
// runs it forces a garbage collection in the server (bench-only probe) and reads the live heap,
// so growth that survives collection (a leak) is told apart from memory the server keeps (a bound).
import { createScratchDatabase } from "../scripts/lib/scratch-database";
import { startNextServer, type NextServer } from "../scripts/lib/next-server";
import { MEMORY_PROBE_PATH, type MemoryProbe } from "../scripts/lib/memory-probe";
import { createPrismaClient } from "../lib/db/create-client";
import { LoadConnection, seedLoadWorkspace, signInDemoUsers, type Sample } from "./load-workload";
import { treeRssMiB } from "./process-memory";
import { percentile, round } from "./stats";

export type LoadOptions = { seconds: number; connections: number; runs: number; articles: number };

/** The knobs, from the environment (documented in the README's "Benchmarks"). */
export function loadOptionsFromEnv(): LoadOptions {
  const number = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 0)
      throw new Error(`${name} must be a whole number (got ${process.env[name]})`);
    return value;
  };
  return {
    seconds: number("BENCH_LOAD_SECONDS", 60),
    connections: number("BENCH_LOAD_CONNECTIONS", 50),
    runs: number("BENCH_LOAD_RUNS", 3),
    articles: number("BENCH_LOAD_ARTICLES", 40),
  };
}

type KindFigures = { requests: number; p50Ms: number; p99Ms: number; errors: number };
export type LoadRun = {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errorsByStatus: Record<string, number>;
  kinds: Record<string, KindFigures>;
  rssMiB: { before: number; peak: number; after: number };
  /** After the run, once the server has been idle and collected its garbage. */
  afterGc: MemoryProbe & { treeRssMiB: number };
};
export type LoadBench = LoadOptions & {
  words: number;
  annotationsEach: number;
  idle: MemoryProbe & { treeRssMiB: number };
  runsDone: LoadRun[];
  verdict: string;
};

const WORDS = 1_500;
const ANNOTATIONS_EACH = 40;
const EXPECTED = new Set([200, 201]);

export async function benchLoad(options: LoadOptions, log: (line: string) => void = console.log): Promise<LoadBench> {
  const database = await createScratchDatabase("load", 54334);
  let server: NextServer | undefined;
  try {
    log(`Load: seeding ${options.articles} articles of ${WORDS} words with ${ANNOTATIONS_EACH} annotations each…`);
    const db = createPrismaClient(database.url);
    const articles = await seedLoadWorkspace(db, {
      articles: options.articles,
      words: WORDS,
      annotationsEach: ANNOTATIONS_EACH,
    });
    await db.$disconnect();

    server = await startNextServer({
      port: 3300,
      databaseUrl: database.url,
      quiet: !process.env.BENCH_DEBUG,
      env: { FACTMARK_BENCH_PROBE: "1" },
    });
    const sessions = await signInDemoUsers(server.url);
    const connections = Array.from(
      { length: options.connections },
      (_, i) => new LoadConnection(server!.url, sessions[i % sessions.length], articles, i),
    );
    // Warm-up: every route compiled and cached once, so run 1 measures the same server as run 3.
    await Promise.all(connections.slice(0, 8).map((c) => c.run(performance.now() + 3_000, () => {})));
    const idle = await memoryAfterGc(server);
    log(
      `Load: server idle after warm-up: heap ${idle.heapUsedMiB} MiB after GC, RSS ${idle.treeRssMiB} MiB (process tree)`,
    );

    const runsDone: LoadRun[] = [];
    for (let run = 1; run <= options.runs; run++) {
      log(`Load: run ${run} of ${options.runs}, ${options.connections} connections for ${options.seconds} s…`);
      runsDone.push(await loadRun(server, connections, options.seconds));
      log(formatRun(run, runsDone[runsDone.length - 1]));
    }
    const result = {
      ...options,
      words: WORDS,
      annotationsEach: ANNOTATIONS_EACH,
      idle,
      runsDone,
      verdict: memoryVerdict(idle, runsDone),
    };
    log(`Load: ${result.verdict}`);
    return result;
  } finally {
    await server?.stop();
    await database.dispose();
  }
}

async function loadRun(server: NextServer, connections: LoadConnection[], seconds: number): Promise<LoadRun> {
  const samples: Sample[] = [];
  const before = treeRssMiB(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRssMiB(server.pid))), 500);
  const started = performance.now();
  await Promise.all(connections.map((c) => c.run(started + seconds * 1000, (s) => samples.push(s))));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = treeRssMiB(server.pid);
  peak = Math.max(peak, after);

  const errorsByStatus: Record<string, number> = {};
  for (const s of samples) if (!EXPECTED.has(s.status)) errorsByStatus[s.status] = (errorsByStatus[s.status] ?? 0) + 1;
  const kinds: Record<string, KindFigures> = {};
  for (const kind of [...new Set(samples.map((s) => s.kind))].sort()) {
    const of = samples.filter((s) => s.kind === kind);
    const ms = of.map((s) => s.ms);
    kinds[kind] = {
      requests: of.length,
      p50Ms: round(percentile(ms, 50)),
      p99Ms: round(percentile(ms, 99)),
      errors: of.filter((s) => !EXPECTED.has(s.status)).length,
    };
  }
  const all = samples.map((s) => s.ms);
  return {
    seconds: round(elapsed),
    requests: samples.length,
    requestsPerSecond: round(samples.length / elapsed),
    p50Ms: round(percentile(all, 50)),
    p99Ms: round(percentile(all, 99)),
    errorsByStatus,
    kinds,
    rssMiB: { before, peak, after },
    afterGc: await memoryAfterGc(server),
  };
}

/** Lets in-flight work settle, then forces GC in the server and reads its heap and the tree's RSS. */
async function memoryAfterGc(server: NextServer): Promise<MemoryProbe & { treeRssMiB: number }> {
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const response = await fetch(`${server.url}${MEMORY_PROBE_PATH}`);
  if (!response.ok) throw new Error(`the memory probe answered ${response.status}`);
  const probe = (await response.json()) as MemoryProbe;
  return { ...probe, treeRssMiB: treeRssMiB(server.pid) };
}

/**
 * A leak grows the live heap with the work done; a bound does not. Compares the heap after GC
 * following the first run with the last: growth of more than 10% (and 10 MiB) per further run is
 * called a leak.
 */
function memoryVerdict(idle: MemoryProbe, runs: LoadRun[]): string {
  if (runs.length < 2)
    return (
      `one run only: heap after GC ${idle.heapUsedMiB} → ${runs[0]?.afterGc.heapUsedMiB} MiB; ` +
      `repeat runs (BENCH_LOAD_RUNS ≥ 2) to tell a bound from a leak`
    );
  const first = runs[0].afterGc.heapUsedMiB;
  const last = runs[runs.length - 1].afterGc.heapUsedMiB;
  const perRun = (last - first) / (runs.length - 1);
  const heaps = runs.map((r) => r.afterGc.heapUsedMiB).join(" → ");
  const rss = runs.map((r) => r.afterGc.treeRssMiB).join(" → ");
  const leak = perRun > Math.max(10, first * 0.1);
  return (
    `${leak ? "LEAK?" : "bound"}: live heap after GC ${idle.heapUsedMiB} MiB idle, then ${heaps} MiB after each run (${round(perRun)} MiB per run); ` +
    `RSS after GC ${rss} MiB`
  );
}

export function formatRun(index: number, r: LoadRun): string {
  const errors = Object.entries(r.errorsByStatus).map(
    ([status, n]) => `${n}× ${status === "0" ? "connection failed" : status}`,
  );
  const lines = [
    `  run ${index}: ${r.requests} requests in ${r.seconds} s = ${r.requestsPerSecond} req/s   p50 ${r.p50Ms} ms   p99 ${r.p99Ms} ms   ` +
      `errors ${errors.length ? errors.join(", ") : "0"}`,
    `    server RSS (process tree) before ${r.rssMiB.before} MiB, peak ${r.rssMiB.peak} MiB, after ${r.rssMiB.after} MiB; after GC: heap ` +
      `${r.afterGc.heapUsedMiB} MiB, external ${r.afterGc.externalMiB} MiB, app RSS ${r.afterGc.rssMiB} MiB, tree RSS ${r.afterGc.treeRssMiB} ` +
      `MiB`,
  ];
  for (const [kind, k] of Object.entries(r.kinds)) {
    lines.push(
      `    ${kind.padEnd(18)} ${String(k.requests).padStart(6)} req   p50 ${String(k.p50Ms).padStart(7)} ms   p99 ` +
        `${String(k.p99Ms).padStart(7)} ms${k.errors ? `   ${k.errors} errors` : ""}`,
    );
  }
  return lines.join("\n");
}
