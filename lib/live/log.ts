import "server-only";
import { db } from "../db/client";

/** A row of the event log ("LiveEvent"), as the fan-out reads it. */
export type LoggedEvent = {
  id: bigint;
  workspaceId: string;
  articleId: string | null;
  annotationId: string | null;
  type: string;
  actorId: string | null;
  data: Record<string, unknown> | null;
  createdAt: Date;
};

/** How long events stay in the log for catching up; a page older than this reloads (`reset`). */
export const RETENTION_HOURS = 24;
/** At most this many missed events are replayed; a page further behind reloads instead. */
export const MAX_CATCH_UP = 500;

const columns = {
  id: true,
  workspaceId: true,
  articleId: true,
  annotationId: true,
  type: true,
  actorId: true,
  data: true,
  createdAt: true,
} as const;

/** The events of one announced statement ("<txid>:<first>:<last>", prisma/routines/30-live-events.sql). */
export async function readAnnounced(payload: string): Promise<LoggedEvent[]> {
  const match = /^(\d+):(\d+):(\d+)$/.exec(payload);
  if (!match) return [];
  const [, txid, first, last] = match.map((part) => (part && /^\d+$/.test(part) ? BigInt(part) : 0n));
  const rows = await db.liveEvent.findMany({
    where: { txid, id: { gte: first, lte: last } },
    select: columns,
    orderBy: { id: "asc" },
  });
  return rows as LoggedEvent[];
}

/** The log's position now: the page renders its data after reading it, and streams from it. */
export async function readLogPosition(): Promise<string> {
  const [row] = await db.$queryRaw<
    { position: bigint }[]
  >`SELECT coalesce((SELECT max(id) FROM "LiveEvent"), 0) AS position`;
  return String(row?.position ?? 0n);
}

/**
 * What a stream that saw everything up to `since` missed, for one workspace (and article): the
 * events in id order, or "reset" when `since` is not a position of this log (ahead of it) or is
 * older than the oldest event kept, or when more than MAX_CATCH_UP events were missed.
 */
export async function readMissed(options: {
  workspaceId: string;
  articleId: string | null;
  since: bigint;
}): Promise<LoggedEvent[] | "reset"> {
  const [bounds] = await db.$queryRaw<{ oldest: bigint | null; newest: bigint }[]>`
    SELECT (SELECT min(id) FROM "LiveEvent") AS oldest, (SELECT last_value FROM "LiveEvent_id_seq") AS newest`;
  if (!bounds || options.since > bounds.newest) return "reset";
  // Ids below the oldest kept event were purged (or never committed): the page cannot know which.
  if (bounds.oldest !== null && options.since < bounds.oldest - 1n) return "reset";
  const rows = await db.liveEvent.findMany({
    where: {
      workspaceId: options.workspaceId,
      id: { gt: options.since },
      ...(options.articleId ? { articleId: options.articleId } : {}),
    },
    select: columns,
    orderBy: { id: "asc" },
    take: MAX_CATCH_UP + 1,
  });
  return rows.length > MAX_CATCH_UP ? "reset" : (rows as LoggedEvent[]);
}

/** Drops events past the retention window (any instance may run it; it is idempotent). */
export async function purgeExpiredEvents(now = new Date()): Promise<number> {
  const { count } = await db.liveEvent.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - RETENTION_HOURS * 3_600_000) } },
  });
  return count;
}
