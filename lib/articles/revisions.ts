import { visibilityFor, visibleAnnotationWhere } from "../access/visibility";
import { db } from "../db/client";
import { requireActor, type Actor } from "../auth/actor";
import { TextDiff, type DiffPart } from "../anchoring/text-diff";
import { AppError, notFound } from "../errors";
import { idSchema, int4Param, parseInput } from "../validation";
import type { ArticleValue } from "./slate-value";

export type RevisionSummary = {
  id: string;
  number: number;
  createdAt: Date;
  createdBy: string | null;
  characters: number;
};

/** The article's revisions, newest first. Any member; 404 for another workspace's article. */
export async function listRevisions(options: { actor: Actor | null; articleId: unknown }): Promise<RevisionSummary[]> {
  const actor = requireActor(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const rows = await db.$queryRaw<
    { id: string; number: number; createdAt: Date; createdBy: string | null; characters: number }[]
  >`
    SELECT r.id, r.number, r."createdAt", u.name AS "createdBy", length(r.text)::int AS characters
    FROM "ArticleRevision" r JOIN "Article" a ON a.id = r."articleId" LEFT JOIN "User" u ON u.id = r."createdById"
    WHERE r."articleId" = ${articleId} AND a."workspaceId" = ${actor.workspaceId}
    ORDER BY r.number DESC`;
  if (rows.length === 0) throw notFound("Article");
  return rows;
}

/** One revision of the article, old ones included (they are immutable and stay readable). */
export async function getRevision(options: { actor: Actor | null; articleId: unknown; number: unknown }) {
  const actor = requireActor(options.actor);
  const articleId = parseInput(idSchema, options.articleId);
  const number = parseInput(int4Param("revision number", 1), options.number);
  const revision = await db.articleRevision.findFirst({
    where: { articleId, number, article: { workspaceId: actor.workspaceId } },
    select: { id: true, number: true, text: true, textHash: true, body: true, createdAt: true },
  });
  if (!revision) throw notFound("Revision");
  return { ...revision, body: revision.body as ArticleValue };
}

export type MovedAnnotation = {
  annotationId: string;
  claim: string;
  method: string;
  confidence: number;
  reason: string | null;
  oldQuote: string;
  newQuote: string | null;
};

/**
 * What changed between two revisions, word by word, and what happened to the annotations the
 * later one received (how each was moved, or why it was orphaned). Any member.
 */
export async function getRevisionDiff(options: {
  actor: Actor | null;
  articleId: unknown;
  from: unknown;
  to: unknown;
}): Promise<{ from: number; to: number; parts: DiffPart[]; annotations: MovedAnnotation[] }> {
  const [from, to] = await Promise.all([
    getRevision({ actor: options.actor, articleId: options.articleId, number: options.from }),
    getRevision({ actor: options.actor, articleId: options.articleId, number: options.to }),
  ]);
  if (from.number >= to.number) throw new AppError("BAD_REQUEST", "from must be an earlier revision than to");
  const visibility = await visibilityFor(db, requireActor(options.actor));
  const moves = await db.reanchoring.findMany({
    where: { toRevisionId: to.id, method: { not: "manual" }, annotation: visibleAnnotationWhere(visibility) },
    orderBy: { oldStart: "asc" },
    select: {
      annotationId: true,
      method: true,
      confidence: true,
      reason: true,
      oldQuote: true,
      newStart: true,
      newEnd: true,
      annotation: { select: { claim: true } },
    },
  });
  return {
    from: from.number,
    to: to.number,
    parts: new TextDiff(from.text, to.text).parts,
    annotations: moves.map((m) => ({
      annotationId: m.annotationId,
      claim: m.annotation.claim,
      method: m.method,
      confidence: m.confidence,
      reason: m.reason,
      oldQuote: m.oldQuote,
      newQuote: m.newStart !== null && m.newEnd !== null ? to.text.slice(m.newStart, m.newEnd) : null,
    })),
  };
}
