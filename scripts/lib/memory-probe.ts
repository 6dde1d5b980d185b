// A bench-only window into the server's memory: with FACTMARK_BENCH_PROBE=1 (set by
// `npm run bench:load`, never by `npm start`), GET /__bench/memory from the machine itself
// collects garbage and answers the live heap, so a load run can tell a bound from a leak.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export const MEMORY_PROBE_PATH = "/__bench/memory";

export type MemoryProbe = {
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  rssMiB: number;
  gcForced: boolean;
};

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** V8's gc(): from --expose-gc when given, otherwise exposed at run time (works without NODE_OPTIONS). */
function exposedGc(): (() => void) | undefined {
  const global = globalThis as { gc?: () => void };
  if (global.gc) return global.gc;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** Answers the probe and returns true, or returns false for every other request (and always when disabled). */
export function handleMemoryProbe(req: IncomingMessage, res: ServerResponse, enabled: boolean): boolean {
  if (!enabled || req.method !== "GET" || req.url !== MEMORY_PROBE_PATH) return false;
  const peer = req.socket.remoteAddress ?? "";
  if (!["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(peer)) return false;
  const gc = exposedGc();
  // Twice: the first pass can leave objects whose finalizers free more on the second.
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  const body: MemoryProbe = {
    heapUsedMiB: mib(getHeapStatistics().used_heap_size),
    heapTotalMiB: mib(memory.heapTotal),
    externalMiB: mib(memory.external),
    rssMiB: mib(memory.rss),
    gcForced: Boolean(gc),
  };
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
  return true;
}
