// The HTTP front door: `next` behind a plain Node server, so that what the app believes about a
// request comes from the socket and not from the client. Before Next sees a request, this
// decides the client's address (X-Forwarded-For only from FACTMARK_TRUSTED_PROXIES), overwrites
// the forwarded headers with that decision, makes a fresh CSP nonce and sets the security
// headers. `next start` alone would keep a client-sent X-Forwarded-For as it is.
//   tsx scripts/serve.ts [--dev] [--port N] [--dir FOLDER]   (FOLDER: another Next.js project, e.g. bench/floor)
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { parseTrustedProxies, resolveClient } from "../lib/http/client-address";
import { securityHeaders } from "../lib/http/security-headers";
import { handleMemoryProbe } from "./lib/memory-probe";
import { staticAssetHandler } from "./lib/static-assets";

const dev = process.argv.includes("--dev");
const portFlag = process.argv.indexOf("--port");
const port = Number(portFlag > 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));
const dirFlag = process.argv.indexOf("--dir");
const dir = dirFlag > 0 ? process.argv[dirFlag + 1] : ".";
const trusted = parseTrustedProxies(process.env.FACTMARK_TRUSTED_PROXIES);
const memoryProbe = process.env.FACTMARK_BENCH_PROBE === "1";

const app = next({ dev, port, hostname: "localhost", dir });
const handle = app.getRequestHandler();
await app.prepare();
// A build's scripts and styles from memory; `next dev` rebuilds them, so it serves its own.
const serveStatic = dev ? null : staticAssetHandler(path.join(dir, ".next"));

const server = createServer((req, res) => {
  if (handleMemoryProbe(req, res, memoryProbe)) return;
  const client = resolveClient({
    peer: req.socket.remoteAddress,
    encrypted: "encrypted" in req.socket && Boolean(req.socket.encrypted),
    forwardedFor: req.headers["x-forwarded-for"],
    forwardedProto: req.headers["x-forwarded-proto"],
    trusted,
  });
  req.headers["x-forwarded-for"] = client.address;
  req.headers["x-forwarded-proto"] = client.https ? "https" : "http";
  if (!client.proxied) delete req.headers["x-forwarded-host"];

  const headers = securityHeaders({
    nonce: randomBytes(16).toString("base64"),
    dev,
    https: client.https,
    path: req.url,
  });
  // Next reads the nonce from the request's CSP and puts it on the scripts it renders.
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!serveStatic) return void handle(req, res);
  serveStatic(req, res).then(
    (served) => void (served || handle(req, res)),
    () => void handle(req, res),
  );
});
// Node closes idle keep-alive sockets after 5 s, which races clients reusing one (ECONNRESET seen
// in e2e); keep them longer than common clients and proxies do (60 s), headers timeout just above.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, () => console.log(`factmark: serving on port ${port}${dev ? " (dev)" : ""}`));

function stop() {
  server.close(() => process.exit(0));
  // Keep-alive sockets would hold close() open; nothing in flight matters more than stopping.
  setTimeout(() => process.exit(0), 5_000).unref();
  server.closeIdleConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
