import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  getAnnotation,
  listAnnotationHistory,
  listAnnotationSummaries,
  updateAnnotation,
} from "@/lib/annotations/annotations";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { startCorrection } from "@/lib/reviews/corrections";
import { createNote } from "@/lib/annotations/notes";
import { exportAnnotations } from "@/lib/export/export";
import type { Actor } from "@/lib/auth/actor";
import { expectValidNative, readAll } from "../support/exports";
import { actorFor, annotate, createArticle, createUser, createWorkspace } from "../support/factories";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example.org/fact-checks" };

/** A desk with one annotation taken through review to PUBLISHED. */
async function published() {
  const desk = await createWorkspace();
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: ["Taxes rose 5% last year."] });
  const annotation = await annotate(desk.reviewer, article, "Taxes rose 5%", {
    claim: "Taxes rose 5%",
    verdict: "true",
    sources: [{ url: "https://stats.example/taxes" }],
  });
  const move = (actor: Actor, id: string, status: string, version: number) =>
    changeAnnotationStatus({ actor, annotationId: id, input: { status, version } });
  await move(desk.reviewer, annotation.id, "SUBMITTED", 1);
  await move(desk.editor, annotation.id, "APPROVED", 2);
  await move(desk.editor, annotation.id, "PUBLISHED", 3);
  return { ...desk, article, annotation, move };
}

