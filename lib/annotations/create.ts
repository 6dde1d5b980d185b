import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { visibilityFor, visibleAnnotationSql } from "../access/visibility";
import { newId } from "../db/ids";
import { actorSql, requireMember, type Actor, type SessionClaims } from "../auth/actor";
import { fastRows } from "../db/fast-rows";
import { AppError, notFound } from "../errors";
import { INT4_MAX } from "../validation";
import { anchorFor, CONTEXT_LENGTH, spanProblem } from "../anchoring/anchor";
import type { createAnnotationSchema } from "./schemas";
import { insertSourcesSql } from "./write-one";
import { auditSnapshot, toAnnotationView, type AnnotationView, type annotationInclude } from "./view";
import type { z } from "zod";

type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;
type Input = z.output<typeof createAnnotationSchema>;
type Target = {
  id: string;
  revisionId: string | null;
  text: string | null;
  revisionOfArticle: boolean;
  option: (AnnotationRow["verdictOption"] & { id: string }) | null;
  /** The reused check, when it is one the actor may see, approved or published; the reference check, when it is this workspace's. */
  reusedFromId: string | null;
  reusedFromReferenceId: string | null;
};

/** Who creates: an actor already read, or a session's claims read in the target's own statement. */
export type Creator = { actor: Actor } | { claims: SessionClaims };

/**
 * Everything a create checks, in one statement: the actor (for a session's claims, loadActor's
 * statement as a CTE, so a create is two round trips in all), the article in the actor's
 * workspace, its current revision's text up to the span's context, whether the revision named
 * belongs to it, and the verdict option (still offered, from the workspace's scale). No lock: the
 * write re-checks the revision under one. Answers no row when the claims name no actor.
 */
async function readTarget(
  creator: Creator,
  articleId: string,
  input: Input,
): Promise<(Target & { actor: Actor }) | null> {
  const actorCte =
    "claims" in creator
      ? actorSql(creator.claims)
      : Prisma.sql`SELECT ${creator.actor.userId}::text AS "userId", ${creator.actor.workspaceId}::text AS "workspaceId"`;
  // Reusing reads another annotation, so it goes through the visibility rule; most creates reuse nothing and skip that read.
  const reusable =
    input.reusedFrom && "actor" in creator
      ? Prisma.sql`(SELECT x.id FROM "Annotation" x WHERE x.id = ${input.reusedFrom}
          AND ${visibleAnnotationSql(await visibilityFor(db, creator.actor), "x")} AND x.status IN ('APPROVED', 'PUBLISHED'))`
      : Prisma.sql`NULL::text`;
  // The text only as far as the span's context reaches: left() counts code points, never fewer than
  // UTF-16 units, so this holds every unit anchorFor reads (a 20,000-word article is 120 KB).
  const [row] = await fastRows<Target & { actor: Actor }>(
    Prisma.sql`
    WITH actor AS (${actorCte})
    SELECT to_json(actor) AS actor, t.*
    FROM actor LEFT JOIN LATERAL (
      SELECT a.id,
        r.id AS "revisionId", left(r.text, ${Math.min(input.end + CONTEXT_LENGTH, INT4_MAX)}::int) AS text,
        EXISTS (SELECT 1 FROM "ArticleRevision" x WHERE x.id = ${input.revisionId} AND x."articleId" = a.id) AS "revisionOfArticle",
        (SELECT json_build_object('id', v.id, 'key', v.key, 'label', v.label, 'color', v.color, 'rating', v.rating)
           FROM "VerdictOption" v JOIN "VerdictScale" s ON s.id = v."scaleId"
          WHERE v.key = ${input.verdict} AND v."retiredAt" IS NULL AND s."workspaceId" = actor."workspaceId") AS option,
        ${reusable} AS "reusedFromId",
        (SELECT rc.id FROM "ReferenceCheck" rc WHERE rc.id = ${input.reusedFromReference ?? null}
          AND rc."workspaceId" = actor."workspaceId") AS "reusedFromReferenceId"
      FROM "Article" a
      LEFT JOIN LATERAL (SELECT id, text FROM "ArticleRevision" WHERE "articleId" = a.id ORDER BY number DESC LIMIT 1) r ON true
      WHERE a.id = ${articleId} AND a."workspaceId" = actor."workspaceId"
    ) t ON true`,
  );
  return row ?? null;
}

/**
 * Creates the annotation, its sources, its first note and the audit event in one statement,
 * atomic as any single statement is. It locks the article FOR SHARE (lib/articles/lock.ts says
 * why) and then reads the current revision through factmark_current_revision, whose fresh
 * snapshot sees a revision that committed while the lock was awaited; when that is no longer the
 * revision the annotation is on, nothing is inserted. Answers the current revision id (null when
 * the article is gone) and whether the rows were written.
 */
