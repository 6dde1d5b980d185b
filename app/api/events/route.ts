import { getReadActor } from "@/lib/auth/session";
import { jsonRoute } from "@/lib/http/responses";
import { openEventStream } from "@/lib/live/stream";

// A stream is never cached or rendered ahead of time.
export const dynamic = "force-dynamic";

/**
 * GET /api/events?article=<id>[&since=<position>] — the article's live events (server-sent events);
 * GET /api/events — the signed-in person's own stream. Session or API token.
 */
export const GET = jsonRoute(async (request) => {
  const url = new URL(request.url);
  return openEventStream({
    actor: await getReadActor(request),
    articleId: url.searchParams.get("article"),
    since: url.searchParams.get("since"),
    lastEventId: request.headers.get("last-event-id"),
    signal: request.signal,
  });
});
