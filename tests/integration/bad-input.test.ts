import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createAnnotation, deleteAnnotation, updateAnnotation } from "@/lib/annotations/annotations";
import { createArticle as addArticle, previewArticleBody, updateArticle } from "@/lib/articles/articles";
import { getRevision } from "@/lib/articles/revisions";
import { exportAnnotations } from "@/lib/export/export";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { importAnnotations } from "@/lib/import/import";
import { readJson } from "@/lib/http/responses";
import { createArticle, createWorkspace } from "../support/factories";
import { countWorkspaceRows } from "../support/row-counts";

// Issue #11 item 11: the nine causes of the audit's 500s. Each must be a 400 whose message names
// the field, and must change nothing in the workspace.

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };

async function desk() {
  const d = await createWorkspace("Bad input desk");
  const article = await createArticle({
    workspaceId: d.workspace.id,
    paragraphs: ["The mayor said taxes rose 5%.", "Second paragraph."],
  });
  const revision = article.revisions[0];
  const quote = "taxes rose 5%";
  const start = revision.text.indexOf(quote);
  const valid = {
    revisionId: revision.id,
    start,
    end: start + quote.length,
    quote,
    claim: "Taxes rose 5%",
    verdict: "false",
  };
  const annotation = await createAnnotation({ actor: d.reviewer, articleId: article.id, input: valid });
  return { ...d, article, valid, annotation };
}

/** Expects a 400 whose message matches `field`, and that the workspace's rows did not change. */
async function expectRefused(workspaceId: string, field: RegExp, attempt: () => Promise<unknown>) {
  const before = await countWorkspaceRows(db, workspaceId);
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "refused").toBeInstanceOf(AppError);
  expect((error as AppError).status, (error as AppError).message).toBe(400);
  expect((error as AppError).message).toMatch(field);
  expect(await countWorkspaceRows(db, workspaceId)).toEqual(before);
}

const jsonRequest = (text: string) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: text,
  });

