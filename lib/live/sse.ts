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
 * Moves the client's resume position without an event: a frame with an id and no data sets
 * EventSource's last event id (sent back as Last-Event-ID on reconnect) and dispatches nothing.
 * Sent after the frames it covers, so a connection cut in between resumes before them (a repeat,
 * never a gap). With a comment it doubles as the heartbeat.
 */
export const ssePosition = (position: string, comment?: string): string =>
  `${comment === undefined ? "" : `: ${comment}\n`}id: ${position}\n\n`;
