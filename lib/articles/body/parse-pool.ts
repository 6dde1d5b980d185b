import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "../../errors";
import type { ArticleValue } from "../slate-value";
import { checkRawBody, type BodyFormat } from "./parse";

/**
 * Article bodies are read in a worker thread, one at a time, so a slow body never blocks other
 * requests, and a body that takes longer than the time limit is refused ("too complex") and its
 * worker replaced. Jobs wait in a bounded queue; past it the server says it is busy (429).
 */
export const PARSE_LIMITS = {
  /** Running time of one body; a real 1M-character Markdown article reads in about 2 s here. */
  timeMs: 2_500,
  /** Bodies waiting for the worker; one more is refused. */
  queue: 4,
  /** How long a body may wait for its turn before the server gives up on it. */
  waitMs: 3_000,
} as const;

type Parsed = { value: ArticleValue; text: string };
type Job = {
  id: number;
  format: BodyFormat;
  body: string;
  resolve: (parsed: Parsed) => void;
  reject: (error: unknown) => void;
  queuedAt: number;
};
type Reply =
  { id: number; ok: true; result: Parsed } | { id: number; ok: false; code: AppErrorCode | null; message: string };

// The worker is a file on disk in the source tree, found from the app's root (where `npm start`
// and the tests run) and loaded by a one-line bootstrap given as code. Next bundles this module,
// and Turbopack would try to bundle a worker whose file it can see (and fail on tsx inside it).
const WORKER_URL = pathToFileURL(path.join(process.cwd(), "lib", "articles", "body", "parse-worker.mjs")).href;

let worker: Worker | null = null;
let ready: Promise<void> | null = null;
let running: { job: Job; timer: NodeJS.Timeout | undefined } | null = null;
const queue: Job[] = [];
let nextId = 1;

function startWorker(): Promise<void> {
  const thread = new Worker(`import(${JSON.stringify(WORKER_URL)})`, { eval: true });
  worker = thread;
  thread.unref(); // an idle parser keeps no process alive
  ready = new Promise((resolve, reject) => {
    thread.once("message", () => resolve());
    thread.once("error", reject);
  });
  thread.on("message", (reply: Reply | { ready: true }) => {
    if ("ready" in reply || !running || running.job.id !== reply.id) return;
    const { job, timer } = running;
    clearTimeout(timer);
    running = null;
    if (reply.ok) job.resolve(reply.result);
    else
      job.reject(
        reply.code ? new AppError(reply.code, reply.message) : new Error(`article body parser: ${reply.message}`),
      );
    void runNext();
  });
  thread.on("error", (error) => failRunning(error));
  thread.on("exit", () => {
    if (worker === thread) {
      worker = null;
      ready = null;
      failRunning(new Error("article body parser stopped"));
    }
  });
  return ready;
}

function failRunning(error: unknown) {
  if (!running) return;
  clearTimeout(running.timer);
  running.job.reject(error);
  running = null;
  void runNext();
}

async function runNext() {
  if (running) return;
  const job = queue.shift();
  if (!job) return;
  if (Date.now() - job.queuedAt > PARSE_LIMITS.waitMs) {
    job.reject(busy());
    return runNext();
  }
  running = { job, timer: undefined };
  try {
    await (worker && ready ? ready : startWorker());
  } catch (error) {
    running = null;
    job.reject(error);
    return runNext();
  }
  if (running?.job !== job) return; // the thread died while starting; failRunning answered the job
  running.timer = setTimeout(() => {
    // Past the limit the thread is stuck in the parser: end it; the next job starts a fresh one.
    const stuck = worker;
    worker = null;
    ready = null;
    void stuck?.terminate();
    startWorker().catch(() => {}); // warm a fresh thread now rather than on the next body
    if (running?.job === job) {
      running = null;
      job.reject(
        new AppError(
          "BAD_REQUEST",
          `body: too complex to read within ${PARSE_LIMITS.timeMs / 1000} s; simplify its markup or split it`,
        ),
      );
      void runNext();
    }
  }, PARSE_LIMITS.timeMs);
  worker!.postMessage({ id: job.id, format: job.format, body: job.body });
}

const busy = () => new AppError("RATE_LIMITED", "The server is busy reading other articles; try again in a moment");

/**
 * Reads an article body in the parser thread: the same answer as `parseArticleBody`, or 400 "too complex" past the
 * time limit, or 429 when the queue is full.
 */
export async function parseArticleBodyInWorker(format: BodyFormat, body: string): Promise<Parsed> {
  checkRawBody(format, body); // refused on the raw text without taking a turn
  if (queue.length >= PARSE_LIMITS.queue) return Promise.reject(busy());
  return new Promise((resolve, reject) => {
    queue.push({ id: nextId++, format, body, resolve, reject, queuedAt: Date.now() });
    void runNext();
  });
}
