import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createAnnotation, getAnnotation, listAnnotationSummaries, listOrphans } from "@/lib/annotations/annotations";
import { setPlacement } from "@/lib/annotations/placement";
import { createArticle, reviseArticle, updateArticle } from "@/lib/articles/articles";
import { getArticle } from "@/lib/articles/queries";
import { getRevision, getRevisionDiff, listRevisions } from "@/lib/articles/revisions";
import { updateWorkspaceSettings } from "@/lib/workspaces/settings";
import { exportAnnotations } from "@/lib/export/export";
import type { NativeDocument } from "@/lib/export/native-format";
import { createWorkspace } from "../support/factories";
import { readAll } from "../support/exports";

const URLS = { baseUrl: "https://factmark.example", checkBaseUrl: "https://factmark.example/checks" };

const BODY = [
  "<h1>Budget row</h1>",
  "<p>The mayor said taxes rose 5% last year 👋 then spending fell, a claim the council disputes.</p>",
  "<p>Crime fell by half in the city centre, police figures show.</p>",
  "<p>Officials denied any link to spending cuts.<script>alert(1)</script></p>",
].join("");

async function deskWithArticle() {
  const desk = await createWorkspace();
  const { id } = await createArticle({
    actor: desk.editor,
    input: {
      title: "Budget",
      outlet: "Daily",
      url: "https://news.example/a",
      publishedAt: "2026-11-01",
      format: "html",
      body: BODY,
    },
  });
  const article = await getArticle({ actor: desk.editor, articleId: id });
  const annotate = (quote: string, actor = desk.reviewer) => {
    const start = article.revision.text.indexOf(quote);
    return createAnnotation({
      actor,
      articleId: id,
      input: {
        revisionId: article.revision.id,
        start,
        end: start + quote.length,
        quote,
        claim: quote,
        verdict: "mixed",
      },
    });
  };
  return { ...desk, article, annotate };
}

const revisedBody = (html: string) => ({ format: "html", body: html });

