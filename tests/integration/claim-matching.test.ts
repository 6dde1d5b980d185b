// "Checked before" (lib/search/similar.ts) through the real index: the quality floor on the
// labelled set, which checks it draws on, the blind second opinion, and bad input.
import { describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/annotations";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { findSimilarClaims } from "@/lib/search/similar";
import { db } from "@/lib/db/client";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";
import { CLAIM_CORPUS, CLAIM_QUERIES, scoreMatching } from "../support/claim-matching";
import { countWorkspaceRows } from "../support/row-counts";
import { listAnnotationHistory } from "@/lib/annotations/annotations";
import { exportAnnotations } from "@/lib/export/export";
import { expectValidNative, readAll } from "../support/exports";

async function englishDesk() {
  const desk = await createWorkspace("Matching desk");
  await db.workspace.update({ where: { id: desk.workspace.id }, data: { searchLanguage: "english" } });
  return desk;
}

describe("claim matching", () => {
  it("holds the floor on the labelled set: recall@3 ≥ 0.9 and precision ≥ 0.8 at the suggestion threshold", async () => {
    const d = await englishDesk();
    const { ids } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: CLAIM_CORPUS.map((c) => ({ claim: c.claim, status: "PUBLISHED" as const })),
    });
    const corpusId = new Map(ids.map((id, i) => [id, CLAIM_CORPUS[i].id]));
    const answers = new Map<string, string[]>();
    for (const { text } of CLAIM_QUERIES) {
      const { matches } = await findSimilarClaims({ actor: d.reviewer, query: { text } });
      answers.set(
        text,
        matches.map((m) => corpusId.get(m.annotationId!)!),
      );
    }
    const quality = scoreMatching((q) => answers.get(q.text)!);
    expect(quality.queries).toBeGreaterThanOrEqual(60);
    expect({
      recallAt3: quality.recallAt3 >= 0.9,
      precision: quality.precision >= 0.8,
      recallAt1: quality.recallAt1 >= 0.85,
      quality,
    }).toMatchObject({ recallAt3: true, precision: true, recallAt1: true });
  });

  it("draws only on approved and published checks, best first, with verdict, status and date", async () => {
    const d = await englishDesk();
    const {
      ids: [published, draft, submitted],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [
        {
          claim: "Unemployment rose to 3.4% in March",
          claimant: "Minister",
          verdict: "mostly-true",
          status: "PUBLISHED",
        },
        { claim: "Unemployment rose to 3.4 percent in March" },
        { claim: "In March unemployment rose to 3.4%", status: "SUBMITTED" },
      ],
    });
    const { matches } = await findSimilarClaims({
      actor: d.editor,
      query: { text: "Unemployment went up to 3.4 per cent in March", claimant: "Minister" },
    });
    expect(matches.map((m) => m.annotationId)).toEqual([published]);
    expect(matches[0]).toMatchObject({
      claim: "Unemployment rose to 3.4% in March",
      claimant: "Minister",
      verdict: { key: "mostly-true", label: "Mostly true" },
      status: "PUBLISHED",
      publishedAt: expect.any(String),
    });
    expect(matches[0].score).toBeGreaterThan(0.5);
    expect([draft, submitted]).not.toContain(matches[0].annotationId);
    // The detail panel leaves out the annotation it shows.
    expect(
      (
        await findSimilarClaims({
          actor: d.editor,
          query: { text: "Unemployment rose to 3.4% in March", exclude: published },
        })
      ).matches,
    ).toEqual([]);
  });

  it("keeps the blind second opinion: a blinded reviewer is not shown the other's approved check", async () => {
    const d = await englishDesk();
    const second = await actorFor((await createUser({ workspaceId: d.workspace.id, role: "REVIEWER" })).id);
    const article = await createArticle({
      workspaceId: d.workspace.id,
      paragraphs: ["Pelicans ate all the harbour fish in 2024."],
    });
    const revision = article.revisions[0];
    await requestSecondOpinion({
      actor: d.editor,
      articleId: article.id,
      input: { firstReviewerId: d.reviewer.userId, secondReviewerId: second.userId },
    });
    const quote = "Pelicans ate all the harbour fish in 2024.";
    const work = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: {
        revisionId: revision.id,
        start: 0,
        end: quote.length,
        quote,
        claim: "Pelicans ate all the harbour fish in 2024",
        verdict: "false",
      },
    });
    await db.annotation.update({ where: { id: work.id }, data: { status: "APPROVED" } });
    const query = { text: "In 2024 pelicans ate all of the harbour's fish" };
    expect((await findSimilarClaims({ actor: second, query })).matches).toEqual([]);
    expect((await findSimilarClaims({ actor: d.editor, query })).matches.map((m) => m.annotationId)).toEqual([work.id]);
    // Another workspace never sees it either.
    const other = await englishDesk();
    expect((await findSimilarClaims({ actor: other.editor, query })).matches).toEqual([]);
  });

  it("refuses bad input with a 400 and changes nothing", async () => {
    const d = await englishDesk();
    const before = await countWorkspaceRows(db, d.workspace.id);
    for (const [query, message] of [
      [{}, /text/],
      [{ text: "   " }, /text is required/],
      [{ text: "x".repeat(2001) }, /text is too long/],
      [{ text: "a\u0000" }, /NUL/],
      [{ text: "ok", limit: "21" }, /limit must be at most 20/],
      [{ text: "ok", limit: "-1" }, /limit/],
      [{ text: "ok", exclude: "nope" }, /Not a valid id/],
      [{ text: ["a", "b"] }, /text must be text/],
    ] as const) {
      await expect(findSimilarClaims({ actor: d.reviewer, query }), JSON.stringify(query)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    await expect(findSimilarClaims({ actor: null, query: { text: "x" } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await findSimilarClaims({ actor: d.reviewer, query: { text: "& | ! ( ) : * '" } })).matches).toEqual([]);
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);
  });

  it("records what a new check reused, in its view, its history and the native export; refuses a check it may not reuse", async () => {
    const d = await englishDesk();
    const {
      ids: [earlier, draft],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [
        { claim: "Fuel duty has been frozen for 14 years", status: "PUBLISHED" },
        { claim: "Fuel duty is a draft" },
      ],
    });
    const article = await createArticle({
      workspaceId: d.workspace.id,
      paragraphs: ["The minister said fuel duty was frozen for fourteen years."],
    });
    const revision = article.revisions[0];
    const quote = "fuel duty was frozen for fourteen years";
    const span = {
      revisionId: revision.id,
      start: revision.text.indexOf(quote),
      end: revision.text.indexOf(quote) + quote.length,
      quote,
      claim: quote,
      verdict: "true",
    };

    const before = await countWorkspaceRows(db, d.workspace.id);
    await expect(
      createAnnotation({ actor: d.editor, articleId: article.id, input: { ...span, reusedFrom: draft } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/reusedFrom/) });
    await expect(
      createAnnotation({ actor: d.editor, articleId: article.id, input: { ...span, reusedFrom: "x" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      createAnnotation({ actor: d.editor, articleId: article.id, input: { ...span, reusedFromReference: earlier } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/reusedFromReference/) });
    const other = await englishDesk();
    const {
      ids: [foreign],
    } = await annotateClaims({
      workspaceId: other.workspace.id,
      author: other.reviewer,
      claims: [{ claim: "Fuel duty has been frozen for 14 years", status: "PUBLISHED" }],
    });
    await expect(
      createAnnotation({ actor: d.editor, articleId: article.id, input: { ...span, reusedFrom: foreign } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);

    const made = await createAnnotation({
      actor: d.editor,
      articleId: article.id,
      input: { ...span, reusedFrom: earlier },
    });
    expect(made.reusedFrom).toEqual({ annotationId: earlier, referenceId: null });
    const history = await listAnnotationHistory({ actor: d.editor, annotationId: made.id });
    expect(history[0].after).toMatchObject({ reusedFrom: { annotationId: earlier } });
    const document = (await readAll(
      await exportAnnotations({
        actor: d.editor,
        query: { format: "native", article: article.id },
        urls: { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example/c" },
      }),
    )) as { annotations: { id: string; reusedFrom?: unknown }[] };
    expectValidNative(document);
    expect(document.annotations.find((a) => a.id === made.id)?.reusedFrom).toEqual({
      annotationId: earlier,
      referenceUrl: null,
    });
  });
});
