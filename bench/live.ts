// The live desk (#12): two app instances on one database. Measures commit-to-client latency of an
// event committed through plain pg and through instance A's API, received by a stream on
// instance B; then RSS and CPU of one instance holding 500 idle streams, and the time to fan one
// event out to all 500. Node's fetch stands in for the browsers (the same SSE bytes). Runs inside
// `npm run bench`, or alone: `npx tsx bench/live.ts` (after `next build`, under the shared flock:
// it serves on ports 3200 and 3201).
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { startNextServer, type NextServer } from "../scripts/lib/next-server";
import { signInCookie } from "../scripts/lib/http-sign-in";
import { createPrismaClient } from "../lib/db/create-client";
import { parseDatabaseUrl } from "../lib/db/connection";
import { newId } from "../lib/db/ids";
import { DEMO_PASSWORD } from "../prisma/seed";
import { collectSse } from "../tests/support/sse";
import { processTree, treeRssMiB } from "./process-memory";
import { MEMORY_PROBE_PATH, type MemoryProbe } from "../scripts/lib/memory-probe";
import { percentile, round } from "./stats";

const EVENTS = 100;
const STREAMS = 500;
const IDLE_SECONDS = 10;
const FAN_OUT_EVENTS = 5;

export type LiveBench = {
  commitToClient: { p50: number; p95: number; events: number };
  apiWriteToClient: { p50: number; p95: number; writeRoundTripP50: number; events: number };
  idleStreams: {
    streams: number;
    rssBeforeMiB: number;
    rssAfterMiB: number;
    extraMiB: number;
    heapExtraMiB: number;
    cpuPercent: number;
    seconds: number;
  };
  fanOut: { streams: number; lastReceivedP50Ms: number; lastReceivedMaxMs: number; events: number };
};

type Stream = { received: Map<string, number>; waiters: Map<string, () => void>; close: () => void };

