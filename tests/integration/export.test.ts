import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation } from "@/lib/annotations/annotations";
import { createNote } from "@/lib/annotations/notes";
import { exportAnnotations } from "@/lib/export/export";
import type { NativeDocument } from "@/lib/export/native-format";
import { annotationBatches, exportQuerySchema, selectionFor } from "@/lib/export/query";
import { createArticle, createWorkspace } from "../support/factories";
import { expectValidNative, readAll, expectValidClaimReview } from "../support/exports";
import { checkW3c } from "../support/w3c-checker";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example.org/fact-checks" };

/** A desk with two articles: an emoji before a span, a published and an approved check, a draft. */
async function exportDesk() {
  const desk = await createWorkspace("Export desk");
  const first = await createArticle({
    workspaceId: desk.workspace.id,
    title: "Budget story",
    paragraphs: ["Wave 👋 then taxes rose 5% says the mayor.", "<script>alert(1)</script> is text."],
  });
  const second = await createArticle({
    workspaceId: desk.workspace.id,
    title: "Other story",
    paragraphs: ["Crime fell by half."],
  });
  const span = (article: typeof first, quote: string) => {
    const revision = article.revisions[0];
    const start = revision.text.indexOf(quote);
    return { revisionId: revision.id, start, end: start + quote.length, quote };
  };
  const taxes = await createAnnotation({
    actor: desk.reviewer,
    articleId: first.id,
    input: {
      ...span(first, "taxes rose 5%"),
      claim: "Taxes rose 5%",
      claimant: "The mayor",
      verdict: "misleading",
      rationale: "They rose 3%.",
      sources: [{ url: "https://stats.example/t", excerpt: "3.1%" }],
      note: "Checked.",
    },
  });
  await createNote({
    actor: desk.editor,
    annotationId: taxes.id,
    input: { body: "Agreed.", parentId: taxes.notes[0].id },
  });
  const script = await createAnnotation({
    actor: desk.editor,
    articleId: first.id,
    input: {
      ...span(first, "<script>alert(1)</script>"),
      claim: "<b>bold</b> & <i>claim</i>",
      verdict: "unverifiable",
    },
  });
  const crime = await createAnnotation({
    actor: desk.reviewer,
    articleId: second.id,
    input: { ...span(second, "Crime fell by half"), claim: "Crime halved", verdict: "false" },
  });
  // The review workflow is not built yet: settle two checks directly, as it will.
  await db.annotation.update({
    where: { id: taxes.id },
    data: {
      status: "PUBLISHED",
      reviews: {
        create: [
          {
            editorId: desk.editor.userId,
            fromStatus: "SUBMITTED",
            toStatus: "APPROVED",
            comment: "Good",
            createdAt: new Date("2026-11-20T10:00:00Z"),
          },
          {
            editorId: desk.editor.userId,
            fromStatus: "APPROVED",
            toStatus: "PUBLISHED",
            createdAt: new Date("2026-11-21T10:00:00Z"),
          },
        ],
      },
    },
  });
  await db.annotation.update({ where: { id: crime.id }, data: { status: "APPROVED" } });
  return { ...desk, first, second, taxes, script, crime };
}

