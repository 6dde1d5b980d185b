import { db } from "../db/client";
import { requireRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { findAnnotation, staleVersion } from "../annotations/annotations";
import { retractionSchema } from "../annotations/schemas";
import { toAnnotationView } from "../annotations/view";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { announcePublicChange, revalidatePublicPages } from "./revalidate";

/**
 * Withdraws a published check: the rare case a correction cannot mend (a check that should never
 * have run). Editors and admins only, with a public note; the annotation is deleted (kept for the
 * record, like every deletion) and its public page answers 410 with the note. Only the current
 * published version is withdrawn (409 for anything else, or while a correction is under way:
 * finish or delete that first). A stale version is 409; nothing changes on any refusal.
 */
export async function retractPublishedCheck(options: {
  actor: Actor | null;
  annotationId: unknown;
  input: unknown;
}): Promise<{ id: string; retracted: true }> {
  const actor = requireRole(options.actor, "EDITOR");
  const input = parseInput(retractionSchema, options.input);
  const row = await db.$transaction(async (tx) => {
    const row = await findAnnotation(tx, actor, options.annotationId);
    if (row.status !== "PUBLISHED")
      throw new AppError("CONFLICT", "Only a published check is withdrawn; delete unpublished work instead");
    if (row.supersededAt)
      throw new AppError("CONFLICT", "This check was replaced by a published correction; withdraw that one instead");
    if (row.corrections.length > 0)
      throw new AppError("CONFLICT", "A correction of this check is under way: publish or delete it first");
    if (row.version !== input.version) throw staleVersion(toAnnotationView(row));
    const { count } = await tx.annotation.updateMany({
      where: { id: row.id, version: input.version, deletedAt: null },
      data: { deletedAt: new Date(), retractionNote: input.note, version: { increment: 1 } },
    });
    if (count === 0) throw staleVersion(toAnnotationView(await findAnnotation(tx, actor, row.id)));
    await recordAudit(tx, actor, {
      entityType: "annotation",
      entityId: row.id,
      action: "retract",
      before: { status: row.status },
      after: { deleted: true, note: input.note },
    });
    await announcePublicChange(tx, { annotationIds: [row.id], articleId: row.articleId });
    return row;
  });
  await revalidatePublicPages({ annotationIds: [row.id], articleId: row.articleId });
  return { id: row.id, retracted: true };
}
