/**
 * Server-sent events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 * Pure: the stream code and its tests share it. Data is one line of JSON (JSON escapes line
 * breaks), so a frame cannot be split or forged by content.
 */
export function sseEvent(event: { id?: string; type: string; data: unknown }): string {
  const id = event.id !== undefined ? `id: ${event.id}\n` : "";
  return `${id}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies and idle timers from closing the stream. */
export const sseHeartbeat = (): string => `: heartbeat ${Date.now()}\n\n`;

/** How long the browser waits before reconnecting after the stream drops. */
export const sseRetry = (ms: number): string => `retry: ${ms}\n\n`;

/**
 * The position a client asks to resume from: the Last-Event-ID header (EventSource sends it on
 * reconnect) or the page's `since`. Null when absent; "invalid" when it is not a log id.
 */
export function parsePosition(value: string | null): bigint | null | "invalid" {
  if (value === null || value === "") return null;
  return /^\d{1,18}$/.test(value) ? BigInt(value) : "invalid";
}
