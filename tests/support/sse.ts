// Reads a server-sent event stream (a fetch or route Response body) in tests and benchmarks.
export type SseMessage = { id?: string; event: string; data: unknown };

/**
 * Parses complete frames out of `buffer`; answers them, what is left over, and the last event id
 * they set (as EventSource keeps it: a frame with an id and no data sets it and dispatches nothing).
 */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string; lastEventId?: string } {
  const messages: SseMessage[] = [];
  let lastEventId: string | undefined;
  const parts = buffer.split("\n\n");
  const rest = parts.pop() ?? "";
  for (const part of parts) {
    const fields = new Map<string, string>();
    for (const line of part.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).replace(/^ /, ""));
    }
    if (fields.has("id")) lastEventId = fields.get("id");
    if (!fields.has("data")) continue;
    messages.push({
      id: fields.get("id"),
      event: fields.get("event") ?? "message",
      data: JSON.parse(fields.get("data")!),
    });
  }
  return { messages, rest, lastEventId };
}

/** Collects a stream's messages as they arrive (and hands each to `onMessage`); `until` resolves once one matches (rejects after `ms`). */
export function collectSse(body: ReadableStream<Uint8Array>, onMessage?: (message: SseMessage) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  const waiters: { test: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }[] = [];
  let buffer = "";
  let closed = false;
  let lastEventId: string | undefined;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
      buffer = parsed.rest;
      lastEventId = parsed.lastEventId ?? lastEventId;
      for (const message of parsed.messages) {
        messages.push(message);
        onMessage?.(message);
        for (const waiter of waiters.filter((w) => w.test(message))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
    closed = true;
  })();
  return {
    messages,
    isClosed: () => closed,
    /** What EventSource would send as Last-Event-ID on reconnecting now. */
    lastEventId: () => lastEventId,
    until(test: (m: SseMessage) => boolean, ms = 15_000): Promise<SseMessage> {
      const found = messages.find(test);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event within ${ms} ms; got ${messages.map((m) => m.event).join(", ")}`)),
          ms,
        );
        waiters.push({ test, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      });
    },
    async close() {
      await reader.cancel().catch(() => {});
      await pump;
    },
  };
}
