import { db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { visibilityFor, visibleAnnotationSql } from "../access/visibility";
import { newId } from "../db/ids";
import { actorSql, requireMember, type Actor, type SessionClaims } from "../auth/actor";
import { fastRows } from "../db/fast-rows";
import { AppError, notFound } from "../errors";
import { anchorFor, spanProblem } from "../anchoring/anchor";
import type { createAnnotationSchema } from "./schemas";
import { insertSourcesSql } from "./write-one";
import { cachedRevisionText, keepRevisionText } from "./revision-text";
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
 * statement as a CTE), the article in the actor's workspace, its current revision's text (kept
 * in this process, lib/annotations/revision-text.ts, so a later create on it skips this read),
 * whether the revision named belongs to it, and the verdict option (still offered, from the
 * workspace's scale). No lock: the write re-checks all of it under one. Answers no row when the
 * claims name no actor.
 */
async function readTarget(
  creator: Creator,
  articleId: string,
  input: Input,
): Promise<(Target & { actor: Actor }) | null> {
  // Reusing reads another annotation, so it goes through the visibility rule; most creates reuse nothing and skip that read.
  const reusable =
    input.reusedFrom && "actor" in creator
      ? Prisma.sql`(SELECT x.id FROM "Annotation" x WHERE x.id = ${input.reusedFrom}
          AND ${visibleAnnotationSql(await visibilityFor(db, creator.actor), "x")} AND x.status IN ('APPROVED', 'PUBLISHED'))`
      : Prisma.sql`NULL::text`;
  const [row] = await fastRows<Target & { actor: Actor }>(
    Prisma.sql`
    WITH actor AS (${actorCte(creator)})
    SELECT to_json(actor) AS actor, t.*
    FROM actor LEFT JOIN LATERAL (
      SELECT a.id, r.id AS "revisionId", r.text,
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
  const reader = "actor" in creator ? creator.actor.userId : row?.actor?.userId;
  if (reader && row?.revisionId && row.text !== null) keepRevisionText(row.revisionId, reader, row.text);
  return row ?? null;
}

/** The actor as a CTE: a session's claims read as loadActor reads them, or an actor already read. */
const actorCte = (creator: Creator) =>
  "claims" in creator
    ? actorSql(creator.claims)
    : Prisma.sql`SELECT ${creator.actor.userId}::text AS "userId", ${creator.actor.workspaceId}::text AS "workspaceId"`;

type Written = {
  /** The actor the statement read (only a session's is used: an actor given was read before). */
  actor: Actor | null;
  /** The article, in the actor's workspace. */
  found: boolean;
  current: string | null;
  revisionOfArticle: boolean;
  option: (AnnotationRow["verdictOption"] & { id: string }) | null;
  inserted: boolean;
};

/**
 * Creates the annotation, its sources, its first note and the audit event in one statement,
 * atomic as any single statement is, checking everything it depends on inside it: the actor, the
 * article in their workspace, the verdict option by key. It locks the article FOR SHARE
 * (lib/articles/lock.ts says why) and then reads the current revision through
 * factmark_current_revision, whose fresh snapshot sees a revision that committed while the lock
 * was awaited; when that is no longer the revision the annotation is on, nothing is inserted.
 * Answers what it found, so a refusal needs no further read.
 */
async function insertAnnotation(
  creator: Creator,
  row: Pick<
    AnnotationRow,
    "id" | "articleId" | "revisionId" | "start" | "end" | "quote" | "prefix" | "suffix" | "claim" | "claimant"
  >,
  more: Pick<AnnotationRow, "rationale" | "reusedFromId" | "reusedFromReferenceId" | "createdAt" | "sources">,
  verdict: string,
  note: { id: string; body: string } | null,
  audit: { id: string; after: Prisma.InputJsonValue },
): Promise<Written> {
  const at = more.createdAt;
  const [result] = await fastRows<Written>(
    Prisma.sql`
    WITH actor AS (${actorCte(creator)}),
    locked AS (SELECT id FROM "Article" WHERE id = ${row.articleId} AND "workspaceId" = (SELECT "workspaceId" FROM actor) FOR SHARE),
    current AS (SELECT factmark_current_revision(locked.id) AS "revisionId" FROM locked),
    option AS (
      SELECT v.id, json_build_object('id', v.id, 'key', v.key, 'label', v.label, 'color', v.color, 'rating', v.rating) AS view
      FROM "VerdictOption" v JOIN "VerdictScale" s ON s.id = v."scaleId"
      WHERE v.key = ${verdict} AND v."retiredAt" IS NULL AND s."workspaceId" = (SELECT "workspaceId" FROM actor)
    ),
    annotation AS (
      INSERT INTO "Annotation" (id, "workspaceId", "articleId", "revisionId", start, "end", quote, prefix, suffix, claim, claimant, "verdictOptionId",
        rationale, "authorId", "reusedFromId", "reusedFromReferenceId", "createdAt", "updatedAt")
      SELECT ${row.id}, actor."workspaceId", locked.id, ${row.revisionId}, ${row.start}, ${row.end}, ${row.quote}, ${row.prefix}, ${row.suffix},
        ${row.claim}, ${row.claimant}, option.id, ${more.rationale}, actor."userId", ${more.reusedFromId}, ${more.reusedFromReferenceId}, ${at}, ${at}
      FROM actor, locked, current, option WHERE current."revisionId" = ${row.revisionId}
      RETURNING id, "workspaceId", "authorId"
    ),
    sources AS (${insertSourcesSql(more.sources)}),
    note AS (
      INSERT INTO "Note" (id, "annotationId", "authorId", body, "createdAt", "updatedAt")
      SELECT ${note?.id ?? null}, annotation.id, annotation."authorId", ${note?.body ?? null}, ${at}, ${at} FROM annotation
        WHERE ${note !== null}
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "workspaceId", "actorId", "entityType", "entityId", action, after, "createdAt")
      SELECT ${audit.id}, annotation."workspaceId", annotation."authorId", 'annotation', annotation.id, 'create', ${JSON.stringify(audit.after)}::jsonb,
        ${at} FROM annotation
    )
    SELECT (SELECT to_json(actor) FROM actor) AS actor, EXISTS (SELECT 1 FROM locked) AS found, (SELECT "revisionId" FROM current) AS current,
      EXISTS (SELECT 1 FROM "ArticleRevision" x WHERE x.id = ${row.revisionId} AND x."articleId" = ${row.articleId}) AS "revisionOfArticle",
      (SELECT view FROM option) AS option, EXISTS (SELECT 1 FROM annotation) AS inserted`,
    // For a session the text never varies (the values are all parameters), so each pooled
    // connection plans it once; an actor given writes its CTE differently, so it stays unnamed.
    "claims" in creator ? "factmark_create_for_session" : undefined,
  );
  return result;
}

/** The span's anchor in the revision's text, or the 400 that refuses it. */
function anchorIn(text: string, input: Input): ReturnType<typeof anchorFor> | AppError {
  const problem = spanProblem(text, input.start, input.end);
  if (problem) return new AppError("BAD_REQUEST", `start/end: ${problem}`);
  const anchor = anchorFor(text, input.start, input.end);
  if (anchor.quote !== input.quote) {
    return new AppError(
      "BAD_REQUEST",
      `quote: does not match the text at ${input.start}–${input.end}, which reads "${anchor.quote.slice(0, 200)}"`,
    );
  }
  return anchor;
}

/**
 * Creates an annotation (the checks and answers of createAnnotation in lib/annotations/annotations.ts)
 * straight on pg, in one round trip when this process holds the revision's text (read for this person) and the span
 * checks out in it (the write statement checks the rest and says what failed), else in two: one
 * read (with the actor, for a session), then the write. Either way the refusals come in the
 * same order: 401, 404, the revision, the span and quote, the verdict. The view is built from
 * what was written, not read back. A reuse is only checked for an actor already read (it needs
 * their visibility first), and always takes the read.
 */
export async function createAnnotationFast(creator: Creator, articleId: string, input: Input): Promise<AnnotationView> {
  const reader = "actor" in creator ? creator.actor.userId : creator.claims.userId;
  const known =
    input.reusedFrom || input.reusedFromReference ? undefined : cachedRevisionText(input.revisionId, reader);
  const early = known === undefined ? null : anchorIn(known, input);
  if (early && !(early instanceof AppError)) return write(creator, articleId, input, early, null);

  // A span that does not check out in the text held takes the read too, so its 400 comes after
  // the 401 and 404 it would otherwise overtake (and no article's text is quoted to a stranger).
  const read = await readTarget(creator, articleId, input);
  const actor = "actor" in creator ? creator.actor : requireMember(read?.actor ?? null);
  const target = read?.id ? read : null;
  if (!target) throw notFound("Article");
  if (!target.revisionId || target.revisionId !== input.revisionId) {
    if (!target.revisionOfArticle) throw new AppError("BAD_REQUEST", "revisionId: not a revision of this article");
    throw staleRevision();
  }
  const anchor = anchorIn(target.text ?? "", input);
  if (anchor instanceof AppError) throw anchor;
  if (!target.option)
    throw new AppError("BAD_REQUEST", `verdict: "${input.verdict}" is not an option of this workspace's verdict scale`);
  if (input.reusedFrom && !target.reusedFromId)
    throw new AppError("BAD_REQUEST", "reusedFrom: not an approved or published check of this workspace");
  if (input.reusedFromReference && !target.reusedFromReferenceId)
    throw new AppError("BAD_REQUEST", "reusedFromReference: not a reference check of this workspace");
  return write({ actor }, articleId, input, anchor, target);
}

async function write(
  creator: Creator,
  articleId: string,
  input: Input,
  anchor: ReturnType<typeof anchorFor>,
  target: Target | null,
): Promise<AnnotationView> {
  const now = new Date();
  const id = newId();
  const sources = input.sources.map((source, position) => ({
    id: newId(),
    annotationId: id,
    kind: null,
    ...source,
    position,
    createdAt: now,
    updatedAt: now,
  }));
  const noteId = newId();
  const build = (
    actor: Pick<Actor, "userId" | "workspaceId" | "name">,
    option: Written["option"] & {},
  ): AnnotationRow => {
    const { id: verdictOptionId, ...verdictOption } = option;
    const row: AnnotationRow = {
      id,
      workspaceId: actor.workspaceId,
      articleId,
      revisionId: input.revisionId,
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
      reusedFromId: target?.reusedFromId ?? null,
      reusedFromReferenceId: target?.reusedFromReferenceId ?? null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
      verdictOption,
      author: { id: actor.userId, name: actor.name },
      sources,
      notes: [],
      reviews: [],
      corrects: null,
      corrections: [],
    };
    if (input.note) {
      const author = row.author;
      row.notes.push({
        ...{
          id: noteId,
          annotationId: id,
          parentId: null,
          authorId: actor.userId,
          importedAuthor: null,
          body: input.note,
        },
        ...{ version: 1, deletedAt: null, createdAt: now, updatedAt: now, author },
      });
    }
    return row;
  };
  // The audit's snapshot names the verdict by key and no person, so it is known before the write
  // reads the actor and the option; the view answered is built after, from what the write read.
  const drafted = toAnnotationView(
    build(
      { userId: "", workspaceId: "", name: "" },
      target?.option ?? { id: "", key: input.verdict, label: "", color: "", rating: null },
    ),
  );
  const after = {
    ...auditSnapshot(drafted),
    note: input.note,
    ...(drafted.reusedFrom ? { reusedFrom: drafted.reusedFrom } : {}),
  };
  const written = await insertAnnotation(
    creator,
    { id, articleId, revisionId: input.revisionId, ...anchor, claim: input.claim, claimant: input.claimant },
    {
      rationale: input.rationale,
      reusedFromId: target?.reusedFromId ?? null,
      reusedFromReferenceId: target?.reusedFromReferenceId ?? null,
      createdAt: now,
      sources,
    },
    input.verdict,
    input.note ? { id: noteId, body: input.note } : null,
    { id: newId(), after },
  );
  const actor = "actor" in creator ? creator.actor : requireMember(written.actor);
  if (!written.found) throw notFound("Article");
  if (written.current !== input.revisionId) {
    if (!written.revisionOfArticle) throw new AppError("BAD_REQUEST", "revisionId: not a revision of this article");
    throw staleRevision();
  }
  if (!written.option)
    throw new AppError("BAD_REQUEST", `verdict: "${input.verdict}" is not an option of this workspace's verdict scale`);
  if (!written.inserted) throw staleRevision();
  return toAnnotationView(build(actor, written.option));
}

const staleRevision = () =>
  new AppError("CONFLICT", "The article has a newer revision: reload it and select the text again");
