import { z } from "zod";
import { db } from "../db/client";
import { AnnotationStatus } from "../db/generated/enums";
import { requireMember, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { notifyDecision } from "../notifications/events";
import { findAnnotation, staleVersion } from "../annotations/annotations";
import { LIMITS } from "../annotations/schemas";
import { toAnnotationView, type AnnotationView } from "../annotations/view";
import { AppError } from "../errors";
import { int4, parseInput, safeString } from "../validation";
import { announcePublicChange, revalidatePublicPages, type PublicChange } from "../publish/revalidate";
import { supersedeCorrected } from "./corrections";
import { revealIfBothSubmitted } from "./second-opinion";
import { transitionRefusal } from "./transitions";

const STATUSES = Object.values(AnnotationStatus);

/** POST /api/annotations/:id/status. */
export const statusChangeSchema = z
  .object(
    {
      status: z.enum(STATUSES, { message: `status must be one of ${STATUSES.join(", ")}` }),
      comment: safeString("comment")
        .trim()
        .max(LIMITS.note, `comment is too long (${LIMITS.note} characters at most)`)
        .nullish()
        .transform((value) => value || null),
      version: int4("version", 1),
    },
    { error: "The body must be a JSON object" },
  )
  .strict();

/** The dashboards' clock (the last submission, the first approval: a later re-approval keeps it) and the publication date. */
function reviewTimes(row: { approvedAt: Date | null }, to: AnnotationStatus) {
  const now = new Date();
  if (to === "SUBMITTED") return { submittedAt: now };
  if (to === "APPROVED" && !row.approvedAt) return { approvedAt: now };
  // Public pages and the feed date a check by it.
  if (to === "PUBLISHED") return { publishedAt: now };
  return {};
}

/**
 * Moves an annotation through the review workflow (lib/reviews/transitions.ts): a transition the
 * status does not allow is 409, one the actor's role does not allow 403, a missing comment where
 * one is required 400, a stale version 409; none of them changes anything. Each transition is
 * recorded as a Review (who, from, to, comment) and an AuditEvent, in the same transaction.
 * Publishing a correction supersedes the annotation it corrects; publishing revalidates the public pages.
 */
export async function changeAnnotationStatus(options: {
  actor: Actor | null;
  annotationId: unknown;
  input: unknown;
}): Promise<AnnotationView> {
  const actor = requireMember(options.actor);
  const input = parseInput(statusChangeSchema, options.input);
  const view = await db.$transaction(async (tx) => {
    const row = await findAnnotation(tx, actor, options.annotationId);
    if (row.version !== input.version) throw staleVersion(toAnnotationView(row));
    const refusal = transitionRefusal(
      row.status,
      input.status,
      { role: actor.role, isAuthor: row.authorId === actor.userId },
      input.comment,
    );
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const { count } = await tx.annotation.updateMany({
      where: { id: row.id, version: input.version },
      data: { status: input.status, version: { increment: 1 }, ...reviewTimes(row, input.status) },
    });
    if (count === 0) throw staleVersion(toAnnotationView(await findAnnotation(tx, actor, row.id)));
    await tx.review.create({
      data: {
        annotationId: row.id,
        editorId: actor.userId,
        fromStatus: row.status,
        toStatus: input.status,
        comment: input.comment,
      },
    });
    await recordAudit(tx, actor, {
      entityType: "annotation",
      entityId: row.id,
      action: "status.change",
      before: { status: row.status },
      after: { status: input.status, comment: input.comment },
    });
    await notifyDecision(tx, actor, { ...row, status: input.status, comment: input.comment ?? null });
    if (input.status === "PUBLISHED") {
      await supersedeCorrected(tx, actor, row);
      await announcePublicChange(tx, publicChangeOf(row));
    }
    if (input.status === "SUBMITTED") await revealIfBothSubmitted(tx, actor, row.articleId);
    return toAnnotationView(await findAnnotation(tx, actor, row.id));
  });
  // Its public page, the version it corrects, its article's page, the feed and sitemap change.
  if (input.status === "PUBLISHED")
    await revalidatePublicPages(
      publicChangeOf({ id: view.id, correctsId: view.correction?.of.id ?? null, articleId: view.articleId }),
    );
  return view;
}

/** A publication changes its public page, the version it corrects, its article's page, the feed and the sitemap. */
const publicChangeOf = (row: { id: string; correctsId: string | null; articleId: string }): PublicChange => ({
  annotationIds: [row.id, row.correctsId],
  articleId: row.articleId,
});