describe("native export (factmark.v1)", () => {
  it(
    "holds articles with revision hashes and annotations with anchors, verdict bounds, " +
      "sources, notes and reviews, valid against the served schema",
    async () => {
      const desk = await exportDesk();
      const document = await exportAnnotations({ actor: desk.editor, query: { format: "native" }, urls: URLS });
      expect(document).toMatchObject({
        contentType: "application/json; charset=utf-8",
        total: 3,
        filename: expect.stringMatching(/^factmark-desk-.*-native-\d{4}-\d{2}-\d{2}\.json$/),
      });
      const exported = (await readAll(document)) as NativeDocument;
      expectValidNative(exported);
      expect(exported.format).toBe("factmark.v1");
      expect(exported.verdictScale).toMatchObject({ worstRating: 1, bestRating: 6 });
      expect(exported.articles.map((a) => a.title).sort()).toEqual(["Budget story", "Other story"]);
      expect(exported.articles.find((a) => a.id === desk.first.id)!.revision).toEqual({
        id: desk.first.revisions[0].id,
        number: 1,
        textHash: desk.first.revisions[0].textHash,
      });

      const taxes = exported.annotations.find((a) => a.id === desk.taxes.id)!;
      expect(taxes).toMatchObject({
        anchor: {
          start: desk.taxes.start,
          end: desk.taxes.end,
          quote: "taxes rose 5%",
          prefix: "Wave 👋 then ",
          suffix: expect.stringMatching(/^ says the mayor\./),
        },
        claim: "Taxes rose 5%",
        claimant: "The mayor",
        verdict: { key: "misleading", label: "Misleading", rating: 3, worstRating: 1, bestRating: 6 },
        status: "PUBLISHED",
        author: { name: "reviewer user" },
        sources: [{ url: "https://stats.example/t", excerpt: "3.1%", title: null }],
        reviews: [
          { toStatus: "APPROVED", comment: "Good", editor: { name: "editor user" } },
          { toStatus: "PUBLISHED", comment: null },
        ],
      });
      expect(taxes.notes.map((n) => [n.body, n.parentId === null])).toEqual([
        ["Checked.", true],
        ["Agreed.", false],
      ]);
      expect(taxes.author).not.toHaveProperty("email");
      // Markup in text fields is text: exported exactly as typed, never interpreted.
      expect(exported.annotations.find((a) => a.id === desk.script.id)).toMatchObject({
        claim: "<b>bold</b> & <i>claim</i>",
        anchor: { quote: "<script>alert(1)</script>" },
      });
    },
  );

  it("gives authors' emails to admins only", async () => {
    const desk = await exportDesk();
    const asAdmin = (await readAll(
      await exportAnnotations({ actor: desk.admin, query: { format: "native" }, urls: URLS }),
    )) as NativeDocument;
    expectValidNative(asAdmin);
    expect(asAdmin.annotations[0].author.email).toMatch(/@test\.example$/);
    const asReviewer = (await readAll(
      await exportAnnotations({ actor: desk.reviewer, query: { format: "native" }, urls: URLS }),
    )) as NativeDocument;
    expect(JSON.stringify(asReviewer)).not.toMatch(/@test\.example/);
  });

  it("filters by article, status, verdict and creation date", async () => {
    const desk = await exportDesk();
    const ids = async (query: object) =>
      (
        (await readAll(
          await exportAnnotations({ actor: desk.editor, query: { format: "native", ...query }, urls: URLS }),
        )) as NativeDocument
      ).annotations
        .map((a) => a.id)
        .sort();
    expect(await ids({ article: desk.second.id })).toEqual([desk.crime.id]);
    expect(await ids({ status: "PUBLISHED,APPROVED" })).toEqual([desk.taxes.id, desk.crime.id].sort());
    expect(await ids({ status: ["DRAFT"] })).toEqual([desk.script.id]);
    expect(await ids({ verdict: "false,unverifiable" })).toEqual([desk.crime.id, desk.script.id].sort());
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids({ from: today, to: today })).toHaveLength(3);
    expect(await ids({ to: "2020-01-01" })).toEqual([]);
    const filtered = (await readAll(
      await exportAnnotations({ actor: desk.editor, query: { format: "native", article: desk.second.id }, urls: URLS }),
    )) as NativeDocument;
    expect(filtered.articles.map((a) => a.id)).toEqual([desk.second.id]);
  });

  it("reads in keyset batches that cover every row once, in article and text order", async () => {
    const desk = await exportDesk();
    const selection = await selectionFor(desk.editor, exportQuerySchema.parse({ format: "native" }));
    const batches = [];
    for await (const batch of annotationBatches(selection, 2))
      batches.push(batch.map((row) => [row.articleId, row.start]));
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    const rows = batches.flat();
    expect(rows).toEqual(
      [...rows].sort((a, b) => (a[0] === b[0] ? Number(a[1]) - Number(b[1]) : String(a[0]) < String(b[0]) ? -1 : 1)),
    );
  });
});

