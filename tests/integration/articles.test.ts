import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getArticle, getArticleForReading, listArticles } from "@/lib/articles/queries";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { createArticle, createWorkspace } from "../support/factories";

describe("listArticles", () => {
  it("needs a session", async () => {
    await expect(listArticles({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lists only the actor's workspace, newest first, counting live annotations", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    const older = await createArticle({ workspaceId: mine.workspace.id, title: "Older" });
    const newer = await createArticle({ workspaceId: mine.workspace.id, title: "Newer" });
    await createArticle({ workspaceId: theirs.workspace.id, title: "Someone else's" });
    const revision = older.revisions[0];
    const annotation = {
      workspaceId: mine.workspace.id,
      articleId: older.id,
      revisionId: revision.id,
      start: 0,
      end: 5,
      quote: "First",
      prefix: "",
      suffix: " paragraph.",
      claim: "First",
      verdictOptionId: mine.options[0].id,
      authorId: mine.reviewer.userId,
    };
    await db.annotation.createMany({
      data: [annotation, { ...annotation, status: "SUBMITTED" }, { ...annotation, deletedAt: new Date() }],
    });

    const articles = await listArticles({ actor: mine.reviewer });
    expect(articles.map((a) => a.title)).toEqual(["Newer", "Older"]);
    expect(articles.find((a) => a.id === older.id)?.annotationCount).toBe(2);
    expect(articles.find((a) => a.id === newer.id)?.annotationCount).toBe(0);
    // Status from the live annotations' review statuses: a draft keeps it in progress.
    expect(articles.map((a) => [a.title, a.status])).toEqual([
      ["Newer", "NOT_STARTED"],
      ["Older", "IN_PROGRESS"],
    ]);
    await db.annotation.updateMany({ where: { articleId: older.id, status: "DRAFT" }, data: { status: "APPROVED" } });
    expect((await listArticles({ actor: mine.reviewer })).find((a) => a.id === older.id)?.status).toBe("IN_REVIEW");
  });
});

describe("getArticle", () => {
  it("returns the current revision's text and value", async () => {
    const { workspace, reviewer } = await createWorkspace();
    const article = await createArticle({ workspaceId: workspace.id, paragraphs: ["One 👋", "Two"] });
    const detail = await getArticle({ actor: reviewer, articleId: article.id });
    expect(detail.revision.id).toBe(article.revisions[0].id);
    expect(detail.revision.text).toBe("One 👋\n\nTwo");
    expect(detail.revision.body).toEqual([
      { type: "paragraph", children: [{ text: "One 👋" }] },
      { type: "paragraph", children: [{ text: "Two" }] },
    ]);
  });

  it("returns the newest revision when there are several", async () => {
    const { workspace, reviewer } = await createWorkspace();
    const article = await createArticle({ workspaceId: workspace.id });
    const second = await db.articleRevision.create({
      data: { articleId: article.id, number: 2, body: [], text: "", textHash: "x" },
    });
    expect((await getArticle({ actor: reviewer, articleId: article.id })).revision.id).toBe(second.id);
  });

  it("answers 401 without a session, 404 for another workspace's article, 404 for an unknown id and 400 for a malformed one", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    const article = await createArticle({ workspaceId: mine.workspace.id });
    await expect(getArticle({ actor: null, articleId: article.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(getArticle({ actor: theirs.admin, articleId: article.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getArticle({ actor: mine.reviewer, articleId: "c000000000000000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getArticle({ actor: mine.reviewer, articleId: "../../etc" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("getArticleForReading (the article page's one statement)", () => {
  it("reads what getArticle reads for the page, and the value gives back the stored text", async () => {
    const { workspace, reviewer } = await createWorkspace();
    const article = await createArticle({ workspaceId: workspace.id, paragraphs: ["One 👋", "Two\u00a0words"] });
    await db.article.update({
      where: { id: article.id },
      data: { outlet: "Outlet", author: "Ann", section: "Politics", publishedAt: new Date("2026-01-02T03:04:05Z") },
    });
    const full = await getArticle({ actor: reviewer, articleId: article.id });
    const reading = await getArticleForReading({ actor: reviewer, articleId: article.id });
    expect(reading).toEqual({
      id: full.id,
      title: full.title,
      outlet: "Outlet",
      author: "Ann",
      section: "Politics",
      sourceUrl: full.sourceUrl,
      publishedAt: new Date("2026-01-02T03:04:05Z"),
      revision: { id: full.revision.id, number: full.revision.number, body: full.revision.body },
    });
    expect(canonicalText(reading.revision.body)).toBe(full.revision.text);
  });

  it("reads the newest revision", async () => {
    const { workspace, reviewer } = await createWorkspace();
    const article = await createArticle({ workspaceId: workspace.id });
    const second = await db.articleRevision.create({
      data: { articleId: article.id, number: 2, body: [], text: "", textHash: "x" },
    });
    const reading = await getArticleForReading({ actor: reviewer, articleId: article.id });
    expect(reading.revision).toEqual({ id: second.id, number: 2, body: [] });
  });

  it("answers 401 without a session, 404 for another workspace's article or an unknown id, 400 for a malformed one", async () => {
    const mine = await createWorkspace();
    const theirs = await createWorkspace();
    const article = await createArticle({ workspaceId: mine.workspace.id });
    const read = (actor: typeof mine.reviewer | null, articleId: string) => getArticleForReading({ actor, articleId });
    await expect(read(null, article.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // An admin of another desk sees nothing; every role of the article's own desk reads it.
    await expect(read(theirs.admin, article.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const member of [mine.reviewer, mine.admin]) expect((await read(member, article.id)).id).toBe(article.id);
    await expect(read(mine.reviewer, "c000000000000000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(read(mine.reviewer, "../../etc")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
