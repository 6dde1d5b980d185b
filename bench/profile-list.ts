// Where the list route's time goes on the Node side (issue #15 item 2): serves the production
// build with a CPU profiler (bench/cpu-profile-preload.mjs), calls `GET /api/auth/csrf` back to
// back for a few seconds, pauses, then the list of 20 annotations for as long, and splits the
// server's profile at the pauses: self and inclusive time per request, by function and by
// package, for each phase. Needs `next build`; `npx tsx bench/profile-list.ts` (port 3300 or
// BENCH_STANDALONE_PORT, under the flock; BENCH_PROFILE_SECONDS per phase, default 6).
// BENCH_PROFILE_ROUTE=create profiles creating an annotation (as bench/api.ts posts it) instead.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiTargets, postCreate } from "./api";
import { generateSpans } from "./fixtures";
import { runAlone } from "./standalone";

const SECONDS = Number(process.env.BENCH_PROFILE_SECONDS || 6);
const dir = mkdtempSync(path.join(tmpdir(), "factmark-prof-"));
const ROUTE = process.env.BENCH_PROFILE_ROUTE === "create" ? "create" : "list";
const counts = { csrf: 0, route: 0 };

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

async function drive(call: (i: number) => Promise<Response>, key: keyof typeof counts) {
  const until = performance.now() + SECONDS * 1000;
  while (performance.now() < until) {
    const response = await call(counts[key]);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
    counts[key]++;
  }
}

await runAlone({
  label: "benchprof",
  embeddedPort: 54337,
  serverEnv: { NODE_OPTIONS: `--import ${path.resolve("bench/cpu-profile-preload.mjs")}`, FACTMARK_PROFILE_DIR: dir },
  prepare: async (db) => {
    const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "demo-desk" } });
    const author = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
    return createApiTargets(db, { workspaceId: workspace.id, authorId: author.id });
  },
  run: async (url, cookie, target) => {
    const csrf = () => fetch(`${url}/api/auth/csrf`);
    const list = () => fetch(`${url}/api/articles/${target.listArticleId}/annotations`, { headers: { cookie } });
    const { text } = target.createArticle;
    const spans = generateSpans(text, 5_000);
    // As bench/api.ts posts it; the warm-up's 50 take the last spans.
    const create = (i: number) => postCreate(url, cookie, target.createArticle, spans[i % spans.length], i);
    const route = ROUTE === "create" ? create : list;
    for (let i = 0; i < 50; i++)
      await Promise.all([csrf().then((r) => r.arrayBuffer()), route(4_950 + i).then((r) => r.arrayBuffer())]);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await drive(csrf, "csrf");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await drive(route, "route");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  },
});

// The largest profile is the app server's (the tsx launcher writes a small one too).
const file = readdirSync(dir)
  .map((name) => path.join(dir, name))
  .sort((a, b) => statSync(b).size - statSync(a).size)[0];
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const isIdle = (id: number) => byId.get(id)!.callFrame.functionName === "(idle)";

// Phases are the busy stretches between idle pauses of over a second: warm-up, csrf, list.
const phases: { from: number; to: number }[] = [];
let idleSince = 0;
let idleMs = 0;
let start = -1;
for (let i = 0; i < profile.samples.length; i++) {
  const ms = profile.timeDeltas[i] / 1000;
  if (isIdle(profile.samples[i])) {
    idleMs += ms;
    if (idleMs > 1000 && start >= 0) {
      phases.push({ from: start, to: idleSince });
      start = -1;
    }
  } else {
    if (start < 0) start = i;
    idleMs = 0;
    idleSince = i + 1;
  }
}
if (start >= 0) phases.push({ from: start, to: profile.samples.length });
// The two driven phases last SECONDS each; the server's boot, the warm-up and its stop do not.
const span = (phase: { from: number; to: number }) =>
  profile.timeDeltas.slice(phase.from, phase.to).reduce((sum, delta) => sum + delta, 0) / 1e6;
const [csrfPhase, routePhase] = phases.filter((phase) => Math.abs(span(phase) - SECONDS) < SECONDS * 0.3).slice(-2);

const packageOf = (url: string) => {
  if (!url) return "(native/gc)";
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.startsWith("node:")) return "node";
  if (url.includes(".next/server/chunks") || url.includes(".next/server/app")) return "app bundle";
  return url
    .replace(/^file:\/\//, "")
    .split("/")
    .slice(-2)
    .join("/");
};

function summarise(label: string, phase: { from: number; to: number }, requests: number) {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const pkg = new Map<string, number>();
  let busy = 0;
  for (let i = phase.from; i < phase.to; i++) {
    const node = byId.get(profile.samples[i])!;
    const ms = profile.timeDeltas[i] / 1000;
    if (node.callFrame.functionName === "(idle)") continue;
    busy += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${packageOf(url)}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    pkg.set(packageOf(url), (pkg.get(packageOf(url)) ?? 0) + ms);
    // Inclusive: each function on the sample's (synchronous) stack once.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      const name = `${frame.functionName || "(anonymous)"} ${packageOf(frame.url)}:${frame.lineNumber}`;
      if (!seen.has(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
      seen.add(name);
    }
  }
  const per = (ms: number) => `${((ms / requests) * 1000).toFixed(0)} µs/req`;
  console.log(`\n${label}: ${requests} requests, CPU busy ${busy.toFixed(0)} ms = ${per(busy)}`);
  for (const [name, ms] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${per(ms).padStart(12)}  ${name}`);
  console.log("  top functions (self):");
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${per(ms).padStart(12)}  ${name}`);
  console.log("  top functions (inclusive, synchronous stacks):");
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`  ${per(ms).padStart(12)}  ${name}`);
}

console.log(`profile ${file}`);
summarise("GET /api/auth/csrf", csrfPhase, counts.csrf);
summarise(ROUTE === "create" ? "POST create annotation" : "GET list of 20", routePhase, counts.route);
