import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { startCorrection } from "@/lib/reviews/corrections";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";

// "AgreementPair" is a cache kept by database triggers (prisma/routines/20-agreement-pairs.sql). These tests hold it
// against the overlap rule computed here, independently, from the annotation rows.

/** The pairs the rule gives for an article, as "aId|bId" with a starting first (ties by id). */
async function expectedPairs(articleId: string): Promise<string[]> {
  const rows = await db.annotation.findMany({
    where: {
      articleId,
      deletedAt: null,
      supersededAt: null,
      status: { not: "DRAFT" },
      placement: { in: ["ANCHORED", "NEEDS_CHECK"] },
    },
  });
  const pairs: string[] = [];
  for (const a of rows) {
    for (const b of rows) {
      const first = a.start < b.start || (a.start === b.start && a.id < b.id);
      if (!first || a.revisionId !== b.revisionId || a.authorId === b.authorId || b.start >= a.end) continue;
      // A correction carries the check of the authors it continues: no pair with what it corrects or with their other work.
      if (
        a.correctsId === b.id ||
        b.correctsId === a.id ||
        a.priorAuthorIds.includes(b.authorId) ||
        b.priorAuthorIds.includes(a.authorId)
      )
        continue;
      const overlap = Math.min(a.end, b.end) - b.start;
      if (2 * overlap >= Math.min(a.end - a.start, b.end - b.start)) pairs.push(`${a.id}|${b.id}`);
    }
  }
  return pairs.sort();
}

const cachedPairs = async (articleId: string) =>
  (await db.agreementPair.findMany({ where: { articleId } })).map((p) => `${p.aId}|${p.bId}`).sort();

describe("the agreement pair cache", () => {
  it("follows creation, submission, verdict changes and deletion exactly", async () => {
    const desk = await createWorkspace();
    const article = await createArticle({
      workspaceId: desk.workspace.id,
      paragraphs: ["Taxes rose 5% last year. Jobs grew by 2%. The deficit fell."],
    });
    const text = article.revisions[0].text;
    const [kim, lee] = await Promise.all(
      [1, 2].map(async () => actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id)),
    );
    const annotate = async (actor: Actor, quote: string, verdict: string) => {
      const start = text.indexOf(quote);
      return createAnnotation({
        actor,
        articleId: article.id,
        input: { revisionId: article.revisions[0].id, start, end: start + quote.length, quote, claim: quote, verdict },
      });
    };
    const submit = (actor: Actor, id: string, version = 1) =>
      changeAnnotationStatus({ actor, annotationId: id, input: { status: "SUBMITTED", version } });
    const check = async (count: number) => {
      const expected = await expectedPairs(article.id);
      expect(expected).toHaveLength(count);
      expect(await cachedPairs(article.id)).toEqual(expected);
    };

    const a = await annotate(desk.reviewer, "Taxes rose 5%", "true");
    const b = await annotate(kim, "Taxes rose 5% last year.", "false");
    await submit(desk.reviewer, a.id);
    await check(0); // b is a draft
    await submit(kim, b.id);
    await check(1);
    const c = await annotate(lee, "last year", "mixed");
    await submit(lee, c.id);
    await check(2); // c overlaps b entirely; a ends before c starts
    await updateAnnotation({ actor: kim, annotationId: b.id, input: { version: 2, verdict: "true" } });
    expect(await db.agreementPair.findFirst({ where: { aId: a.id, bId: b.id } })).toMatchObject({
      aVerdictId: desk.options.find((o) => o.key === "true")!.id,
      bVerdictId: desk.options.find((o) => o.key === "true")!.id,
    });
    await deleteAnnotation({ actor: kim, annotationId: b.id });
    await check(0);
  });

  it("leaves a correction out of pairs with the work it corrects and with other work of the author it continues (#16)", async () => {
    const desk = await createWorkspace();
    const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: ["Taxes rose 5% last year."] });
    const kim = await actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id);
    const annotate = (actor: Actor, end: number, verdict: string) =>
      createAnnotation({
        actor,
        articleId: article.id,
        input: {
          revisionId: article.revisions[0].id,
          start: 0,
          end,
          quote: "Taxes rose 5% last year".slice(0, end),
          claim: "c",
          verdict,
        },
      });
    const move = (actor: Actor, id: string, status: string, version: number) =>
      changeAnnotationStatus({ actor, annotationId: id, input: { status, version } });
    const checked = await annotate(desk.reviewer, 13, "true");
    const other = await annotate(desk.reviewer, 10, "true"); // the same reviewer's second claim on the span
    const second = await annotate(kim, 13, "false");
    await move(desk.reviewer, checked.id, "SUBMITTED", 1);
    await move(desk.editor, checked.id, "APPROVED", 2);
    await move(desk.editor, checked.id, "PUBLISHED", 3);
    await move(desk.reviewer, other.id, "SUBMITTED", 1);
    await move(kim, second.id, "SUBMITTED", 1);
    const pair = (x: { id: string }, y: { id: string }) => [x.id, y.id].sort().join("|");
    const pairsOf = async () => (await cachedPairs(article.id)).map((p) => p.split("|").sort().join("|")).sort();
    expect(await pairsOf()).toEqual([pair(checked, second), pair(other, second)].sort());

    // The editor corrects the reviewer's check; under review, it is no pair with the reviewer's work.
    const correction = await startCorrection({
      actor: desk.editor,
      annotationId: checked.id,
      input: { note: "The rise was 3%" },
    });
    await updateAnnotation({
      actor: desk.editor,
      annotationId: correction.id,
      input: { version: 1, verdict: "false" },
    });
    await move(desk.editor, correction.id, "SUBMITTED", 2);
    expect(await pairsOf()).toEqual([pair(checked, second), pair(other, second), pair(correction, second)].sort());
    expect(await cachedPairs(article.id)).toEqual(await expectedPairs(article.id));

    // Published, it replaces the check: the editor is still not set against the reviewer.
    await move(desk.editor, correction.id, "APPROVED", 3);
    await move(desk.editor, correction.id, "PUBLISHED", 4);
    expect(await pairsOf()).toEqual([pair(other, second), pair(correction, second)].sort());
    expect(await cachedPairs(article.id)).toEqual(await expectedPairs(article.id));
  });

  it("stays exact when several reviewers submit on one article at the same time", async () => {
    const desk = await createWorkspace();
    const article = await createArticle({
      workspaceId: desk.workspace.id,
      paragraphs: ["Waiting lists doubled in a year."],
    });
    const reviewers = await Promise.all(
      [1, 2, 3, 4].map(async () =>
        actorFor((await createUser({ workspaceId: desk.workspace.id, role: "REVIEWER" })).id),
      ),
    );
    const drafts = await Promise.all(
      reviewers.map((actor) =>
        createAnnotation({
          actor,
          articleId: article.id,
          input: {
            revisionId: article.revisions[0].id,
            start: 0,
            end: 21,
            quote: "Waiting lists doubled",
            claim: "c",
            verdict: "false",
          },
        }),
      ),
    );
    await Promise.all(
      drafts.map((draft, i) =>
        changeAnnotationStatus({
          actor: reviewers[i],
          annotationId: draft.id,
          input: { status: "SUBMITTED", version: 1 },
        }),
      ),
    );
    expect(await cachedPairs(article.id)).toEqual(await expectedPairs(article.id));
    expect(await cachedPairs(article.id)).toHaveLength(6);
  });
});
