// What the article page's time is set against (issue #15 target 1), served beside it in the same
// run: the article as a static HTML page, and two floors (bench/floor), behind the app's own front
// door (scripts/serve.ts: its headers, its in-memory scripts): the smallest Next.js App Router page
// that server-renders the same text and hydrates one client component, and the same with the text
// in a read-only Slate editor. The page cannot load faster than these with this stack (Next.js and
// Slate are fixed); they say how much of its time is the stack's own and how much is Factmark's.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { startNextServer } from "../scripts/lib/next-server";

const FLOOR_DIR = path.resolve("bench/floor");
/** The floor's port (outside the app's fixed ones, README "Ports"). */
const FLOOR_PORT = 3202;
/** The body style of both pages: the peer harness's static page's. */
const BODY_STYLE = "margin:0 auto;max-width:46rem;padding:1rem;font:18px/1.6 Georgia,serif";

export type FloorPages = { staticUrl: string; floorUrl: string; slateFloorUrl: string; stop: () => Promise<void> };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * Builds the floor app (`next build bench/floor`, about 20 s), then serves `paragraphs` through
 * its two pages and as a static page. All carry the blocks the article page's wait rule looks for; the
 * static page marks itself interactive from a script at its end, once the whole text is parsed
 * (as the peer harness's static page reports).
 */
export async function startFloorPages(paragraphs: string[]): Promise<FloorPages> {
  await buildFloor();
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static article</title></head>` +
    `<body style="${BODY_STYLE}"><main><div id="article"><div data-slate-editor="true">` +
    paragraphs.map((text) => `<p data-slate-node="element">${escapeHtml(text)}</p>`).join("\n") +
    `</div></div></main><script>document.getElementById("article").dataset.interactive = "true";</script>` +
    `</body></html>`;
  const staticServer = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
  });
  const folder = await mkdtemp(path.join(os.tmpdir(), "factmark-floor-"));
  const stopStatic = async () => {
    staticServer.close();
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((listening) => staticServer.listen(0, "localhost", listening));
    const article = path.join(folder, "article.json");
    await writeFile(article, JSON.stringify(paragraphs));
    const floor = await startNextServer({
      port: FLOOR_PORT,
      dir: FLOOR_DIR,
      quiet: true,
      env: { FLOOR_ARTICLE: article },
    });
    return {
      staticUrl: `http://localhost:${(staticServer.address() as AddressInfo).port}/`,
      floorUrl: `${floor.url}/`,
      slateFloorUrl: `${floor.url}/slate`,
      stop: async () => {
        await floor.stop();
        await stopStatic();
      },
    };
  } catch (error) {
    await stopStatic();
    throw error;
  }
}

function buildFloor(): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(path.resolve("node_modules/.bin/next"), ["build", FLOOR_DIR], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`next build bench/floor exited with ${code}`))));
  });
}
