import "server-only";
import { db } from "../db/client";
import { newId } from "../db/ids";
import { requireActor, type Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { prepareFrames, type Audience } from "./fan-out";
import { liveHub, subscribe } from "./hub";
import { readMissed } from "./log";
import { parsePosition, sseEvent, sseRetry } from "./sse";
import { closeStream, openStream } from "./streams";

/** Bytes a stream may hold for a client that is not reading before it is dropped (EventSource then reconnects and catches up). */
export const MAX_BUFFERED_BYTES = 256 * 1024;
export const RETRY_MS = 3_000;
/** How long a new stream waits for the instance's LISTEN connection before answering 503. */
const LISTEN_WAIT_MS = 5_000;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: compression (Next's, or a proxy's) would hold events back to fill a block.
  "Cache-Control": "no-cache, no-transform",
  // nginx and compatible proxies: pass each event on at once instead of buffering the response.
  "X-Accel-Buffering": "no",
};

type Options = {
  actor: Actor | null;
  /** Null for the person's own stream. */
  articleId: unknown;
  /** The page's position (`?since=`): a malformed one is 400. */
  since: string | null;
  /** EventSource's Last-Event-ID on reconnect: wins over `since`; one that is not a log id gets `reset`. */
  lastEventId: string | null;
  signal: AbortSignal;
};

/**
 * Opens a server-sent event stream for an article (or the actor's own stream): 401 without an
 * actor, 404 for an article outside their workspace, 429 past MAX_STREAMS_PER_USER open streams.
 * It subscribes before reading what was missed since the given position, holding live events
 * back until the missed ones are sent, so nothing falls between the two; what the actor may not
 * see never leaves (lib/live/fan-out.ts).
 */
export async function openEventStream(options: Options): Promise<Response> {
  const actor = requireActor(options.actor);
  let articleId: string | null = null;
  if (options.articleId !== null && options.articleId !== undefined) {
    articleId = parseInput(idSchema, options.articleId);
    const article = await db.article.findFirst({
      where: { id: articleId, workspaceId: actor.workspaceId },
      select: { id: true },
    });
    if (!article) throw notFound("Article");
  }
  const fromPage = parsePosition(options.since);
  if (fromPage === "invalid") throw new AppError("BAD_REQUEST", "since: not an event id (digits only)");
  const fromHeader = parsePosition(options.lastEventId);
  const position = options.lastEventId ? fromHeader : fromPage;

  const audience: Audience = { userId: actor.userId, workspaceId: actor.workspaceId, role: actor.role, articleId };
  const streamId = newId();
  const hub = liveHub();
  const listening = await Promise.race([
    hub.listening.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(resolve, LISTEN_WAIT_MS, false)),
  ]);
  if (!listening) throw new AppError("UNAVAILABLE", "Live updates are not available right now; try again shortly");
  await openStream({
    id: streamId,
    userId: actor.userId,
    workspaceId: actor.workspaceId,
    instanceId: hub.instanceId,
    articleId,
  });

  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let finished = false;
  let caughtUp = false;
  const held: { text: string; id?: bigint }[] = [];
  const replayed = new Set<bigint>();

  const finish = () => {
    if (finished) return;
    finished = true;
    unsubscribe();
    options.signal.removeEventListener("abort", finish);
    try {
      controller.close();
    } catch {
      // Already closed or errored by the client going away.
    }
    void closeStream({ id: streamId, workspaceId: actor.workspaceId, articleId, userId: actor.userId }).catch((error) =>
      console.warn("live: closing a stream failed", error),
    );
  };
  const write = (text: string) => {
    if (finished) return;
    controller.enqueue(encoder.encode(text));
    // A client that stopped reading: drop it rather than buffer without limit.
    if ((controller.desiredSize ?? 0) <= 0) finish();
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      cancel: finish,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: MAX_BUFFERED_BYTES }),
  );
  const unsubscribe = subscribe({
    ...audience,
    id: streamId,
    send: (text, id) => {
      if (!caughtUp) held.push({ text, id });
      else write(text);
    },
  });
  options.signal.addEventListener("abort", finish);

  write(sseRetry(RETRY_MS));
  write(sseEvent({ type: "ready", data: { streamId } }));
  // The replay runs once the response is on its way, so the client reads while it is written and
  // a long one does not count against the bound for a client that does not read.
  void catchUp().catch((error) => {
    console.warn("live: catching a stream up failed", error);
    finish();
  });
  return new Response(body, { headers: EVENT_STREAM_HEADERS });

  async function catchUp() {
    if (position === "invalid") write(sseEvent({ type: "reset", data: { reason: "unknown event id" } }));
    else if (position !== null) {
      const missed = await readMissed({ workspaceId: actor.workspaceId, articleId, since: position });
      if (missed === "reset")
        write(sseEvent({ type: "reset", data: { reason: "the events since then are no longer kept" } }));
      else {
        const frames = (await prepareFrames(missed, [audience]))(audience);
        for (const frame of frames) {
          replayed.add(frame.id);
          write(frame.text);
        }
      }
    }
    caughtUp = true;
    for (const item of held.splice(0)) if (item.id === undefined || !replayed.has(item.id)) write(item.text);
    replayed.clear();
  }
}
