import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation, deleteAnnotation, getAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { listMyWork } from "@/lib/reviews/my-work";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";

async function draft() {
  const desk = await createWorkspace();
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: ["Taxes rose 5% last year."] });
  const revision = article.revisions[0];
  const annotation = await createAnnotation({
    actor: desk.reviewer,
    articleId: article.id,
    input: {
      revisionId: revision.id,
      start: 0,
      end: 13,
      quote: "Taxes rose 5%",
      claim: "Taxes rose 5%",
      verdict: "mixed",
    },
  });
  const reviewer2 = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
  return { ...desk, annotation, reviewer2 };
}

describe("changing an annotation's status", () => {
  it("runs submit → changes requested (with a comment) → resubmit → approve → publish, recording a Review and an audit event each time", async () => {
    const desk = await draft();
    const move = (actor: typeof desk.editor, status: string, version: number, comment?: string) =>
      changeAnnotationStatus({ actor, annotationId: desk.annotation.id, input: { status, version, comment } });
    expect(await move(desk.reviewer, "SUBMITTED", 1)).toMatchObject({ status: "SUBMITTED", version: 2 });
    const sentBack = await move(desk.editor, "CHANGES_REQUESTED", 2, "Add the statistics office as a source");
    expect(sentBack).toMatchObject({
      status: "CHANGES_REQUESTED",
      lastReview: {
        toStatus: "CHANGES_REQUESTED",
        comment: "Add the statistics office as a source",
        by: "editor user",
      },
    });
    // The reviewer sees the decision on the annotation and in "My work", and fixes the work while it is sent back.
    expect((await getAnnotation({ actor: desk.reviewer, annotationId: desk.annotation.id })).lastReview?.comment).toBe(
      "Add the statistics office as a source",
    );
    expect(await listMyWork({ actor: desk.reviewer })).toEqual([
      expect.objectContaining({
        id: desk.annotation.id,
        status: "CHANGES_REQUESTED",
        lastDecision: expect.objectContaining({ comment: "Add the statistics office as a source", by: "editor user" }),
      }),
    ]);
    expect(await listMyWork({ actor: desk.editor })).toEqual([]);
    await expect(listMyWork({ actor: null })).rejects.toMatchObject({ status: 401 });
    await updateAnnotation({
      actor: desk.reviewer,
      annotationId: desk.annotation.id,
      input: { version: 3, sources: [{ url: "https://stats.example/taxes" }] },
    });
    await move(desk.reviewer, "SUBMITTED", 4);
    await move(desk.editor, "APPROVED", 5);
    expect(await move(desk.admin, "PUBLISHED", 6)).toMatchObject({ status: "PUBLISHED", version: 7 });
    const reviews = await db.review.findMany({
      where: { annotationId: desk.annotation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(reviews.map((r) => `${r.fromStatus}→${r.toStatus}`)).toEqual([
      "DRAFT→SUBMITTED",
      "SUBMITTED→CHANGES_REQUESTED",
      "CHANGES_REQUESTED→SUBMITTED",
      "SUBMITTED→APPROVED",
      "APPROVED→PUBLISHED",
    ]);
    expect(await db.auditEvent.count({ where: { entityId: desk.annotation.id, action: "status.change" } })).toBe(5);

    // Published is locked.
    await expect(
      updateAnnotation({
        actor: desk.editor,
        annotationId: desk.annotation.id,
        input: { version: 7, claim: "changed" },
      }),
    ).rejects.toMatchObject({ status: 409, message: /published and locked/ });
    await expect(deleteAnnotation({ actor: desk.admin, annotationId: desk.annotation.id })).rejects.toMatchObject({
      status: 409,
    });
    await expect(move(desk.admin, "DRAFT", 7)).rejects.toMatchObject({ status: 409 });
  });

  it(
    "refuses with 409 for the status, 403 for the role, 400 without a comment, 409 when stale, " +
      "404 elsewhere, 401 without a session; nothing changes",
    async () => {
      const desk = await draft();
      const other = await createWorkspace();
      const attempt = (actor: typeof desk.editor | null, input: object) =>
        changeAnnotationStatus({ actor, annotationId: desk.annotation.id, input });
      await expect(attempt(desk.editor, { status: "APPROVED", version: 1 })).rejects.toMatchObject({
        status: 409,
        message: "A draft annotation cannot become approved; it can become submitted",
      });
      await expect(attempt(desk.reviewer2, { status: "SUBMITTED", version: 1 })).rejects.toMatchObject({ status: 403 });
      await expect(attempt(desk.reviewer, { status: "SUBMITTED", version: 9 })).rejects.toMatchObject({
        status: 409,
        details: { current: { version: 1 } },
      });
      await expect(attempt(other.editor, { status: "SUBMITTED", version: 1 })).rejects.toMatchObject({ status: 404 });
      await expect(attempt(null, { status: "SUBMITTED", version: 1 })).rejects.toMatchObject({ status: 401 });
      await expect(attempt(desk.reviewer, { status: "DONE", version: 1 })).rejects.toMatchObject({
        status: 400,
        message: /status must be one of/,
      });
      await attempt(desk.reviewer, { status: "SUBMITTED", version: 1 });
      await expect(attempt(desk.reviewer, { status: "APPROVED", version: 2 })).rejects.toMatchObject({ status: 403 });
      await expect(
        attempt(desk.editor, { status: "CHANGES_REQUESTED", version: 2, comment: "  " }),
      ).rejects.toMatchObject({ status: 400, message: "comment: say what needs to change" });
      expect(await getAnnotation({ actor: desk.editor, annotationId: desk.annotation.id })).toMatchObject({
        status: "SUBMITTED",
        version: 2,
      });
      expect(await db.review.count({ where: { annotationId: desk.annotation.id } })).toBe(1);
    },
  );
});