describe("W3C export", () => {
  it("is one AnnotationCollection that passes every MUST assertion, with code point positions after an emoji", async () => {
    const desk = await exportDesk();
    const document = await exportAnnotations({
      actor: desk.reviewer,
      query: { format: "w3c", article: desk.first.id },
      urls: URLS,
    });
    expect(document.contentType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
    const collection = (await readAll(document)) as {
      total: number;
      first: { items: { target: { selector: { type: string; start?: number; exact?: string }[] } }[] };
    };
    expect(collection.total).toBe(2);
    const result = await checkW3c(collection);
    expect(result.output).toMatch(/^\d+ passed, 0 failed/m);
    const taxes = collection.first.items.find((item) => item.target.selector[0].exact === "taxes rose 5%")!;
    expect(taxes.target.selector[1]).toEqual({
      type: "TextPositionSelector",
      start: desk.taxes.start - 1,
      end: desk.taxes.end - 1,
    });
  });

  it("serves pages that link to the collection and pass the page assertions", async () => {
    const desk = await exportDesk();
    const page = (await readAll(
      await exportAnnotations({ actor: desk.reviewer, query: { format: "w3c", page: "0" }, urls: URLS }),
    )) as { type: string; partOf: { total: number }; startIndex: number; items: unknown[]; next?: string };
    expect(page).toMatchObject({ type: "AnnotationPage", partOf: { total: 3 }, startIndex: 0 });
    expect(page.items).toHaveLength(3);
    expect(page.next).toBeUndefined();
    expect((await checkW3c(page)).output).toMatch(/^\d+ passed, 0 failed/m);
    const beyond = (await readAll(
      await exportAnnotations({ actor: desk.reviewer, query: { format: "w3c", page: "5" }, urls: URLS }),
    )) as { items: unknown[] };
    expect(beyond.items).toEqual([]);
  });
});

describe("ClaimReview export", () => {
  it("gives one ClaimReview per approved or published check, with every required field", async () => {
    const desk = await exportDesk();
    const graph = (await readAll(
      await exportAnnotations({ actor: desk.reviewer, query: { format: "claimreview" }, urls: URLS }),
    )) as { "@context": string; "@graph": Record<string, unknown>[] };
    expect(graph["@context"]).toBe("https://schema.org");
    expect(graph["@graph"]).toHaveLength(2);
    const taxes = graph["@graph"].find((r) => r.claimReviewed === "Taxes rose 5%")!;
    expect(taxes).toEqual({
      "@type": "ClaimReview",
      url: `https://checks.example.org/fact-checks/${desk.taxes.id}`,
      claimReviewed: "Taxes rose 5%",
      datePublished: "2026-11-21",
      author: { "@type": "Organization", name: "Export desk" },
      reviewRating: { "@type": "Rating", ratingValue: 3, worstRating: 1, bestRating: 6, alternateName: "Misleading" },
      itemReviewed: {
        "@type": "Claim",
        appearance: {
          "@type": "CreativeWork",
          url: `https://factmark.example/articles/${desk.first.id}`,
          headline: "Budget story",
        },
        author: { "@type": "Person", name: "The mayor" },
      },
    });
    for (const review of graph["@graph"]) expectValidClaimReview(review);
  });
});

describe("export refusals", () => {
  it("refuses nonsense queries with a clear message, another workspace's article with 404, and no session with 401", async () => {
    const desk = await exportDesk();
    const other = await createWorkspace();
    const attempt = (query: object, actor = desk.editor) => exportAnnotations({ actor, query, urls: URLS });
    await expect(attempt({ format: "csv" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^format: format must be one of native, w3c, claimreview/),
    });
    await expect(attempt({ format: "native", from: "2026-13-45" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/from: from must be a real date/),
    });
    await expect(attempt({ format: "native", from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/from must not be after to/),
    });
    await expect(attempt({ format: "native", status: "DONE" })).rejects.toMatchObject({ status: 400 });
    await expect(attempt({ format: "native", article: "not an id" })).rejects.toMatchObject({ status: 400 });
    await expect(attempt({ format: "w3c", page: "-1" })).rejects.toMatchObject({ status: 400 });
    await expect(attempt({ format: "native", article: desk.first.id }, other.editor)).rejects.toMatchObject({
      status: 404,
    });
    await expect(exportAnnotations({ actor: null, query: { format: "native" }, urls: URLS })).rejects.toMatchObject({
      status: 401,
    });
    // Another desk's export holds none of this desk's work.
    const theirs = (await readAll(
      await exportAnnotations({ actor: other.admin, query: { format: "native" }, urls: URLS }),
    )) as NativeDocument;
    expect(theirs.annotations).toEqual([]);
  });
});