describe("corrections of published annotations", () => {
  it("creates a new draft that keeps the published one, goes through review, then supersedes it; history shows both", async () => {
    const desk = await published();
    const correction = await startCorrection({
      actor: desk.reviewer,
      annotationId: desk.annotation.id,
      input: { note: "The rise was 3%, not 5%: we misread the table." },
    });
    expect(correction).toMatchObject({
      status: "DRAFT",
      quote: "Taxes rose 5%",
      verdict: { key: "true" },
      sources: [{ url: "https://stats.example/taxes" }],
      correction: {
        of: { id: desk.annotation.id, verdict: { key: "true" } },
        note: "The rise was 3%, not 5%: we misread the table.",
      },
    });
    // The published one is untouched and still current while the correction is reviewed.
    expect(await getAnnotation({ actor: desk.editor, annotationId: desk.annotation.id })).toMatchObject({
      status: "PUBLISHED",
      version: 4,
      supersededAt: null,
      correctedBy: { id: correction.id, status: "DRAFT" },
    });
    await expect(
      startCorrection({ actor: desk.editor, annotationId: desk.annotation.id, input: { note: "Another" } }),
    ).rejects.toMatchObject({ status: 409, message: /already under way/ });

    await updateAnnotation({
      actor: desk.reviewer,
      annotationId: correction.id,
      input: { version: 1, verdict: "false" },
    });
    await desk.move(desk.reviewer, correction.id, "SUBMITTED", 2);
    await desk.move(desk.editor, correction.id, "APPROVED", 3);
    const ids = async () =>
      (await listAnnotationSummaries({ actor: desk.editor, articleId: desk.article.id })).map((a) => a.id);
    expect(await ids()).toEqual([desk.annotation.id, correction.id]);
    await desk.move(desk.editor, correction.id, "PUBLISHED", 4);

    // Published: the old version leaves the article and exports but stays readable, locked, with its history.
    expect(await ids()).toEqual([correction.id]);
    const old = await getAnnotation({ actor: desk.editor, annotationId: desk.annotation.id });
    expect(old).toMatchObject({ status: "PUBLISHED", verdict: { key: "true" }, supersededAt: expect.any(String) });
    const claimReviews = (await readAll(
      await exportAnnotations({ actor: desk.editor, query: { format: "claimreview" }, urls: URLS }),
    )) as { "@graph": { url: string; reviewRating: { alternateName: string }; correction?: { text: string } }[] };
    expect(claimReviews["@graph"]).toEqual([
      expect.objectContaining({
        url: `${URLS.checkBaseUrl}/${correction.id}`,
        reviewRating: expect.objectContaining({ alternateName: "False" }),
        correction: { "@type": "CorrectionComment", text: "The rise was 3%, not 5%: we misread the table." },
      }),
    ]);
    const native = (await readAll(
      await exportAnnotations({ actor: desk.editor, query: { format: "native" }, urls: URLS }),
    )) as { annotations: { id: string; correction: unknown }[] };
    expectValidNative(native);
    expect(native.annotations).toEqual([
      expect.objectContaining({
        id: correction.id,
        correction: { corrects: desk.annotation.id, note: "The rise was 3%, not 5%: we misread the table." },
      }),
    ]);
    const history = await listAnnotationHistory({ actor: desk.reviewer, annotationId: correction.id });
    expect(history.filter((e) => e.annotationId === desk.annotation.id).map((e) => e.action)).toEqual([
      "create",
      "status.change",
      "status.change",
      "status.change",
      "correction.start",
      "superseded",
    ]);
    expect(history.filter((e) => e.annotationId === correction.id).map((e) => e.action)).toEqual([
      "create",
      "update",
      "status.change",
      "status.change",
      "status.change",
    ]);

    // The corrected version can itself be corrected; the superseded one cannot.
    await expect(
      startCorrection({ actor: desk.editor, annotationId: desk.annotation.id, input: { note: "Again" } }),
    ).rejects.toMatchObject({ status: 409, message: /already replaced/ });
    const second = await startCorrection({
      actor: desk.editor,
      annotationId: correction.id,
      input: { note: "Source link updated" },
    });
    expect(
      (await listAnnotationHistory({ actor: desk.editor, annotationId: second.id })).map((e) => e.annotationId),
    ).toContain(desk.annotation.id);
  });

  it("an editor's published correction keeps the reviewer's credit and leads to the reviewer's discussion (#16)", async () => {
    const desk = await published();
    const reviewerName = (await db.user.findUniqueOrThrow({ where: { id: desk.reviewer.userId } })).name;
    const editorName = (await db.user.findUniqueOrThrow({ where: { id: desk.editor.userId } })).name;
    await createNote({
      actor: desk.editor,
      annotationId: desk.annotation.id,
      input: { body: "Is the table for 2025?" },
    });
    const correction = await startCorrection({
      actor: desk.editor,
      annotationId: desk.annotation.id,
      input: { note: "The rise was 3%" },
    });
    expect(correction.correction).toMatchObject({
      of: { id: desk.annotation.id, author: { id: desk.reviewer.userId, name: reviewerName } },
      note: "The rise was 3%",
    });
    await desk.move(desk.editor, correction.id, "SUBMITTED", 1);
    await desk.move(desk.editor, correction.id, "APPROVED", 2);
    await desk.move(desk.editor, correction.id, "PUBLISHED", 3);

    // The live version on the article: the reviewer's check, corrected by the editor.
    const [live] = await listAnnotationSummaries({ actor: desk.reviewer, articleId: desk.article.id });
    expect(live).toMatchObject({
      id: correction.id,
      author: { id: desk.editor.userId, name: editorName },
      correctedFrom: { id: desk.reviewer.userId, name: reviewerName },
    });
    const view = await getAnnotation({ actor: desk.reviewer, annotationId: correction.id });
    expect(view.correction?.of.author).toEqual({ id: desk.reviewer.userId, name: reviewerName });
    // The discussion stays on the version it was about, which the correction names and which stays readable.
    expect(
      (await getAnnotation({ actor: desk.reviewer, annotationId: view.correction!.of.id })).notes.map((n) => n.body),
    ).toEqual(["Is the table for 2025?"]);

    // Work that is not a correction names no one else.
    const plain = await annotate(desk.reviewer, desk.article, "last year", { claim: "c", verdict: "true" });
    expect(
      (await listAnnotationSummaries({ actor: desk.reviewer, articleId: desk.article.id })).find(
        (a) => a.id === plain.id,
      ),
    ).toMatchObject({ correctedFrom: null });
  });

  it("refuses unpublished work, other reviewers, other desks, no session and a missing note; nothing is written", async () => {
    const desk = await published();
    const other = await createWorkspace();
    const reviewer2 = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
    const draft = await annotate(desk.reviewer, desk.article, "last year", { claim: "last year", verdict: "true" });
    const attempt = (actor: Actor | null, annotationId: string, input: unknown) =>
      startCorrection({ actor, annotationId, input });
    await expect(attempt(desk.reviewer, draft.id, { note: "n" })).rejects.toMatchObject({
      status: 409,
      message: /can still be edited directly/,
    });
    await expect(attempt(reviewer2, desk.annotation.id, { note: "n" })).rejects.toMatchObject({ status: 403 });
    await expect(attempt(other.editor, desk.annotation.id, { note: "n" })).rejects.toMatchObject({ status: 404 });
    await expect(attempt(null, desk.annotation.id, { note: "n" })).rejects.toMatchObject({ status: 401 });
    await expect(attempt(desk.editor, desk.annotation.id, { note: "   " })).rejects.toMatchObject({
      status: 400,
      message: "note: Correction note is required",
    });
    await expect(attempt(desk.editor, desk.annotation.id, { note: "n", extra: 1 })).rejects.toMatchObject({
      status: 400,
    });
    expect(await db.annotation.count({ where: { correctsId: desk.annotation.id } })).toBe(0);
  });

  it("lets only one of two simultaneous corrections through", async () => {
    const desk = await published();
    const results = await Promise.allSettled([
      startCorrection({ actor: desk.editor, annotationId: desk.annotation.id, input: { note: "one" } }),
      startCorrection({ actor: desk.admin, annotationId: desk.annotation.id, input: { note: "two" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await db.annotation.count({ where: { correctsId: desk.annotation.id } })).toBe(1);
  });
});