describe("bad input answers 400 naming the field, and changes nothing", () => {
  it("1. U+0000 in a text field or a text filter", async () => {
    const d = await desk();
    await expectRefused(d.workspace.id, /^claim: Claim must not contain NUL/, () =>
      createAnnotation({ actor: d.reviewer, articleId: d.article.id, input: { ...d.valid, claim: "a\u0000b" } }),
    );
    await expectRefused(d.workspace.id, /^sources\.0\.url: URL must not contain NUL/, () =>
      createAnnotation({
        actor: d.reviewer,
        articleId: d.article.id,
        input: { ...d.valid, sources: [{ url: "https://x.example/\u0000" }] },
      }),
    );
    await expectRefused(d.workspace.id, /^verdict/, () =>
      exportAnnotations({ actor: d.editor, query: { format: "native", verdict: "false\u0000" }, urls: URLS }),
    );
    await expectRefused(d.workspace.id, /^verdict/, () =>
      getDashboard({ actor: d.editor, filters: { verdict: "x\u0000" } }),
    );
    await expectRefused(d.workspace.id, /^title: Title must not contain NUL/, () =>
      updateArticle({ actor: d.editor, articleId: d.article.id, input: { title: "\u0000" } }),
    );
    // Over HTTP, readJson names the field before any schema runs.
    await expect(readJson(jsonRequest('{"sources":[{"title":"\\u0000"}]}'))).rejects.toThrow(
      /^sources\.0\.title: must not contain NUL/,
    );
  });

  it("2. a lone surrogate in any JSON string", async () => {
    const d = await desk();
    await expect(readJson(jsonRequest('{"claim":"\\ud800"}'))).rejects.toThrow(/^claim: contains a broken character/);
    await expect(readJson(jsonRequest('{"a":[{"b":"ok"},{"c":"x\\udfff"}]}'))).rejects.toThrow(/^a\.1\.c:/);
    await expectRefused(d.workspace.id, /^rationale: Rationale contains a broken character/, () =>
      updateAnnotation({
        actor: d.reviewer,
        annotationId: d.annotation.id,
        input: { version: 1, rationale: "\uD83D" },
      }),
    );
  });

  it("3. dates in year 0000 or past 9999, and the last day plus one", async () => {
    const d = await desk();
    await expectRefused(d.workspace.id, /^from: from must be a real date/, () =>
      exportAnnotations({ actor: d.editor, query: { format: "native", from: "0000-01-01" }, urls: URLS }),
    );
    await expectRefused(d.workspace.id, /^to: to must be a real date/, () =>
      exportAnnotations({ actor: d.editor, query: { format: "native", to: "10000-01-01" }, urls: URLS }),
    );
    await expectRefused(d.workspace.id, /^publishedAt: Publication date must be YYYY-MM-DD/, () =>
      updateArticle({ actor: d.editor, articleId: d.article.id, input: { publishedAt: "0000-06-01" } }),
    );
    // The last day is fine: adding a day to it must not overflow.
    const all = await exportAnnotations({ actor: d.editor, query: { format: "native", to: "9999-12-31" }, urls: URLS });
    expect(all.total).toBe(1);
    const dashboard = await getDashboard({ actor: d.editor, filters: { from: "9999-12-01", to: "9999-12-31" } });
    expect(dashboard).toBeTruthy();
  });

  it("4. impossible dates are refused, not rolled over", async () => {
    const d = await desk();
    await expectRefused(d.workspace.id, /^publishedAt:/, () =>
      updateArticle({ actor: d.editor, articleId: d.article.id, input: { publishedAt: "2026-02-30" } }),
    );
    await expectRefused(d.workspace.id, /^sources\.0\.accessedAt: Accessed date/, () =>
      createAnnotation({
        actor: d.reviewer,
        articleId: d.article.id,
        input: { ...d.valid, sources: [{ url: "https://x.example", accessedAt: "2026-02-30" }] },
      }),
    );
    await expectRefused(d.workspace.id, /^to: To must be a real date/, () =>
      getDashboard({ actor: d.editor, filters: { to: "2025-02-29" } }),
    );
  });

  it("5. numbers past int4 in paths, queries and bodies", async () => {
    const d = await desk();
    await expectRefused(d.workspace.id, /revision number is too large/, () =>
      getRevision({ actor: d.reviewer, articleId: d.article.id, number: "2147483648" }),
    );
    await expectRefused(d.workspace.id, /^version: version is too large/, () =>
      deleteAnnotation({ actor: d.reviewer, annotationId: d.annotation.id, input: { version: "2147483648" } }),
    );
    await expectRefused(d.workspace.id, /^page: page is too large/, () =>
      exportAnnotations({ actor: d.editor, query: { format: "w3c", page: "2147483648" }, urls: URLS }),
    );
    await expectRefused(d.workspace.id, /^start: start is too large/, () =>
      createAnnotation({
        actor: d.reviewer,
        articleId: d.article.id,
        input: { ...d.valid, start: 2 ** 31, end: 2 ** 31 + 1 },
      }),
    );
    await expectRefused(d.workspace.id, /^version: version is too large/, () =>
      updateAnnotation({
        actor: d.reviewer,
        annotationId: d.annotation.id,
        input: { version: Number.MAX_SAFE_INTEGER, claim: "x" },
      }),
    );
  });

  it("6. broken percent-encoding in a W3C classifying IRI is a per-item problem", async () => {
    const d = await desk();
    const text = d.article.revisions[0].text;
    const item = (id: string, source: string) => ({
      type: "Annotation",
      id,
      target: { source: "https://example.com/a", selector: { type: "TextQuoteSelector", exact: "Second paragraph" } },
      body: [{ type: "SpecificResource", purpose: "classifying", source }],
    });
    expect(text).toContain("Second paragraph");
    const before = await countWorkspaceRows(db, d.workspace.id);
    const error = await importAnnotations({
      actor: d.editor,
      articleId: d.article.id,
      document: [
        item("urn:a", "https://x.example/verdicts/false"),
        item("urn:b", "https://x.example/verdicts/%E0%A4%A"),
      ],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.details)).toMatch(
      /"index":1,"reason":"body 0: the classifying IRI .* has broken percent-encoding"/,
    );
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);
  });

  it("7. JSON nested 60,000 deep", async () => {
    await expect(readJson(jsonRequest("[".repeat(60_000) + "]".repeat(60_000)))).rejects.toThrow(
      /nested too deeply \(at most 64 levels/,
    );
    await expect(readJson(jsonRequest(`{"a":${"[".repeat(64)}${"]".repeat(64)}}`))).rejects.toThrow(
      /nested too deeply/,
    );
    expect(await readJson(jsonRequest(`${"[".repeat(64)}${"]".repeat(64)}`))).toBeTruthy();
  });

  it("8. NUL and lone surrogates in an import item are listed per item", async () => {
    const d = await desk();
    const item = (id: string, value: string) => ({
      type: "Annotation",
      id,
      target: { source: "https://example.com/a", selector: { type: "TextQuoteSelector", exact: "Second paragraph" } },
      body: [
        { type: "TextualBody", purpose: "assessing", value: "false" },
        { type: "TextualBody", purpose: "commenting", value },
      ],
    });
    const before = await countWorkspaceRows(db, d.workspace.id);
    const error = await importAnnotations({
      actor: d.editor,
      articleId: d.article.id,
      document: [item("urn:ok", "fine"), item("urn:nul", "a\u0000"), item("urn:sur", "\uDC00")],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    const reasons = JSON.stringify(error.details);
    expect(reasons).toMatch(/"index":1,"reason":"rationale: rationale must not contain NUL/);
    expect(reasons).toMatch(/"index":2,"reason":"rationale: rationale contains a broken character/);
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);
    await expectRefused(d.workspace.id, /^defaultVerdict/, () =>
      importAnnotations({
        actor: d.editor,
        articleId: d.article.id,
        document: [],
        options: { defaultVerdict: "\u0000" },
      }),
    );
  });

  it("9. deeply nested or pathological article bodies: 400 too complex, never a stack overflow", async () => {
    const d = await desk();
    const add = (format: string, body: string) => () =>
      addArticle({ actor: d.editor, input: { title: "T", format, body } });
    await expectRefused(
      d.workspace.id,
      /^body: too complex to read: elements are nested over 32 levels/,
      add("html", "<div>".repeat(80_000) + "x"),
    );
    await expectRefused(
      d.workspace.id,
      /^body: too complex to read: line 1 is nested over 32 levels/,
      add("markdown", ">".repeat(5_000) + " x"),
    );
    await expectRefused(
      d.workspace.id,
      /^body: too complex to read: the paragraph from line 1 is over 100,000 characters/,
      add("markdown", "*a".repeat(150_000)),
    );
    await expectRefused(d.workspace.id, /^body: this looks like a binary file/, add("text", "a\u0000b"));
    await expectRefused(d.workspace.id, /^body: body contains a broken character/, add("text", "a\uD800"));
    await expectRefused(d.workspace.id, /^body/, () =>
      previewArticleBody({ actor: d.editor, input: { format: "html", body: "<p>\uDFFF</p>" } }),
    );
  });
});
