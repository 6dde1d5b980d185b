import { db } from "../db/client";
import { visibilityFor, visibleReviewWhere } from "../access/visibility";
import { requireActor, type Actor } from "../auth/actor";
import type { AnnotationStatus } from "../db/generated/enums";

export type MyWorkItem = {
  id: string;
  claim: string;
  status: AnnotationStatus;
  article: { id: string; title: string };
  updatedAt: Date;
  lastDecision: { toStatus: AnnotationStatus; comment: string | null; by: string; at: Date } | null;
};

/**
 * The actor's own annotations in this workspace, sent-back ones first, then by latest change,
 * each with the last review decision and its comment. Any member.
 */
export async function listMyWork(options: { actor: Actor | null }): Promise<MyWorkItem[]> {
  const actor = requireActor(options.actor);
  const visibility = await visibilityFor(db, actor);
  const rows = await db.annotation.findMany({
    where: { workspaceId: actor.workspaceId, authorId: actor.userId, deletedAt: null, placement: { not: "DISMISSED" } },
    select: {
      id: true,
      claim: true,
      status: true,
      updatedAt: true,
      article: { select: { id: true, title: true } },
      reviews: {
        where: visibleReviewWhere(visibility),
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { toStatus: true, comment: true, createdAt: true, editor: { select: { name: true } } },
      },
    },
    orderBy: { updatedAt: "desc" },
    take: 500,
  });
  const items = rows.map(({ reviews, ...row }) => ({
    ...row,
    lastDecision: reviews[0]
      ? {
          toStatus: reviews[0].toStatus,
          comment: reviews[0].comment,
          by: reviews[0].editor.name,
          at: reviews[0].createdAt,
        }
      : null,
  }));
  return [
    ...items.filter((i) => i.status === "CHANGES_REQUESTED"),
    ...items.filter((i) => i.status !== "CHANGES_REQUESTED"),
  ];
}
