import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { requireMember, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { assertMayChange, findAnnotation, sourceRows } from "../annotations/annotations";
import { startCorrectionSchema } from "../annotations/schemas";
import { annotationInclude, auditSnapshot, toAnnotationView, type AnnotationView } from "../annotations/view";
import { lockArticle } from "../articles/lock";
import { AppError } from "../errors";
import { parseInput } from "../validation";

type Tx = Prisma.TransactionClient;

/**
 * Starts a correction of a published annotation: a new DRAFT annotation on the same span, copying
 * its content, that carries a public correction note and names the annotation it corrects. It is
 * edited and reviewed like any other; when it is published it supersedes the old one
 * (supersedeCorrected), which stays, locked, for the record. One live correction at a time per
 * annotation (409 otherwise, enforced by a partial unique index). The author or an editor may start one.
 */
export async function startCorrection(options: {
  actor: Actor | null;
  annotationId: unknown;
  input: unknown;
}): Promise<AnnotationView> {
  const actor = requireMember(options.actor);
  const input = parseInput(startCorrectionSchema, options.input);
  try {
    return await db.$transaction(async (tx) => {
      // The copy goes on the original's revision: under the article's lock a revision cannot supersede it meanwhile.
      const found = await findAnnotation(tx, actor, options.annotationId);
      await lockArticle(tx, { articleId: found.articleId, workspaceId: actor.workspaceId }, "share");
      const row = await findAnnotation(tx, actor, found.id);
      assertMayChange(actor, row.authorId);
      if (row.status !== "PUBLISHED")
        throw new AppError(
          "CONFLICT",
          "Only a published annotation is corrected; this one can still be edited directly",
        );
      if (row.supersededAt)
        throw new AppError(
          "CONFLICT",
          "This annotation was already replaced by a published correction; correct that one instead",
        );
      if (row.corrections.length > 0) throw correctionUnderWay();
      const correction = await tx.annotation.create({
        data: {
          workspaceId: row.workspaceId,
          articleId: row.articleId,
          revisionId: row.revisionId,
          start: row.start,
          end: row.end,
          quote: row.quote,
          prefix: row.prefix,
          suffix: row.suffix,
          placement: row.placement,
          claim: row.claim,
          claimant: row.claimant,
          verdictOptionId: row.verdictOptionId,
          rationale: row.rationale,
          authorId: actor.userId,
          correctsId: row.id,
          // It copies their work: a blind second opinion hides it wherever it hides theirs.
          priorAuthorIds: [...row.priorAuthorIds, row.authorId],
          correctionNote: input.note,
          sources: {
            createMany: {
              data: sourceRows(
                row.sources.map(({ url, title, publisher, excerpt, archiveUrl, accessedAt, kind }) => ({
                  url,
                  title,
                  publisher,
                  excerpt,
                  archiveUrl,
                  accessedAt,
                  kind,
                })),
              ),
            },
          },
        },
        include: annotationInclude,
      });
      const view = toAnnotationView(correction);
      await recordAudit(tx, actor, {
        entityType: "annotation",
        entityId: row.id,
        action: "correction.start",
        after: { correctionId: correction.id, note: input.note },
      });
      await recordAudit(tx, actor, {
        entityType: "annotation",
        entityId: correction.id,
        action: "create",
        after: { ...auditSnapshot(view), corrects: row.id, correctionNote: input.note },
      });
      return view;
    });
  } catch (error) {
    // Two corrections started at once: the partial unique index lets only one through.
    if ((error as { code?: string }).code === "P2002") throw correctionUnderWay();
    throw error;
  }
}

const correctionUnderWay = () =>
  new AppError("CONFLICT", "A correction of this annotation is already under way; open it from the annotation");

/** When a correction is published, the annotation it corrects leaves views and exports (kept for history). */
export async function supersedeCorrected(tx: Tx, actor: Actor, correction: { id: string; correctsId: string | null }) {
  if (!correction.correctsId) return;
  await tx.annotation.update({ where: { id: correction.correctsId }, data: { supersededAt: new Date() } });
  await recordAudit(tx, actor, {
    entityType: "annotation",
    entityId: correction.correctsId,
    action: "superseded",
    after: { by: correction.id },
  });
}