describe("adding and editing articles", () => {
  it("turns HTML into safe blocks with the text exactly as given, and records who added it", async () => {
    const { article, workspace, editor } = await deskWithArticle();
    expect(article).toMatchObject({
      title: "Budget",
      outlet: "Daily",
      sourceUrl: "https://news.example/a",
      revision: { number: 1 },
    });
    expect(article.revision.body.map((b) => b.type)).toEqual(["heading", "paragraph", "paragraph", "paragraph"]);
    expect(article.revision.text).not.toMatch(/script|alert/);
    expect(article.revision.text).toContain("5% last year 👋 then");
    expect(
      await db.auditEvent.count({
        where: { workspaceId: workspace.id, entityId: article.id, action: "create", actorId: editor.userId },
      }),
    ).toBe(1);
  });

  it("lets reviewers add articles only when an admin allows it; refuses bad input with nothing written", async () => {
    const desk = await createWorkspace();
    const input = { title: "By a reviewer", format: "text", body: "Some text." };
    await expect(createArticle({ actor: desk.reviewer, input })).rejects.toMatchObject({ status: 403 });
    await expect(createArticle({ actor: null, input })).rejects.toMatchObject({ status: 401 });
    await expect(
      updateWorkspaceSettings({ actor: desk.editor, input: { reviewersMayAddArticles: true } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      updateWorkspaceSettings({ actor: null, input: { reviewersMayAddArticles: true } }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      updateWorkspaceSettings({ actor: desk.admin, input: { reviewersMayAddArticles: "yes" } }),
    ).rejects.toMatchObject({ status: 400 });
    await updateWorkspaceSettings({ actor: desk.admin, input: { reviewersMayAddArticles: true } });
    await expect(createArticle({ actor: desk.reviewer, input })).resolves.toMatchObject({ id: expect.any(String) });

    const bad = [
      [{ ...input, title: "" }, 400, /^title: Title is required/],
      [{ ...input, format: "pdf" }, 400, /format must be one of text, markdown, html/],
      [{ ...input, body: "   " }, 400, "body: there is no text in it"],
      [{ ...input, body: "\u0000\u0001binary" }, 400, /binary file/],
      [{ ...input, url: "javascript:alert(1)" }, 400, /^url: /],
      [{ ...input, publishedAt: "yesterday" }, 400, /Publication date must be YYYY-MM-DD/],
      [{ ...input, format: "html", body: "<script>alert(1)</script>" }, 400, "body: there is no text in it"],
    ] as const;
    for (const [attempt, status, message] of bad) {
      await expect(createArticle({ actor: desk.editor, input: attempt })).rejects.toMatchObject({
        status,
        message: expect.stringMatching(message),
      });
    }
    expect(await db.article.count({ where: { workspaceId: desk.workspace.id } })).toBe(1);
  });

  it("lets editors and admins edit metadata; reviewers get 403 and other desks 404", async () => {
    const { article, editor, reviewer } = await deskWithArticle();
    const other = await createWorkspace();
    await expect(
      updateArticle({
        actor: editor,
        articleId: article.id,
        input: { title: "Budget row", section: "Politics", url: "" },
      }),
    ).resolves.toMatchObject({ title: "Budget row", section: "Politics", sourceUrl: null });
    await expect(
      updateArticle({ actor: reviewer, articleId: article.id, input: { title: "x" } }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      updateArticle({ actor: other.editor, articleId: article.id, input: { title: "x" } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(updateArticle({ actor: editor, articleId: article.id, input: { title: "" } })).rejects.toMatchObject({
      status: 400,
    });
    expect((await getArticle({ actor: editor, articleId: article.id })).title).toBe("Budget row");
  });
});

describe("revising an article", () => {
  it("creates a new revision, moves every annotation with its method, and orphans what it cannot follow", async () => {
    const desk = await deskWithArticle();
    const emoji = await desk.annotate("then spending fell");
    const crime = await desk.annotate("Crime fell by half in the city centre");
    const denial = await desk.annotate("Officials denied any link to spending cuts");
    const taxes = await desk.annotate("taxes rose 5% last year");
    const revised = BODY.replace("<h1>Budget row</h1>", "<h1>Budget row</h1><p>A new first paragraph.</p>")
      .replace("police figures show", "according to police statistics released on Monday")
      .replace("taxes rose 5% last year", "taxes rose 6% last year")
      .replace("<p>Officials denied any link to spending cuts.<script>alert(1)</script></p>", "");
    const report = await reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: revisedBody(revised) });
    expect(report.number).toBe(2);
    const outcome = (id: string) => report.annotations.find((a) => a.annotationId === id)!;
    expect(outcome(emoji.id)).toMatchObject({ method: "quote", orphaned: false, confidence: expect.any(Number) });
    expect(outcome(emoji.id).confidence).toBeGreaterThanOrEqual(0.9); // its prefix held the edited "5%"
    expect(outcome(crime.id)).toMatchObject({ method: "quote", orphaned: false });
    expect(outcome(taxes.id)).toMatchObject({ method: "fuzzy", orphaned: false });
    expect(outcome(denial.id)).toMatchObject({
      method: "orphan",
      orphaned: true,
      reason: "its text was deleted or replaced",
    });

    const text = (await getArticle({ actor: desk.editor, articleId: desk.article.id })).revision.text;
    const moved = await getAnnotation({ actor: desk.editor, annotationId: emoji.id });
    expect(text.slice(moved.start, moved.end)).toBe("then spending fell");
    expect(moved).toMatchObject({
      revisionId: report.revisionId,
      placement: "ANCHORED",
      prefix: expect.stringContaining("👋 "),
    });
    expect(await getAnnotation({ actor: desk.editor, annotationId: taxes.id })).toMatchObject({
      quote: "taxes rose 6% last year",
      placement: "NEEDS_CHECK",
    });
    // The orphan keeps its content on the old revision and leaves the highlights.
    expect(await getAnnotation({ actor: desk.editor, annotationId: denial.id })).toMatchObject({
      placement: "ORPHANED",
      quote: "Officials denied any link to spending cuts",
      revisionId: desk.article.revision.id,
    });
    expect(
      (await listAnnotationSummaries({ actor: desk.reviewer, articleId: desk.article.id })).map((s) => s.id).sort(),
    ).toEqual([emoji.id, crime.id, taxes.id].sort());
    expect(await listOrphans({ actor: desk.reviewer, articleId: desk.article.id })).toEqual([
      expect.objectContaining({ id: denial.id, reason: "its text was deleted or replaced" }),
    ]);
    // Each move is on record, and the old revision stays readable.
    expect(await db.reanchoring.count({ where: { toRevisionId: report.revisionId } })).toBe(4);
    expect((await getRevision({ actor: desk.reviewer, articleId: desk.article.id, number: 1 })).text).toContain(
      "Officials denied",
    );
    expect((await listRevisions({ actor: desk.reviewer, articleId: desk.article.id })).map((r) => r.number)).toEqual([
      2, 1,
    ]);
  });

  it("shows what changed between two revisions and what happened to each annotation", async () => {
    const desk = await deskWithArticle();
    const crime = await desk.annotate("Crime fell by half in the city centre");
    await reviseArticle({
      actor: desk.editor,
      articleId: desk.article.id,
      input: revisedBody(BODY.replace("Crime fell by half in the city centre", "Crime rose sharply downtown")),
    });
    const diff = await getRevisionDiff({ actor: desk.reviewer, articleId: desk.article.id, from: 1, to: 2 });
    expect(
      diff.parts
        .filter((p) => p.kind === "removed")
        .map((p) => p.text)
        .join("|"),
    ).toMatch(/fell/);
    expect(
      diff.parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join("|"),
    ).toMatch(/rose/);
    expect(diff.annotations).toEqual([
      expect.objectContaining({
        annotationId: crime.id,
        method: "orphan",
        oldQuote: "Crime fell by half in the city centre",
        newQuote: null,
      }),
    ]);
    await expect(
      getRevisionDiff({ actor: desk.reviewer, articleId: desk.article.id, from: 2, to: 1 }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      getRevisionDiff({ actor: desk.reviewer, articleId: desk.article.id, from: 1, to: 9 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("re-places an orphan on a selected span, confirms a fuzzy move, dismisses an orphan; stale or wrong-state requests change nothing", async () => {
    const desk = await deskWithArticle();
    const crime = await desk.annotate("Crime fell by half in the city centre");
    const taxes = await desk.annotate("taxes rose 5% last year");
    const denial = await desk.annotate("Officials denied any link to spending cuts");
    const revised = BODY.replace("Crime fell by half in the city centre", "Crime rose sharply downtown")
      .replace("taxes rose 5% last year", "taxes rose 6% last year")
      .replace("Officials denied any link to spending cuts.", "No comment from officials.");
    const report = await reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: revisedBody(revised) });
    const text = (await getArticle({ actor: desk.editor, articleId: desk.article.id })).revision.text;
    const span = (quote: string) => ({
      revisionId: report.revisionId,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      quote,
    });

    await expect(
      setPlacement({
        actor: desk.reviewer,
        annotationId: crime.id,
        input: { action: "place", version: 99, ...span("Crime rose sharply downtown") },
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      setPlacement({
        actor: desk.reviewer,
        annotationId: crime.id,
        input: { action: "place", version: 1, ...span("Crime rose sharply downtown"), quote: "other" },
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      setPlacement({
        actor: desk.reviewer,
        annotationId: crime.id,
        input: {
          action: "place",
          version: 1,
          ...span("Crime rose sharply downtown"),
          revisionId: desk.article.revision.id,
        },
      }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      setPlacement({ actor: desk.reviewer, annotationId: crime.id, input: { action: "confirm", version: 1 } }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      setPlacement({ actor: desk.reviewer, annotationId: crime.id, input: { action: "teleport", version: 1 } }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await getAnnotation({ actor: desk.editor, annotationId: crime.id })).toMatchObject({
      placement: "ORPHANED",
      version: 1,
    });

    const placed = await setPlacement({
      actor: desk.reviewer,
      annotationId: crime.id,
      input: { action: "place", version: 1, ...span("Crime rose sharply downtown") },
    });
    expect(placed).toMatchObject({
      placement: "ANCHORED",
      quote: "Crime rose sharply downtown",
      revisionId: report.revisionId,
      version: 2,
    });
    expect(
      await setPlacement({ actor: desk.editor, annotationId: taxes.id, input: { action: "confirm", version: 1 } }),
    ).toMatchObject({ placement: "ANCHORED", version: 2 });
    const other = await createWorkspace();
    await expect(
      setPlacement({ actor: other.editor, annotationId: denial.id, input: { action: "dismiss", version: 1 } }),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      await setPlacement({ actor: desk.reviewer, annotationId: denial.id, input: { action: "dismiss", version: 1 } }),
    ).toMatchObject({ placement: "DISMISSED" });
    expect(await listOrphans({ actor: desk.reviewer, articleId: desk.article.id })).toEqual([]);
    expect(await db.reanchoring.count({ where: { annotationId: crime.id, method: "manual" } })).toBe(1);
    // A dismissed annotation stays on record but leaves every export.
    const exported = (await readAll(
      await exportAnnotations({
        actor: desk.editor,
        query: { format: "native", article: desk.article.id },
        urls: URLS,
      }),
    )) as NativeDocument;
    expect(exported.annotations.map((a) => a.id).sort()).toEqual([crime.id, taxes.id].sort());
  });

  it("is all or nothing, for editors (and reviewers only when allowed), and refuses an unchanged or bad body", async () => {
    const desk = await deskWithArticle();
    await desk.annotate("Crime fell by half in the city centre");
    const other = await createWorkspace();
    const input = revisedBody(BODY.replace("Crime", "Violent crime"));
    await expect(reviseArticle({ actor: desk.reviewer, articleId: desk.article.id, input })).rejects.toMatchObject({
      status: 403,
    });
    await expect(reviseArticle({ actor: other.editor, articleId: desk.article.id, input })).rejects.toMatchObject({
      status: 404,
    });
    await expect(reviseArticle({ actor: null, articleId: desk.article.id, input })).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: revisedBody(BODY) }),
    ).rejects.toMatchObject({ status: 400, message: /the same as revision 1/ });
    await expect(
      reviseArticle({ actor: desk.editor, articleId: desk.article.id, input: { format: "html", body: "<img src=x>" } }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await db.articleRevision.count({ where: { articleId: desk.article.id } })).toBe(1);
    expect(await db.reanchoring.count({ where: { annotation: { articleId: desk.article.id } } })).toBe(0);
    await updateWorkspaceSettings({ actor: desk.admin, input: { reviewersMayAddArticles: true } });
    await expect(reviseArticle({ actor: desk.reviewer, articleId: desk.article.id, input })).resolves.toMatchObject({
      number: 2,
    });
  });
});
