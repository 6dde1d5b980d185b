import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { encodePosition, parsePgSnapshot, type Snapshot } from "./position";

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
  /** The writing transaction: a position has the event exactly when this is visible in it. */
  txid: bigint;
};

/** How long events stay in the log for catching up; a page older than this reloads (`reset`). */
export const RETENTION_HOURS = 24;
/** At most this many missed events are replayed; a page further behind reloads instead. */
export const MAX_CATCH_UP = 500;

type EventRow = Omit<LoggedEvent, "id" | "txid"> & { id: bigint | null; txid: bigint | null; snapshot: string };

const eventColumns = Prisma.sql`e.id, e."workspaceId", e."articleId", e."annotationId", e.type, e."actorId", e.data, e."createdAt", e.txid`;

/** The events of a statement's rows (a LEFT JOIN gives one empty row when there are none). */
const eventsOf = (rows: EventRow[]): LoggedEvent[] =>
  rows
    .filter((r): r is EventRow & { id: bigint; txid: bigint } => r.id !== null)
    .map((r) => ({
      id: r.id,
      workspaceId: r.workspaceId,
      articleId: r.articleId,
      annotationId: r.annotationId,
      type: r.type,
      actorId: r.actorId,
      data: r.data,
      createdAt: r.createdAt,
      txid: r.txid,
    }));

/**
 * `NOT pg_visible_in_snapshot(e.txid, s)`, written so the index on txid serves it: a transaction is
 * not visible exactly when it started at or after xmax or was in progress (xip). Unlike the
 * function, it reads only those index entries, however old xmin is (a long-idle transaction
 * elsewhere would otherwise make every window scan from it), and it needs no pg_snapshot input.
 */
const notVisibleIn = (s: Snapshot) =>
  Prisma.sql`(e.txid >= ${s.xmax} OR e.txid = ANY (${`{${s.xip.join(",")}}`}::bigint[]))`;

/** The database's snapshot now: where a window or a page starts. */
export async function readSnapshot(): Promise<Snapshot> {
  const [row] = await db.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return parsePgSnapshot(row.snapshot);
}

/** The position a page's data is read at (taken before its reads, so its stream repeats rather than skips). */
export async function readLogPosition(): Promise<string> {
  return encodePosition(await readSnapshot());
}

/**
 * One window of the instance's listener: the events committed since `previous` (visible in the
 * statement's own snapshot, which it answers, and not in `previous`), in id order. Successive
 * windows partition the log: each committed event is in exactly one, whatever order ids committed in.
 */
export async function readWindow(previous: Snapshot): Promise<{ snapshot: Snapshot; events: LoggedEvent[] }> {
  const rows = await db.$queryRaw<EventRow[]>`
    WITH now AS (SELECT pg_current_snapshot() AS snap)
    SELECT now.snap::text AS snapshot, ${eventColumns}
    FROM now LEFT JOIN "LiveEvent" e
      ON ${notVisibleIn(previous)}
    ORDER BY e.id`;
  return { snapshot: parsePgSnapshot(rows[0].snapshot), events: eventsOf(rows) };
}

/**
 * What a stream at position `since` missed, for one workspace (and article): the events visible
 * now and not in `since`, in id order, with the snapshot they were read at (the stream's next
 * position). "reset" when `since` is ahead of the database (another server's), when events it may
 * not have seen were purged (LiveLogHorizon), or when more than MAX_CATCH_UP were missed.
 */
export async function readMissed(options: {
  workspaceId: string;
  articleId: string | null;
  since: Snapshot;
}): Promise<{ snapshot: Snapshot; events: LoggedEvent[] } | "reset"> {
  const { since } = options;
  const rows = await db.$queryRaw<(EventRow & { horizon: bigint | null })[]>`
    WITH now AS (SELECT pg_current_snapshot() AS snap)
    SELECT now.snap::text AS snapshot, (SELECT "purgedTxid" FROM "LiveLogHorizon" WHERE id = 1) AS horizon, e.*
    FROM now LEFT JOIN LATERAL (
      SELECT ${eventColumns} FROM "LiveEvent" e
      WHERE e."workspaceId" = ${options.workspaceId} AND ${notVisibleIn(since)}
        ${options.articleId ? Prisma.sql`AND e."articleId" = ${options.articleId}` : Prisma.empty}
      ORDER BY e.id LIMIT ${MAX_CATCH_UP + 1}
    ) e ON true
    ORDER BY e.id`;
  const snapshot = parsePgSnapshot(rows[0].snapshot);
  const horizon = rows[0].horizon ?? 0n;
  if (since.xmax > snapshot.xmax || horizon >= since.xmin) return "reset";
  const events = eventsOf(rows);
  return events.length > MAX_CATCH_UP ? "reset" : { snapshot, events };
}

/**
 * Drops events past the retention window (any instance may run it; it is idempotent) and raises
 * the horizon to the newest transaction purged, in one statement, so a position that may have
 * missed a purged event is known to be expired.
 */
export async function purgeExpiredEvents(now = new Date()): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    WITH gone AS (
      DELETE FROM "LiveEvent" WHERE "createdAt" < ${new Date(now.getTime() - RETENTION_HOURS * 3_600_000)} RETURNING txid
    ), horizon AS (
      INSERT INTO "LiveLogHorizon" (id, "purgedTxid") SELECT 1, max(txid) FROM gone HAVING count(*) > 0
      ON CONFLICT (id) DO UPDATE SET "purgedTxid" = GREATEST("LiveLogHorizon"."purgedTxid", EXCLUDED."purgedTxid")
    )
    SELECT count(*)::int AS count FROM gone`;
  return row?.count ?? 0;
}
