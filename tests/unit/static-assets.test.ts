// The build's static files from memory (scripts/lib/static-assets.ts), over a real HTTP server on
// a free port: gzip when asked, the file as it is otherwise, and everything it does not know or
// must not serve left to the next handler.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticAssetHandler } from "@/scripts/lib/static-assets";

const script = `console.log(${JSON.stringify("x".repeat(5000))});`;
const style = `body { margin: 0; ${"color: red; ".repeat(200)}}`;
const manifest = JSON.stringify({ pages: Array.from({ length: 100 }, (_, i) => `/page-${i}`) });
/** What a script is served as: V8's explicit compile hint, then the file. */
const served = `//# allFunctionsCalledOnLoad\n${script}`;
let server: Server;
let port: number;

beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), "static-assets-"));
  mkdirSync(path.join(dist, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dist, "static", "chunks", "app.js"), script);
  writeFileSync(path.join(dist, "static", "chunks", "app.css"), style);
  writeFileSync(path.join(dist, "static", "chunks", "manifest.json"), manifest);
  writeFileSync(path.join(dist, "static", "chunks", "notes.txt"), "not a known type");
  writeFileSync(path.join(dist, "secret.js"), "outside the static folder");
  const serve = staticAssetHandler(dist);
  server = createServer((req, res) => {
    void serve(req, res).then((served) => {
      if (!served) res.writeHead(404).end("next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: pathname, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("staticAssetHandler", () => {
  it("serves a script gzipped to a client that accepts it, and as it is to one that does not", async () => {
    const zipped = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.status).toBe(200);
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-type"]).toBe("application/javascript; charset=UTF-8");
    expect(zipped.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zipped.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(served);

    const plain = await get("/_next/static/chunks/app.js?dpl=1");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(served);

    const head = await get("/_next/static/chunks/app.js", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(served.length);
    expect(head.body.length).toBe(0);
  });

  it("asks V8 to compile a script's functions as it streams in, and serves anything else as it is", async () => {
    const script = (await get("/_next/static/chunks/app.js")).body.toString();
    expect(script.split("\n")[0]).toBe("//# allFunctionsCalledOnLoad");
    const css = await get("/_next/static/chunks/app.css", { "accept-encoding": "gzip" });
    expect(css.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(gunzipSync(css.body).toString()).toBe(style);
    const json = await get("/_next/static/chunks/manifest.json");
    expect(json.headers["content-type"]).toBe("application/json; charset=UTF-8");
    expect(JSON.parse(json.body.toString())).toEqual(JSON.parse(manifest));
  });

  it("leaves missing files, unknown types, other methods, other paths and escapes to the next handler", async () => {
    for (const pathname of [
      "/_next/static/chunks/missing.js",
      "/_next/static/chunks/notes.txt",
      "/_next/static/../secret.js",
      "/_next/static/%2e%2e/secret.js",
      "/_next/static/%E0%A4%A",
      "/chunks/app.js",
    ])
      expect((await get(pathname)).body.toString(), pathname).toBe("next");
    expect((await get("/_next/static/chunks/app.js", {}, "POST")).body.toString()).toBe("next");
  });
});
