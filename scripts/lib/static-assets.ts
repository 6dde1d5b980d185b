// The build's scripts and styles (`/_next/static/...`) served from memory, gzipped once (#15).
// Through Next's handler each one went through its router and was gzipped again on every request:
// 10–40 ms per script on a busy machine, eleven scripts per page, on the same cores that render the
// page the scripts belong to, so the article page waited for its own scripts. The files are
// content-hashed and never change within a build, so each is read and compressed once.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".json": "application/json; charset=UTF-8",
};
const PREFIX = "/_next/static/";

type Asset = { type: string; raw: Buffer; gzip: Buffer | null };

/**
 * V8's explicit compile hint (Chrome 136+): a script that starts with this comment has all its
 * functions compiled while it streams in, off the main thread, instead of each one lazily on the
 * main thread when first called. The page's scripts are the framework's and the page's own, nearly
 * all of it run while the page hydrates; compiling it lazily was the largest single item of the
 * article page's main-thread time (#15). Chunks fetched later (the panel's form and detail, at
 * idle) are compiled whole too: a little CPU and memory spent after the page is interactive.
 */
const COMPILE_HINT = Buffer.from("//# allFunctionsCalledOnLoad\n");
const withCompileHint = (type: string, raw: Buffer) =>
  type === TYPES[".js"] ? Buffer.concat([COMPILE_HINT, raw]) : raw;

/**
 * A handler for the build's static folder: answers GET and HEAD of a file under `/_next/static/`
 * with a known type and returns true; anything else (another path or method, a file that is not
 * there, a type it does not know) returns false for Next to answer as before.
 */
export function staticAssetHandler(distDir: string) {
  const root = path.resolve(distDir, "static");
  const cache = new Map<string, Promise<Asset | null>>();

  async function load(file: string): Promise<Asset | null> {
    const type = TYPES[path.extname(file)];
    if (!type) return null;
    try {
      const raw = withCompileHint(type, await readFile(file));
      // Compressing a font or a tiny file gains nothing; a script or a style shrinks to a third.
      const gzip = raw.length > 1024 && !type.startsWith("font/") ? gzipSync(raw) : null;
      return { type, raw, gzip };
    } catch {
      return null;
    }
  }

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith(PREFIX)) return false;
    let relative: string;
    try {
      relative = decodeURIComponent(req.url.slice(PREFIX.length).split("?")[0]);
    } catch {
      return false;
    }
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return false;
    if (!cache.has(file)) cache.set(file, load(file));
    const asset = await cache.get(file)!;
    if (!asset) {
      cache.delete(file);
      return false;
    }
    const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? asset.gzip! : asset.raw;
    res.statusCode = 200;
    res.setHeader("Content-Type", asset.type);
    res.setHeader("Content-Length", body.length);
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("Vary", "Accept-Encoding");
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
