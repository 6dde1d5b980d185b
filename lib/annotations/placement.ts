import { z } from "zod";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { lockArticle } from "../articles/lock";
import { requireMember, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { anchorFor, spanProblem } from "../anchoring/anchor";
import { AppError } from "../errors";
import { idSchema, int4, parseInput, safeString } from "../validation";
import { assertMayChange, findAnnotation, staleVersion } from "./annotations";
import { toAnnotationView, type AnnotationView } from "./view";

const version = int4("version", 1);

/** POST /api/annotations/:id/placement: re-place on a new span, confirm a fuzzy move, or dismiss an orphan. */
export const placementSchema = z.discriminatedUnion(
  "action",
  [
    z.object({
      action: z.literal("place"),
      version,
      revisionId: idSchema,
      start: int4("start"),
      end: int4("end"),
      quote: safeString("quote", "quote is required").min(1, "quote is required"),
    }),
    z.object({ action: z.literal("confirm"), version }),
    z.object({ action: z.literal("dismiss"), version }),
  ],
  { error: "action must be place, confirm or dismiss" },
);

/**
 * After a revision: re-places an annotation (an orphan, or one whose fuzzy move looks wrong) on a
 * span of the current revision, confirms a fuzzy move, or dismisses an orphan for good. Like any
 * change, it names the version it saw (409 when stale) and is for the author, editors and admins.
 */
export async function setPlacement(options: {
  actor: Actor | null;
  annotationId: unknown;
  input: unknown;
}): Promise<AnnotationView> {
  const actor = requireMember(options.actor);
  const input = parseInput(placementSchema, options.input);
  return db.$transaction(async (tx) => {
    // Under the article's lock a revision cannot move the annotation between this check and the write.
    const found = await findAnnotation(tx, actor, options.annotationId);
    await lockArticle(tx, { articleId: found.articleId, workspaceId: actor.workspaceId }, "share");
    const row = await findAnnotation(tx, actor, found.id);
    assertMayChange(actor, row.authorId);
    if (row.version !== input.version) throw staleVersion(toAnnotationView(row));
    const before = {
      placement: row.placement,
      revisionId: row.revisionId,
      start: row.start,
      end: row.end,
      quote: row.quote,
    };
    // The version condition makes the check and the write one statement, as for any other change.
    const write = async (data: Prisma.AnnotationUncheckedUpdateManyInput) => {
      const { count } = await tx.annotation.updateMany({
        where: { id: row.id, version: input.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw staleVersion(toAnnotationView(await findAnnotation(tx, actor, row.id)));
    };

    if (input.action === "confirm") {
      if (row.placement !== "NEEDS_CHECK")
        throw new AppError("CONFLICT", "Only an annotation moved by a fuzzy match needs its placement confirmed");
      await write({ placement: "ANCHORED" });
    } else if (input.action === "dismiss") {
      if (row.placement !== "ORPHANED")
        throw new AppError("CONFLICT", "Only an annotation that lost its place can be dismissed; delete it instead");
      await write({ placement: "DISMISSED" });
    } else {
      if (row.placement === "DISMISSED") throw new AppError("CONFLICT", "This annotation was dismissed");
      const current = await tx.articleRevision.findFirstOrThrow({
        where: { articleId: row.articleId },
        orderBy: { number: "desc" },
        select: { id: true, text: true },
      });
      if (input.revisionId !== current.id)
        throw new AppError("CONFLICT", "The article has a newer revision: reload it and select the text again");
      const problem = spanProblem(current.text, input.start, input.end);
      if (problem) throw new AppError("BAD_REQUEST", `start/end: ${problem}`);
      const anchor = anchorFor(current.text, input.start, input.end);
      if (anchor.quote !== input.quote)
        throw new AppError("BAD_REQUEST", `quote: does not match the text at ${input.start}–${input.end}`);
      await write({ ...anchor, revisionId: current.id, placement: "ANCHORED" });
      await tx.reanchoring.create({
        data: {
          annotationId: row.id,
          fromRevisionId: row.revisionId,
          toRevisionId: current.id,
          method: "manual",
          confidence: 1,
          oldStart: row.start,
          oldEnd: row.end,
          oldQuote: row.quote,
          newStart: anchor.start,
          newEnd: anchor.end,
          actorId: actor.userId,
        },
      });
    }
    const after = await findAnnotation(tx, actor, row.id);
    await recordAudit(tx, actor, {
      entityType: "annotation",
      entityId: row.id,
      action: `placement.${input.action}`,
      before,
      after: {
        placement: after.placement,
        revisionId: after.revisionId,
        start: after.start,
        end: after.end,
        quote: after.quote,
      },
    });
    return toAnnotationView(after);
  });
}