/** Opens an SSE stream and records when each event (by annotation id + version) arrives. */
async function openStream(url: string, headers: Record<string, string>): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}: ${await response.text()}`);
  const stream: Stream = { received: new Map(), waiters: new Map(), close: () => controller.abort() };
  collectSse(response.body!, (message) => {
    const data = message.data as { annotationId?: string; version?: number };
    if (!data.annotationId) return;
    const key = `${data.annotationId}:${data.version}`;
    stream.received.set(key, performance.now());
    stream.waiters.get(key)?.();
  });
  return stream;
}

const arrival = (stream: Stream, key: string) =>
  stream.received.has(key)
    ? Promise.resolve()
    : new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`event ${key} did not arrive within 10 s`)), 10_000);
        stream.waiters.set(key, () => (clearTimeout(timer), resolve()));
      });

/** The server's memory after a forced GC (scripts/lib/memory-probe.ts), RSS of its whole process tree. */
async function probe(server: NextServer): Promise<{ rssMiB: number; heapUsedMiB: number }> {
  const response = await fetch(`${server.url}${MEMORY_PROBE_PATH}`);
  if (!response.ok) throw new Error(`the memory probe answered ${response.status}`);
  const { heapUsedMiB } = (await response.json()) as MemoryProbe;
  return { rssMiB: treeRssMiB(server.pid), heapUsedMiB };
}

/** CPU seconds used so far by a process tree (utime + stime from /proc). */
function cpuSeconds(root: number): number {
  const ticks = processTree(root).reduce((sum, pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return sum + Number(fields[11]) + Number(fields[12]);
    } catch {
      return sum;
    }
  }, 0);
  return ticks / 100;
}

export async function benchLive(databaseUrl: string): Promise<LiveBench> {
  const db = createPrismaClient(databaseUrl);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
  const reviewer = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
  const article = await db.article.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    include: { revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  const option = await db.verdictOption.findFirstOrThrow({
    where: { key: "mixed", scale: { workspaceId: workspace.id } },
  });
  const revision = article.revisions[0];
  const annotation = await db.annotation.create({
    data: {
      workspaceId: workspace.id,
      articleId: article.id,
      revisionId: revision.id,
      start: 0,
      end: 5,
      quote: revision.text.slice(0, 5),
      prefix: "",
      suffix: revision.text.slice(5, 37),
      claim: "Bench",
      verdictOptionId: option.id,
      authorId: reviewer.id,
    },
  });
  // 500 streams need 25 people (20 streams each at most): read-only API tokens, no password hashing.
  const tokens: string[] = [];
  for (let i = 0; i < Math.ceil(STREAMS / 20); i++) {
    const user = await db.user.create({
      data: {
        email: `live-bench-${i}@example.com`,
        name: `Live bench ${i}`,
        passwordHash: "x",
        memberships: { create: { workspaceId: workspace.id, role: "REVIEWER" } },
      },
    });
    const token = `fmk_${randomBytes(32).toString("base64url").slice(0, 43)}`;
    await db.apiToken.create({
      data: {
        workspaceId: workspace.id,
        name: `bench ${i}`,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        prefix: token.slice(0, 10),
        createdById: user.id,
      },
    });
    tokens.push(token);
  }
  await db.$disconnect();

  const shared = { databaseUrl, quiet: true, env: { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") } };
  // Instance B opens the bench-only memory probe (a forced GC, then the heap), so the figures are what the streams hold.
  const servers: NextServer[] = await Promise.all([
    startNextServer({ port: 3200, ...shared }),
    startNextServer({ port: 3201, ...shared, env: { ...shared.env, FACTMARK_BENCH_PROBE: "1" } }),
  ]);
  const [a, b] = servers;
  const client = new pg.Client(parseDatabaseUrl(databaseUrl));
  await client.connect();
  try {
    const cookie = await signInCookie(a.url, "editor@example.com", DEMO_PASSWORD);
    const streamUrl = (server: NextServer) => `${server.url}/api/events?article=${article.id}`;
    const onB = await openStream(streamUrl(b), { cookie });
    let version = annotation.version;

    // Commit through plain pg (an update and its audit event, as lib/ writes them): COMMIT sent → event on B.
    const commitWrite = async () => {
      version += 1;
      await client.query("BEGIN");
      await client.query(`UPDATE "Annotation" SET version = $2, claim = $3, "updatedAt" = now() WHERE id = $1`, [
        annotation.id,
        version,
        `Bench ${version}`,
      ]);
      await client.query(
        `INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", "entityType", "entityId", action) VALUES ($1, $2, $3, 'annotation', $4, 'update')`,
        [newId(), workspace.id, reviewer.id, annotation.id],
      );
      const started = performance.now();
      await client.query("COMMIT");
      return { key: `${annotation.id}:${version}`, started };
    };
    const commitMs: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const { key, started } = await commitWrite();
      await arrival(onB, key);
      commitMs.push(onB.received.get(key)! - started);
    }

    // Through instance A's API: PATCH sent → event on B.
    const apiMs: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const started = performance.now();
      const response = await fetch(`${a.url}/api/annotations/${annotation.id}`, {
        method: "PATCH",
        headers: { cookie, "content-type": "application/json", origin: a.url },
        body: JSON.stringify({ version, claim: `Bench API ${i}` }),
      });
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${await response.text()}`);
      roundTrips.push(performance.now() - started);
      version += 1;
      const key = `${annotation.id}:${version}`;
      await arrival(onB, key);
      apiMs.push(onB.received.get(key)! - started);
    }
    onB.close();

    // 500 idle streams on instance B, measured after a warm-up of 20 opened and closed (the route's
    // code loaded, the LISTEN connection open) and each time after a forced GC.
    const warm = await Promise.all(
      Array.from({ length: 20 }, () => openStream(streamUrl(b), { authorization: `Bearer ${tokens[0]}` })),
    );
    for (const s of warm) s.close();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = await probe(b);
    const streams: Stream[] = [];
    for (let i = 0; i < STREAMS; i++)
      streams.push(await openStream(streamUrl(b), { authorization: `Bearer ${tokens[Math.floor(i / 20)]}` }));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const cpuStart = cpuSeconds(b.pid);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const cpuPercent = round(((cpuSeconds(b.pid) - cpuStart) / IDLE_SECONDS) * 100);
    const after = await probe(b);

    // One event to all 500: COMMIT sent → the last of them received it.
    const fanOut: number[] = [];
    for (let i = 0; i < FAN_OUT_EVENTS; i++) {
      const { key, started } = await commitWrite();
      await Promise.all(streams.map((s) => arrival(s, key)));
      fanOut.push(Math.max(...streams.map((s) => s.received.get(key)!)) - started);
    }
    for (const s of streams) s.close();

    const summary = (values: number[]) => ({ p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) });
    return {
      commitToClient: { ...summary(commitMs), events: EVENTS },
      apiWriteToClient: { ...summary(apiMs), writeRoundTripP50: round(percentile(roundTrips, 50)), events: EVENTS },
      idleStreams: {
        streams: STREAMS,
        rssBeforeMiB: before.rssMiB,
        rssAfterMiB: after.rssMiB,
        extraMiB: round(after.rssMiB - before.rssMiB),
        heapExtraMiB: round(after.heapUsedMiB - before.heapUsedMiB),
        cpuPercent,
        seconds: IDLE_SECONDS,
      },
      fanOut: {
        streams: STREAMS,
        lastReceivedP50Ms: round(percentile(fanOut, 50)),
        lastReceivedMaxMs: round(Math.max(...fanOut)),
        events: FAN_OUT_EVENTS,
      },
    };
  } finally {
    await client.end();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

export function reportLive(l: LiveBench) {
  console.log(`\nLive desk (two instances on one database; a stream on instance B)`);
  console.log(
    `  COMMIT → event on B             p50 ${l.commitToClient.p50} ms, p95 ${l.commitToClient.p95} ms   (${l.commitToClient.events} events; ` +
      `target p95 < 500 ms) ${l.commitToClient.p95 < 500 ? "ok" : "MISSED"}`,
  );
  console.log(
    `  PATCH on A sent → event on B     p50 ${l.apiWriteToClient.p50} ms, p95 ${l.apiWriteToClient.p95} ms   (the PATCH itself: p50 ` +
      `${l.apiWriteToClient.writeRoundTripP50} ms)`,
  );
  const idle = l.idleStreams;
  console.log(
    `  ${idle.streams} idle streams on one instance (after a forced GC): RSS ${idle.rssBeforeMiB} → ${idle.rssAfterMiB} MiB ` +
      `(+${idle.extraMiB} MiB; target < 100 MB) ${idle.extraMiB < 95 ? "ok" : "MISSED"}, live heap +${idle.heapExtraMiB} MiB, CPU ` +
      `${idle.cpuPercent}% of a core over ${idle.seconds} s`,
  );
  console.log(
    `  one event fanned out to all ${l.fanOut.streams}: COMMIT → last stream received  p50 ${l.fanOut.lastReceivedP50Ms} ms, max ` +
      `${l.fanOut.lastReceivedMaxMs} ms (${l.fanOut.events} events)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createScratchDatabase } = await import("../scripts/lib/scratch-database");
  const { seedDemoWorkspace } = await import("../prisma/seed");
  const database = await createScratchDatabase("benchlive", 54340);
  try {
    const db = createPrismaClient(database.url);
    await seedDemoWorkspace(db);
    await db.$disconnect();
    reportLive(await benchLive(database.url));
  } finally {
    await database.dispose();
  }
}
