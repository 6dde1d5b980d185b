// Reference checks (lib/references): importing ClaimReview JSON-LD, ours or another publisher's,
// idempotent by URL, every item's problems reported with nothing written, and search and
// "Checked before" including them with their publisher.
import { describe, expect, it } from "vitest";
import { exportAnnotations } from "@/lib/export/export";
import { importReferenceChecks, listReferenceChecks, removeReferenceCheck } from "@/lib/references/references";
import { searchWorkspace } from "@/lib/search/search";
import { findSimilarClaims } from "@/lib/search/similar";
import { db } from "@/lib/db/client";
import { createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";
import { readAll } from "../support/exports";
import { countWorkspaceRows } from "../support/row-counts";

const review = (n: number, extra: Record<string, unknown> = {}) => ({
  "@context": "https://schema.org",
  "@type": "ClaimReview",
  url: `https://factcheck.example/checks/${n}`,
  claimReviewed: `Fuel duty has been frozen for ${n} years`,
  datePublished: "2026-10-01",
  author: { "@type": "Organization", name: "Other Fact Desk" },
  reviewRating: { "@type": "Rating", ratingValue: 1, worstRating: 1, bestRating: 5, alternateName: "False" },
  itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "The Chancellor" } },
  ...extra,
});

async function englishDesk() {
  const desk = await createWorkspace("Reference desk");
  await db.workspace.update({ where: { id: desk.workspace.id }, data: { searchLanguage: "english" } });
  return desk;
}

describe("reference checks", () => {
  it("imports another publisher's file idempotently by URL; search and Checked before include it with its publisher", async () => {
    const d = await englishDesk();
    expect(await importReferenceChecks({ actor: d.editor, document: [review(14), review(9)] })).toEqual({
      imported: 2,
      updated: 0,
      unchanged: 0,
      total: 2,
    });
    expect(await importReferenceChecks({ actor: d.editor, document: [review(14), review(9)] })).toEqual({
      imported: 0,
      updated: 0,
      unchanged: 2,
      total: 2,
    });
    expect(
      await importReferenceChecks({
        actor: d.editor,
        document: { "@graph": [review(14, { reviewRating: { ratingValue: "2", alternateName: "Mostly false" } })] },
      }),
    ).toEqual({ imported: 0, updated: 1, unchanged: 0, total: 1 });
    const list = await listReferenceChecks({ actor: d.editor });
    expect(list).toHaveLength(2);
    expect(list.find((r) => r.url.endsWith("/14"))).toMatchObject({
      claim: "Fuel duty has been frozen for 14 years",
      claimant: "The Chancellor",
      ratingLabel: "Mostly false",
      ratingValue: 2,
      publisher: "Other Fact Desk",
    });

    const found = await searchWorkspace({ actor: d.reviewer, query: { q: "fuel duty frozen" } });
    expect(found.results.filter((r) => r.type === "reference")).toHaveLength(2);
    expect(found.results.find((r) => r.type === "reference")).toMatchObject({
      publisher: "Other Fact Desk",
      url: expect.stringMatching(/^https:\/\/factcheck\.example/),
      articleId: null,
    });
    const { matches } = await findSimilarClaims({
      actor: d.reviewer,
      query: { text: "Fuel duty was frozen for fourteen years" },
    });
    expect(matches[0]).toMatchObject({
      annotationId: null,
      claim: "Fuel duty has been frozen for 14 years",
      verdict: { label: "Mostly false" },
      reference: { publisher: "Other Fact Desk" },
    });
    expect(matches.map((m) => m.claim)).not.toContain("Fuel duty has been frozen for 9 years");

    await removeReferenceCheck({ actor: d.editor, referenceId: list[0].id });
    expect(await listReferenceChecks({ actor: d.editor })).toHaveLength(1);
    await expect(removeReferenceCheck({ actor: d.editor, referenceId: list[0].id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("imports the desk's own ClaimReview export of another workspace", async () => {
    const source = await englishDesk();
    await annotateClaims({
      workspaceId: source.workspace.id,
      author: source.reviewer,
      claims: [
        { claim: "Unemployment rose to 3.4% in March", claimant: "Minister", status: "PUBLISHED" },
        { claim: "Wages fell", status: "APPROVED" },
      ],
    });
    const exported = await readAll(
      await exportAnnotations({
        actor: source.editor,
        query: { format: "claimreview" },
        urls: { baseUrl: "https://factmark.example", checkBaseUrl: "https://checks.example/c" },
      }),
    );
    const d = await englishDesk();
    expect(await importReferenceChecks({ actor: d.editor, document: exported })).toMatchObject({
      imported: 2,
      total: 2,
    });
    expect((await listReferenceChecks({ actor: d.editor })).map((r) => r.claim).sort()).toEqual([
      "Unemployment rose to 3.4% in March",
      "Wages fell",
    ]);
  });

  it("reports every item's problem and writes nothing; reviewers and other workspaces are refused", async () => {
    const d = await englishDesk();
    const before = await countWorkspaceRows(db, d.workspace.id);
    const bad = [
      review(1),
      review(2, { url: "javascript:alert(1)" }),
      review(3, { claimReviewed: "" }),
      { "@type": "Claim", url: "https://x.example" },
      review(5, { datePublished: "yesterday" }),
      review(6, { reviewRating: { ratingValue: "high" } }),
      review(1),
      review(8, { claimReviewed: "bad \u0000 text" }),
      "just text",
    ];
    const refusal = await importReferenceChecks({ actor: d.editor, document: bad }).catch((e) => e);
    expect(refusal).toMatchObject({ code: "BAD_REQUEST" });
    expect(refusal.details.problems.map((p: { index: number }) => p.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(refusal.details.problems.map((p: { reason: string }) => p.reason).join("; ")).toMatch(
      /url must be an http\(s\) link.*claimReviewed is required.*not a ClaimReview.*datePublished.*numbers.*same url as item 0.*NUL.*not an object/,
    );
    for (const document of [null, 42, [], {}])
      await expect(importReferenceChecks({ actor: d.editor, document })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(importReferenceChecks({ actor: d.reviewer, document: [review(1)] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(importReferenceChecks({ actor: null, document: [review(1)] })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(listReferenceChecks({ actor: d.reviewer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);
    expect(await db.referenceCheck.count({ where: { workspaceId: d.workspace.id } })).toBe(0);

    await importReferenceChecks({ actor: d.editor, document: [review(1)] });
    const [ref] = await listReferenceChecks({ actor: d.editor });
    const other = await englishDesk();
    await expect(removeReferenceCheck({ actor: other.editor, referenceId: ref.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(removeReferenceCheck({ actor: d.reviewer, referenceId: ref.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await searchWorkspace({ actor: other.reviewer, query: { q: "fuel duty" } })).results).toEqual([]);
    expect(
      (await findSimilarClaims({ actor: other.reviewer, query: { text: "Fuel duty has been frozen for 1 years" } }))
        .matches,
    ).toEqual([]);
  });
});
