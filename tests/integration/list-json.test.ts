// Issue #15 item 2: GET /api/articles/:id/annotations answers JSON text written by PostgreSQL and
// sent unparsed. It must be byte for byte what the route gave before, JSON.stringify of
// { annotations: rows.map(toAnnotationView) } over the rows Prisma reads under the visibility
// rule's Prisma twin, on the data where the two could differ: escapes (quotes, backslashes,
// control characters, U+2028, emoji), nulls, imported names, a deleted note kept for its reply and
// one dropped, review decisions, a correction under way, a superseded and a deleted annotation,
// a reused check, an accessed date, and a blind second opinion that hides one person's work.
import { describe, expect, it } from "vitest";
import {
  createAnnotation,
  deleteAnnotation,
  listAnnotationsBody,
  listAnnotationsBodyForSession,
} from "@/lib/annotations/annotations";
import { createNote, deleteNote } from "@/lib/annotations/notes";
import { annotationInclude, toAnnotationView } from "@/lib/annotations/view";
import { visibilityFor, visibleAnnotationWhere, visibleInclude, visibleReusedFromId } from "@/lib/access/visibility";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { startCorrection } from "@/lib/reviews/corrections";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { createArticle, createWorkspace, spanOf } from "../support/factories";

const TRICKY = 'Quote "this" \\ back\\slash, tab\there, bell\u0007, nul-ish\u0001, line\u2028sep, emoji 👋🏽, é\u0301';

/** The route's answer as it was built before: Prisma's include, toAnnotationView, JSON.stringify. */
async function expectedBody(actor: Actor, articleId: string): Promise<string> {
  const v = await visibilityFor(db, actor);
  const rows = await db.annotation.findMany({
    where: { articleId, supersededAt: null, ...visibleAnnotationWhere(v) },
    include: {
      ...visibleInclude(annotationInclude, v),
      reusedFrom: {
        select: { id: true, workspaceId: true, articleId: true, authorId: true, priorAuthorIds: true, deletedAt: true },
      },
    },
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
  });
  const views = rows.map(({ reusedFrom, ...row }) =>
    toAnnotationView({ ...row, reusedFromId: visibleReusedFromId(v, reusedFrom) }),
  );
  return JSON.stringify({ annotations: views });
}

async function sessionBody(actor: Actor, articleId: string) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  return listAnnotationsBodyForSession({ claims: { userId: actor.userId, sessionVersion }, articleId });
}

