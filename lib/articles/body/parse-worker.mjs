// The thread that reads article bodies (lib/articles/body/parse-pool.ts starts it). A plain
// JavaScript file, found on disk at run time rather than bundled by Next, that loads the
// TypeScript parser through tsx (a runtime dependency), so the build and the tests run the same code.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { parseArticleBody } = await import("./parse.ts");

parentPort.on("message", ({ id, format, body }) => {
  try {
    parentPort.postMessage({ id, ok: true, result: parseArticleBody(format, body) });
  } catch (error) {
    // AppErrors keep their code and message; anything else is the parser's own failure.
    const known = error && typeof error === "object" && error.name === "AppError";
    parentPort.postMessage({
      id,
      ok: false,
      code: known ? error.code : null,
      message: known ? error.message : String(error?.message ?? error),
    });
  }
});
parentPort.postMessage({ ready: true });
