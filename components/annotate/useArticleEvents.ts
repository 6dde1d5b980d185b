"use client";

import { useEffect, useRef, useState } from "react";

/** An event of the live stream as the page reads it (lib/live/fan-out.ts builds it). */
export type LiveEvent = {
  type: string;
  articleId: string | null;
  annotationId: string | null;
  actor: { id: string; name: string } | null;
  at: string;
  noteId?: string;
  version?: number;
  revision?: number;
  from?: string;
  to?: string;
  /** A notification's kind (own stream). */
  kind?: string;
};

export type LiveViewer = { userId: string; name: string; editing: string | null };

export const LIVE_TYPES = [
  "annotation.created",
  "annotation.updated",
  "annotation.deleted",
  "annotation.status",
  "annotation.placement",
  "note.created",
  "note.updated",
  "note.deleted",
  "article.revised",
  "notification",
] as const;

/** Runs `run` after the window's load event, in the browser's next idle time (at most 2 s later). */
function whenIdleAfterLoad(run: () => void): () => void {
  let idle: number | undefined;
  const schedule = () => {
    idle = window.requestIdleCallback
      ? window.requestIdleCallback(run, { timeout: 2000 })
      : window.setTimeout(run, 200);
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return () => {
    window.removeEventListener("load", schedule);
    if (idle === undefined) return;
    if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
    else window.clearTimeout(idle);
  };
}

/**
 * Follows a live stream (`/api/events?article=<id>`, or the person's own with no article) from
 * the log position the page's data was read at (null: from now), so nothing falls between render and subscribe.
 * EventSource reconnects by itself and sends Last-Event-ID; a `reset` (the page is too far behind)
 * calls `onReset`. Answers the stream's id (for presence reports) and who else is viewing.
 */
export function useArticleEvents(options: {
  articleId: string | null;
  since: string | null;
  onEvent: (event: LiveEvent) => void;
  onReset: () => void;
}) {
  const [streamId, setStreamId] = useState<string | null>(null);
  const [viewers, setViewers] = useState<LiveViewer[]>([]);
  const handlers = useRef(options);
  useEffect(() => {
    handlers.current = options;
  });
  const { articleId, since } = options;

  useEffect(() => {
    let source: EventSource | null = null;
    // Opened once the page has loaded and the browser is idle (#15): a stream costs the server a
    // sign-in check and a LISTEN while the page is still being sent and hydrated on the same cores,
    // and it starts at the page's own log position, so waiting misses nothing.
    const cancel = whenIdleAfterLoad(() => {
      const query = new URLSearchParams(since ? { since } : {});
      if (articleId) query.set("article", articleId);
      source = new EventSource(`/api/events?${query}`);
      const read = (message: MessageEvent) => JSON.parse(message.data as string);
      source.addEventListener("ready", (message) => setStreamId(read(message as MessageEvent).streamId));
      source.addEventListener("reset", () => handlers.current.onReset());
      source.addEventListener("presence", (message) => setViewers(read(message as MessageEvent).viewers));
      for (const type of LIVE_TYPES)
        source.addEventListener(type, (message) =>
          handlers.current.onEvent({ ...read(message as MessageEvent), type }),
        );
    });
    return () => {
      cancel();
      source?.close();
    };
  }, [articleId, since]);

  return { streamId, viewers };
}

/** Tells the others which annotation this tab has open for editing (null: none); advisory only. */
export function useEditingReport(streamId: string | null, editing: string | null) {
  useEffect(() => {
    if (!streamId) return;
    void fetch("/api/events/presence", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ streamId, editing }),
    }).catch(() => {});
  }, [streamId, editing]);
}