describe("the annotation list written as JSON by PostgreSQL", () => {
  it("gives the bytes the JavaScript mapping gave, for every reader, with and without a blind", async () => {
    const d = await createWorkspace();
    const article = await createArticle({
      workspaceId: d.workspace.id,
      paragraphs: ["Taxes rose 5% and jobs grew by a third.", "Crime fell by half, police say. Rents doubled."],
    });
    const revision = article.revisions[0];
    const at = (quote: string) => spanOf(revision, quote);
    const a = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: {
        ...at("Taxes rose 5%"),
        claim: "Taxes rose",
        verdict: "mixed",
        claimant: "The mayor",
        rationale: TRICKY,
        sources: [
          { url: "https://a.example/x", title: "T", publisher: "P", accessedAt: "2026-11-01" },
          { url: "https://b.example/y" },
        ],
        note: "first",
      },
    });
    // Two annotations on the same span, to hold the order's tie-breaks.
    const b = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...at("jobs grew"), claim: "Jobs", verdict: "false" },
    });
    await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...at("jobs grew"), claim: "Jobs again", verdict: "true" },
    });
    await createAnnotation({
      actor: d.editor,
      articleId: article.id,
      input: { ...at("Crime fell"), claim: "Crime", verdict: "true", note: "editor's own" },
    });
    const gone = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...at("police say"), claim: "Gone", verdict: "true" },
    });
    await deleteAnnotation({ actor: d.reviewer, annotationId: gone.id });

    // Notes: an editor's note deleted under a reviewer's live reply (kept, without its body), one deleted alone (dropped).
    const kept = await createNote({
      actor: d.editor,
      annotationId: a.id,
      input: { body: "to be deleted, with a reply" },
    });
    await createNote({
      actor: d.reviewer,
      annotationId: a.id,
      input: { body: `the reply ${TRICKY}`, parentId: kept.id },
    });
    await deleteNote({ actor: d.editor, annotationId: a.id, noteId: kept.id });
    const dropped = await createNote({ actor: d.reviewer, annotationId: a.id, input: { body: "deleted alone" } });
    await deleteNote({ actor: d.reviewer, annotationId: a.id, noteId: dropped.id });
    await createNote({ actor: d.editor, annotationId: b.id, input: { body: "the editor asks" } });

    // Review decisions with a tricky comment, publication, a correction under way (by the editor).
    await changeAnnotationStatus({ actor: d.reviewer, annotationId: b.id, input: { status: "SUBMITTED", version: 1 } });
    await changeAnnotationStatus({
      actor: d.editor,
      annotationId: b.id,
      input: { status: "APPROVED", version: 2, comment: TRICKY },
    });
    await changeAnnotationStatus({ actor: d.editor, annotationId: b.id, input: { status: "PUBLISHED", version: 3 } });
    await startCorrection({ actor: d.editor, annotationId: b.id, input: { note: `Corrected: ${TRICKY}` } });

    // A published check superseded by its published correction leaves the list.
    const old = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: { ...at("Rents doubled"), claim: "Rents", verdict: "false" },
    });
    await changeAnnotationStatus({
      actor: d.reviewer,
      annotationId: old.id,
      input: { status: "SUBMITTED", version: 1 },
    });
    await changeAnnotationStatus({ actor: d.editor, annotationId: old.id, input: { status: "APPROVED", version: 2 } });
    await changeAnnotationStatus({ actor: d.editor, annotationId: old.id, input: { status: "PUBLISHED", version: 3 } });
    const fix = await startCorrection({ actor: d.editor, annotationId: old.id, input: { note: "Rents rose by half" } });
    await changeAnnotationStatus({ actor: d.editor, annotationId: fix.id, input: { status: "SUBMITTED", version: 1 } });
    await changeAnnotationStatus({ actor: d.editor, annotationId: fix.id, input: { status: "APPROVED", version: 2 } });
    await changeAnnotationStatus({ actor: d.editor, annotationId: fix.id, input: { status: "PUBLISHED", version: 3 } });
    // The editor reuses the reviewer's published check: under the blind below its id is not named.
    await createAnnotation({
      actor: d.editor,
      articleId: article.id,
      input: { ...at("by half"), claim: "Half", verdict: "mixed", reusedFrom: b.id },
    });
    await db.annotation.update({ where: { id: a.id }, data: { claim: TRICKY, importedAuthor: "Imported “Name”" } });
    await db.note.updateMany({ where: { annotationId: a.id, body: "first" }, data: { importedAuthor: "Old desk" } });
    expect(await db.annotation.count({ where: { articleId: article.id, supersededAt: { not: null } } })).toBe(1);

    const check = async (readers: Actor[], count: number) => {
      for (const reader of readers) {
        const expected = await expectedBody(reader, article.id);
        expect((JSON.parse(expected) as { annotations: unknown[] }).annotations).toHaveLength(count);
        expect(await listAnnotationsBody({ actor: reader, articleId: article.id })).toBe(expected);
        expect(await sessionBody(reader, article.id)).toBe(expected);
      }
    };
    await check([d.reviewer, d.editor, d.admin], 7);

    // A blind between the editor and the reviewer on this article: each loses the other's
    // annotations (the editor's, the correction continuing the reviewer's check), notes and decisions.
    await db.secondOpinion.create({
      data: {
        workspaceId: d.workspace.id,
        articleId: article.id,
        firstReviewerId: d.editor.userId,
        secondReviewerId: d.reviewer.userId,
        requestedById: d.admin.userId,
      },
    });
    await check([d.reviewer], 3);
    await check([d.editor], 2);
    await check([d.admin], 7);

    // Another workspace's reader gets 404; an empty article an empty list.
    const other = await createWorkspace();
    await expect(listAnnotationsBody({ actor: other.editor, articleId: article.id })).rejects.toMatchObject({
      status: 404,
    });
    const empty = await createArticle({ workspaceId: d.workspace.id });
    expect(await listAnnotationsBody({ actor: d.reviewer, articleId: empty.id })).toBe('{"annotations":[]}');
  });
});
