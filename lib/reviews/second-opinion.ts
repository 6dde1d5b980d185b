import { z } from "zod";
import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { requireActor, requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { notify } from "../notifications/notify";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput } from "../validation";

type Tx = Prisma.TransactionClient;

/**
 * Blind second opinions. An editor asks a second reviewer to check an article the first has
 * worked on; until both have submitted their work there, neither sees the other's annotations
 * on that article, so the second verdict is independent. What that hides, and where, is
 * lib/access/visibility.ts (every read path uses it).
 * "Submitted" means: at least one live annotation on the article and none of theirs left in draft.
 * The check runs whenever either of them submits; the blind then lifts for good (revealedAt).
 * Editors who are not one of the two see everything: they settle the outcome.
 */
export const requestSecondOpinionSchema = z
  .object(
    {
      firstReviewerId: idSchema.describe("the reviewer whose work is checked"),
      secondReviewerId: idSchema.describe("the reviewer asked for a second opinion"),
    },
    { error: "The body must be a JSON object" },
  )
  .strict()
  .refine((value) => value.firstReviewerId !== value.secondReviewerId, {
    message: "Choose two different reviewers",
    path: ["secondReviewerId"],
  });

export type SecondOpinionView = {
  id: string;
  firstReviewer: { id: string; name: string };
  secondReviewer: { id: string; name: string };
  requestedBy: string;
  requestedAt: string;
  revealedAt: string | null;
};

const opinionInclude = {
  firstReviewer: { select: { id: true, name: true } },
  secondReviewer: { select: { id: true, name: true } },
  requestedBy: { select: { name: true } },
} satisfies Prisma.SecondOpinionInclude;

const toView = (row: Prisma.SecondOpinionGetPayload<{ include: typeof opinionInclude }>): SecondOpinionView => ({
  id: row.id,
  firstReviewer: row.firstReviewer,
  secondReviewer: row.secondReviewer,
  requestedBy: row.requestedBy.name,
  requestedAt: row.createdAt.toISOString(),
  revealedAt: row.revealedAt?.toISOString() ?? null,
});

/** Editors and admins ask for a blind second opinion on an article; one blind at a time per article (409). */
export async function requestSecondOpinion(options: {
  actor: Actor | null;
  articleId: unknown;
  input: unknown;
}): Promise<SecondOpinionView> {
  const actor = requireRole(options.actor, "EDITOR");
  const articleId = parseInput(idSchema, options.articleId);
  const input = parseInput(requestSecondOpinionSchema, options.input);
  try {
    return await db.$transaction(async (tx) => {
      const article = await tx.article.findFirst({
        where: { id: articleId, workspaceId: actor.workspaceId },
        select: { id: true },
      });
      if (!article) throw notFound("Article");
      const members = await tx.membership.count({
        where: {
          workspaceId: actor.workspaceId,
          deactivatedAt: null,
          userId: { in: [input.firstReviewerId, input.secondReviewerId] },
        },
      });
      if (members !== 2) throw new AppError("BAD_REQUEST", "Both reviewers must be active members of this workspace");
      if (await tx.secondOpinion.count({ where: { articleId, revealedAt: null } })) throw blindUnderWay();
      const row = await tx.secondOpinion.create({
        data: {
          workspaceId: actor.workspaceId,
          articleId,
          firstReviewerId: input.firstReviewerId,
          secondReviewerId: input.secondReviewerId,
          requestedById: actor.userId,
        },
        include: opinionInclude,
      });
      await recordAudit(tx, actor, {
        entityType: "article",
        entityId: articleId,
        action: "second-opinion.request",
        after: { secondOpinionId: row.id, ...input },
      });
      await notify(tx, actor, [
        {
          userId: input.secondReviewerId,
          kind: "second_opinion",
          articleId,
          text: `Check ${row.firstReviewer.name}'s work blind`,
        },
      ]);
      return toView(row);
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw blindUnderWay();
    throw error;
  }
}

const blindUnderWay = () => new AppError("CONFLICT", "A blind second opinion is already under way on this article");

/**
 * The article's blind second opinion still in progress, if any. Any member (the page says who is
 * blind). The article page reads it in getArticlePageContext; this is the rule its test holds it to.
 */
export async function getOpenSecondOpinion(options: {
  actor: Actor | null;
  articleId: unknown;
}): Promise<SecondOpinionView | null> {
  const actor = requireActor(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const row = await db.secondOpinion.findFirst({
    where: { articleId, workspaceId: actor.workspaceId, revealedAt: null },
    include: opinionInclude,
  });
  return row ? toView(row) : null;
}

/** After a submission: lifts the article's blind once both reviewers have submitted their work there. */
export async function revealIfBothSubmitted(tx: Tx, actor: Actor, articleId: string): Promise<void> {
  const open = await tx.secondOpinion.findFirst({ where: { articleId, revealedAt: null } });
  if (!open) return;
  const reviewers = [open.firstReviewerId, open.secondReviewerId];
  const groups = await tx.annotation.groupBy({
    by: ["authorId", "status"],
    where: { articleId, authorId: { in: reviewers }, deletedAt: null, supersededAt: null },
    _count: { _all: true },
  });
  const submitted = (userId: string) => {
    const own = groups.filter((g) => g.authorId === userId);
    return own.length > 0 && own.every((g) => g.status !== "DRAFT");
  };
  if (!reviewers.every(submitted)) return;
  await tx.secondOpinion.update({ where: { id: open.id }, data: { revealedAt: new Date() } });
  await recordAudit(tx, actor, {
    entityType: "article",
    entityId: articleId,
    action: "second-opinion.reveal",
    after: { secondOpinionId: open.id },
  });
}