async function insertAnnotation(
  row: AnnotationRow,
  note: AnnotationRow["notes"][number] | null,
  audit: { id: string; after: Prisma.InputJsonValue },
) {
  const [result] = await fastRows<{ current: string | null; inserted: boolean }>(
    Prisma.sql`
    WITH locked AS (SELECT id FROM "Article" WHERE id = ${row.articleId} AND "workspaceId" = ${row.workspaceId} FOR SHARE),
    current AS (SELECT factmark_current_revision(locked.id) AS "revisionId" FROM locked),
    annotation AS (
      INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", start, "end", quote, prefix, suffix, claim, claimant, "verdictOptionId",
        rationale, "authorId", "reusedFromId", "reusedFromReferenceId", "createdAt", "updatedAt")
      SELECT ${row.id}, ${row.workspaceId}, ${row.articleId}, ${row.revisionId}, ${row.start}, ${row.end}, ${row.quote}, ${row.prefix}, ${row.suffix},
        ${row.claim}, ${row.claimant},
        ${row.verdictOptionId}, ${row.rationale}, ${row.authorId}, ${row.reusedFromId}, ${row.reusedFromReferenceId}, ${row.createdAt}, ${row.updatedAt}
      FROM current WHERE current."revisionId" = ${row.revisionId}
      RETURNING id
    ),
    sources AS (${insertSourcesSql(row.sources)}),
    note AS (
      INSERT INTO "Note" (id, "annotationId", "authorId", body, "createdAt", "updatedAt")
      SELECT ${note?.id ?? null}, annotation.id, ${row.authorId}, ${note?.body ?? null}, ${row.createdAt}, ${row.updatedAt} FROM annotation
        WHERE ${note !== null}
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", "entityType", "entityId", action, after, "createdAt")
      SELECT ${audit.id}, ${row.workspaceId}, ${row.authorId}, 'annotation', annotation.id, 'create', ${JSON.stringify(audit.after)}::jsonb,
        ${row.createdAt} FROM annotation
    )
    SELECT (SELECT "revisionId" FROM current) AS current, EXISTS (SELECT 1 FROM annotation) AS inserted`,
  );
  return result;
}

/**
 * Creates an annotation (the checks and answers of createAnnotation in lib/annotations/annotations.ts)
 * in two round trips: one read (with the actor, for a session), one write, both straight on pg.
 * The view is built from what was written, not read back. A reuse is only checked for an actor
 * already read (it needs their visibility first).
 */
export async function createAnnotationFast(creator: Creator, articleId: string, input: Input): Promise<AnnotationView> {
  const read = await readTarget(creator, articleId, input);
  const actor = "actor" in creator ? creator.actor : requireMember(read?.actor ?? null);
  const target = read?.id ? read : null;
  if (!target) throw notFound("Article");
  if (!target.revisionId || target.revisionId !== input.revisionId) {
    if (!target.revisionOfArticle) throw new AppError("BAD_REQUEST", "revisionId: not a revision of this article");
    throw staleRevision();
  }
  const text = target.text ?? "";
  const problem = spanProblem(text, input.start, input.end);
  if (problem) throw new AppError("BAD_REQUEST", `start/end: ${problem}`);
  const anchor = anchorFor(text, input.start, input.end);
  if (anchor.quote !== input.quote) {
    throw new AppError(
      "BAD_REQUEST",
      `quote: does not match the text at ${input.start}–${input.end}, which reads "${anchor.quote.slice(0, 200)}"`,
    );
  }
  if (!target.option)
    throw new AppError("BAD_REQUEST", `verdict: "${input.verdict}" is not an option of this workspace's verdict scale`);
  if (input.reusedFrom && !target.reusedFromId)
    throw new AppError("BAD_REQUEST", "reusedFrom: not an approved or published check of this workspace");
  if (input.reusedFromReference && !target.reusedFromReferenceId)
    throw new AppError("BAD_REQUEST", "reusedFromReference: not a reference check of this workspace");
  const { id: verdictOptionId, ...verdictOption } = target.option;

  const now = new Date();
  const id = newId();
  const row: AnnotationRow = {
    id,
    workspaceId: actor.workspaceId,
    articleId: target.id,
    revisionId: target.revisionId,
    ...anchor,
    claim: input.claim,
    claimant: input.claimant,
    verdictOptionId,
    rationale: input.rationale,
    status: "DRAFT",
    authorId: actor.userId,
    version: 1,
    externalId: null,
    importedAuthor: null,
    placement: "ANCHORED",
    correctsId: null,
    priorAuthorIds: [],
    correctionNote: null,
    supersededAt: null,
    retractionNote: null,
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
    reusedFromId: target.reusedFromId,
    reusedFromReferenceId: target.reusedFromReferenceId,
    deletedAt: null,
    createdAt: now,
    updatedAt: now,
    verdictOption,
    author: { id: actor.userId, name: actor.name },
    sources: input.sources.map((source, position) => ({
      id: newId(),
      annotationId: id,
      kind: null,
      ...source,
      position,
      createdAt: now,
      updatedAt: now,
    })),
    notes: [],
    reviews: [],
    corrects: null,
    corrections: [],
  };
  const note = input.note
    ? {
        id: newId(),
        annotationId: id,
        parentId: null,
        authorId: actor.userId,
        importedAuthor: null,
        body: input.note,
        version: 1,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
        author: row.author,
      }
    : null;
  if (note) row.notes.push(note);
  const view = toAnnotationView(row);
  const result = await insertAnnotation(row, note, {
    id: newId(),
    after: { ...auditSnapshot(view), note: input.note, ...(view.reusedFrom ? { reusedFrom: view.reusedFrom } : {}) },
  });
  if (!result?.current) throw notFound("Article");
  if (!result.inserted) throw staleRevision();
  return view;
}

const staleRevision = () =>
  new AppError("CONFLICT", "The article has a newer revision: reload it and select the text again");
