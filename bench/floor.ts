// What the article page's time is set against (issue #15 target 1), served beside it in the same
// run: the article as a static HTML page (no script), and the framework floor (bench/floor): the
// smallest Next.js App Router page that server-renders the same text and hydrates one client
// component. The page cannot load faster than the floor with this stack; the floor says how much
// of the page's time is the stack's own and how much is Factmark's.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

const FLOOR_DIR = path.resolve("bench/floor");
/** The floor's port (outside the app's fixed ones, README "Ports"). */
const FLOOR_PORT = 3202;
/** The body style of both pages: the peer harness's static page's. */
const BODY_STYLE = "margin:0 auto;max-width:46rem;padding:1rem;font:18px/1.6 Georgia,serif";

export type FloorPages = { staticUrl: string; floorUrl: string; stop: () => Promise<void> };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * Serves `paragraphs` as a static page (marked interactive from the start: it has nothing to
 * hydrate) and through the floor app, built first with `next build bench/floor` (about 20 s).
 * Both pages carry the blocks the article page's wait rule looks for.
 */
export async function startFloorPages(paragraphs: string[]): Promise<FloorPages> {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static article</title></head>` +
    `<body style="${BODY_STYLE}"><main><div data-interactive="true"><div data-slate-editor="true">` +
    paragraphs.map((text) => `<p data-slate-node="element">${escapeHtml(text)}</p>`).join("\n") +
    `</div></div></main></body></html>`;
  const staticServer = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
  });
  await new Promise<void>((listening) => staticServer.listen(0, "127.0.0.1", listening));
  const staticUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`;

  const folder = await mkdtemp(path.join(os.tmpdir(), "factmark-floor-"));
  const article = path.join(folder, "article.json");
  await writeFile(article, JSON.stringify(paragraphs));
  await run(["build", FLOOR_DIR]);
  const next = spawn(path.resolve("node_modules/.bin/next"), ["start", FLOOR_DIR, "-p", String(FLOOR_PORT)], {
    stdio: "ignore",
    env: { ...process.env, FLOOR_ARTICLE: article, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const stop = async () => {
    staticServer.close();
    if (next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((exited) => next.once("exit", exited));
    }
    await rm(folder, { recursive: true, force: true });
  };
  const floorUrl = `http://127.0.0.1:${FLOOR_PORT}/`;
  for (let i = 0; i < 150; i++) {
    if (next.exitCode !== null) break;
    if (
      await fetch(floorUrl).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { staticUrl, floorUrl, stop };
    await new Promise((wait) => setTimeout(wait, 200));
  }
  await stop();
  throw new Error(`the floor app did not answer on ${floorUrl}`);
}

function run(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(path.resolve("node_modules/.bin/next"), args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`next ${args.join(" ")} exited with ${code}`))));
  });
}
