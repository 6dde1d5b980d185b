import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

/**
 * Open streams live in PostgreSQL ("LiveStream"), not in memory: the limit per person must count
 * the streams a person holds on every instance, and presence (who views an article) must be seen
 * from every instance. Each instance refreshes its own rows (`touchStreams`); a row not refreshed
 * for STALE_SECONDS belongs to a tab or an instance that is gone.
 */
export const MAX_STREAMS_PER_USER = 20;
export const STALE_SECONDS = 30;

type StreamRow = { id: string; userId: string; workspaceId: string; instanceId: string; articleId: string | null };

/**
 * Records a new stream, or answers 429 when the person already holds MAX_STREAMS_PER_USER live
 * ones. The count and the insert are one step under a per-person advisory lock, so two tabs
 * opening at once on two instances cannot both take the last place. On an article it also adds a
 * presence event (in the same transaction, so it is announced when the row is visible).
 */
export async function openStream(row: StreamRow): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`factmark-streams:${row.userId}`}, 0))`;
    const open = await tx.liveStream.count({ where: { userId: row.userId, seenAt: { gt: staleBefore() } } });
    if (open >= MAX_STREAMS_PER_USER) {
      throw new AppError(
        "RATE_LIMITED",
        `You have ${open} live pages open; close some tabs (at most ${MAX_STREAMS_PER_USER})`,
      );
    }
    await tx.liveStream.create({ data: row });
    if (row.articleId) await tx.$executeRaw(presenceInsert(row.workspaceId, row.articleId, row.userId));
  });
}

/** Removes a closed stream; on an article, announces the change of presence. */
export async function closeStream(row: Pick<StreamRow, "id" | "workspaceId" | "articleId" | "userId">): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.liveStream.deleteMany({ where: { id: row.id } });
    if (count && row.articleId) await tx.$executeRaw(presenceInsert(row.workspaceId, row.articleId, row.userId));
  });
}

/** Says which annotation form the stream's tab has open (null: none); 404 for another person's stream. */
export async function setEditing(options: {
  streamId: string;
  userId: string;
  annotationId: string | null;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    const stream = await tx.liveStream.findFirst({ where: { id: options.streamId, userId: options.userId } });
    if (!stream || !stream.articleId) throw new AppError("NOT_FOUND", "Stream not found");
    if (stream.editingAnnotationId === options.annotationId) return;
    // The tab may close (its row deleted) between the read and the write: then it is a 404 too.
    const { count } = await tx.liveStream.updateMany({
      where: { id: stream.id },
      data: { editingAnnotationId: options.annotationId, seenAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Stream not found");
    await tx.$executeRaw(presenceInsert(stream.workspaceId, stream.articleId, stream.userId));
  });
}

/**
 * One instance's heartbeat: refreshes its streams, and removes every stream nobody refreshed for
 * STALE_SECONDS (a crashed instance's), announcing presence on the articles they were on.
 */
export async function touchStreams(instanceId: string): Promise<void> {
  await db.liveStream.updateMany({ where: { instanceId }, data: { seenAt: new Date() } });
  await db.$executeRaw`
    WITH gone AS (DELETE FROM "LiveStream" WHERE "seenAt" < ${staleBefore()} RETURNING "workspaceId", "articleId", "userId")
    INSERT INTO "LiveEvent" ("workspaceId", "articleId", type, "actorId", txid)
    SELECT DISTINCT "workspaceId", "articleId", 'presence', "userId", txid_current() FROM gone WHERE "articleId" IS NOT NULL`;
}

export type Viewer = { userId: string; name: string; editing: string | null };

/** Who has the article open now, one entry per person (editing: the form any of their tabs has open). */
export async function listViewers(articleIds: string[]): Promise<Map<string, Viewer[]>> {
  const rows = await db.$queryRaw<(Viewer & { articleId: string })[]>`
    SELECT s."articleId", s."userId", u.name, (array_agg(s."editingAnnotationId" ORDER BY s."seenAt" DESC)
      FILTER (WHERE s."editingAnnotationId" IS NOT NULL))[1] AS editing
    FROM "LiveStream" s JOIN "User" u ON u.id = s."userId"
    WHERE s."articleId" = ANY (${articleIds}) AND s."seenAt" >= ${staleBefore()}
    GROUP BY s."articleId", s."userId", u.name
    ORDER BY u.name`;
  const byArticle = new Map<string, Viewer[]>();
  for (const { articleId, ...viewer } of rows) byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), viewer]);
  return byArticle;
}

const staleBefore = () => new Date(Date.now() - STALE_SECONDS * 1000);

// A presence event carries no list: each instance reads the viewers when it fans the event out.
const presenceInsert = (workspaceId: string, articleId: string, userId: string) =>
  Prisma.sql`INSERT INTO "LiveEvent" ("workspaceId", "articleId", type, "actorId", txid) 
    VALUES (${workspaceId}, ${articleId}, 'presence', ${userId}, txid_current())`;
