import "server-only";
import { db } from "../db/client";
import { newId } from "../db/ids";
import { requireActor, type Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { prepareFrames, type Audience, type Frame } from "./fan-out";
import { liveHub, subscribe } from "./hub";
import { readMissed } from "./log";
import { covers, decodePosition, encodePosition, isVisibleIn, type Snapshot } from "./position";
import { sseEvent, sseHeartbeat, ssePosition, sseRetry } from "./sse";
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
  /** The page's position (`?since=`, lib/live/log.ts readLogPosition): a malformed one is 400. */
  since: string | null;
  /** EventSource's Last-Event-ID on reconnect: wins over `since`; one that is not a position gets `reset`. */
  lastEventId: string | null;
  signal: AbortSignal;
};

/**
 * Opens a server-sent event stream for an article (or the actor's own stream): 401 without an
 * actor, 404 for an article outside their workspace, 429 past MAX_STREAMS_PER_USER open streams.
 * Positions are snapshots (lib/live/position.ts): the stream subscribes first, then catches up
 * with what is visible now and not at the given position, holding the hub's windows back until
 * then; each frame passes only if its transaction is not visible at the stream's position, and
 * after the frames of a window the position moves to the window's snapshot (an `id:` frame). So
 * every event the client may see arrives once, whatever order ids committed in. What the actor may
 * not see never leaves (lib/live/fan-out.ts).
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
  const fromPage = options.since ? decodePosition(options.since) : null;
  if (options.since && !fromPage) throw new AppError("BAD_REQUEST", "since: not a stream position");
  const resumeFrom = options.lastEventId ? (decodePosition(options.lastEventId) ?? "invalid") : fromPage;

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
  /** What the client has: every event visible in this snapshot. Null while catching up. */
  let seen: Snapshot | null = null;
  const held: { frames: Frame[]; snapshot: Snapshot }[] = [];

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
  /** Sends what of a window the client lacks, then moves its position (silently when nothing was sent). */
  const take = (frames: Frame[], snapshot: Snapshot) => {
    const fresh = frames.filter((frame) => !isVisibleIn(frame.txid, seen!));
    for (const frame of fresh) write(frame.text);
    // A fresh frame means the window saw a transaction the position did not: the window is the later snapshot.
    if (fresh.length > 0 || covers(snapshot, seen!)) seen = snapshot;
    if (fresh.length > 0) write(ssePosition(encodePosition(snapshot)));
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
  const { position: startsAt, unsubscribe } = subscribe({
    ...audience,
    id: streamId,
    receive: (frames, snapshot) => (seen ? take(frames, snapshot) : held.push({ frames, snapshot })),
    heartbeat: () => write(seen ? ssePosition(encodePosition(seen), `heartbeat ${Date.now()}`) : sseHeartbeat()),
    drop: finish,
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
    // From now (no position, or one that is not usable): every window handed out after subscribing.
    let position = startsAt;
    if (resumeFrom === "invalid") write(sseEvent({ type: "reset", data: { reason: "unknown stream position" } }));
    else if (resumeFrom !== null) {
      const missed = await readMissed({ workspaceId: actor.workspaceId, articleId, since: resumeFrom });
      if (missed === "reset")
        write(sseEvent({ type: "reset", data: { reason: "the events since then are no longer kept" } }));
      else {
        for (const frame of (await prepareFrames(missed.events, [audience]))(audience)) write(frame.text);
        position = missed.snapshot;
      }
    }
    seen = position;
    write(ssePosition(encodePosition(position)));
    for (const window of held.splice(0)) take(window.frames, window.snapshot);
  }
}
