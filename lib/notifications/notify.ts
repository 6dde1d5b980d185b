import "server-only";
import type { Prisma } from "../db/generated/client";
import { newId } from "../db/ids";
import { maySee, isHiddenPerson, visibilityOnArticles } from "../access/visibility";
import type { Actor } from "../auth/actor";

type Tx = Prisma.TransactionClient;

export const NOTIFICATION_KINDS = [
  "mention",
  "changes_requested",
  "approved",
  "published",
  "second_opinion",
  "assigned",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  articleId: string;
  annotationId?: string | null;
  text: string;
};

/**
 * Writes notifications inside the caller's transaction, so they exist if and only if the change
 * does, and announces each on its recipient's own stream (a "notification" row of the live log).
 * Nobody is told about their own act, nor about what the visibility rule hides from them (a blind
 * second opinion: the other reviewer's work, or the other reviewer acting).
 */
export async function notify(tx: Tx, actor: Actor, items: NewNotification[]): Promise<void> {
  const wanted = items.filter((item) => item.userId !== actor.userId);
  if (wanted.length === 0) return;
  const articleIds = [...new Set(wanted.map((item) => item.articleId))];
  const visibility = await visibilityOnArticles(
    tx,
    [...new Set(wanted.map((item) => item.userId))].map((userId) => ({ userId, workspaceId: actor.workspaceId })),
    articleIds,
  );
  const annotationIds = [...new Set(wanted.flatMap((item) => (item.annotationId ? [item.annotationId] : [])))];
  const annotations = new Map(
    (annotationIds.length
      ? await tx.annotation.findMany({
          where: { id: { in: annotationIds } },
          select: {
            id: true,
            workspaceId: true,
            articleId: true,
            authorId: true,
            priorAuthorIds: true,
            deletedAt: true,
          },
        })
      : []
    ).map((a) => [a.id, a]),
  );
  const allowed = wanted.filter((item) => {
    const v = visibility.get(`${actor.workspaceId}:${item.userId}`)!;
    if (isHiddenPerson(v, item.articleId, actor.userId)) return false;
    const annotation = item.annotationId ? annotations.get(item.annotationId) : null;
    return annotation === null || (annotation !== undefined && maySee(v, annotation));
  });
  if (allowed.length === 0) return;
  const rows = allowed.map((item) => ({
    id: newId(),
    workspaceId: actor.workspaceId,
    actorId: actor.userId,
    annotationId: null,
    ...item,
  }));
  await tx.notification.createMany({ data: rows });
  await tx.liveEvent.createMany({
    data: rows.map((row) => ({
      workspaceId: row.workspaceId,
      articleId: row.articleId,
      annotationId: row.annotationId,
      type: "notification",
      actorId: row.actorId,
      data: { userId: row.userId, notificationId: row.id, kind: row.kind },
      txid: 0n, // set by the database (prisma/routines/30-live-events.sql)
    })),
  });
}
