// The Articles page's list (lib/articles/article-page.ts): search, filters, sorts and keyset pages,
// status derived in SQL as lib/articles/status.ts derives it, and bad input.
import { describe, expect, it } from "vitest";
import { listArticlePage } from "@/lib/articles/article-page";
import { listArticles } from "@/lib/articles/queries";
import { db } from "@/lib/db/client";
import { createArticle, createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";

describe("articles page", () => {
  it("pages through 120 articles by date, title and status, each once, in order", async () => {
    const d = await createWorkspace("Many articles");
    for (let i = 0; i < 120; i++)
      await db.article.create({
        data: {
          workspaceId: d.workspace.id,
          title: `Article ${String(i).padStart(3, "0")}`,
          outlet: i % 2 ? "Gazette" : "Herald",
          publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        },
      });
    for (const sort of ["date", "title", "status"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listArticlePage({ actor: d.reviewer, query: { sort, ...(cursor ? { cursor } : {}) } });
        seen.push(...page.articles.map((a) => a.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(120);
      expect(new Set(seen).size).toBe(120);
      if (sort === "title") expect(seen).toEqual([...seen].sort());
      if (sort === "date") expect(seen[0]).toBe("Article 119");
    }
    const herald = await listArticlePage({ actor: d.reviewer, query: { outlet: "Herald" } });
    expect(herald.articles.every((a) => a.outlet === "Herald")).toBe(true);
    expect(herald.outlets).toEqual(["Gazette", "Herald"]);
    expect((await listArticlePage({ actor: d.reviewer, query: { q: "article 007" } })).articles[0].title).toBe(
      "Article 007",
    );
  });

  it("derives status as the list does, and filters and sorts by it; searches titles with a typo", async () => {
    const d = await createWorkspace("Statuses");
    await createArticle({ workspaceId: d.workspace.id, title: "Untouched budget story" });
    await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      title: "Drafted budget story",
      claims: [{ claim: "A draft claim here" }],
    });
    await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      title: "Finished budget story",
      claims: [{ claim: "An approved claim", status: "APPROVED" }],
    });
    const page = await listArticlePage({ actor: d.reviewer, query: { sort: "status" } });
    const legacy = await listArticles({ actor: d.reviewer });
    for (const article of page.articles) expect(article.status).toBe(legacy.find((a) => a.id === article.id)?.status);
    expect(page.articles.map((a) => a.status)).toEqual(["NOT_STARTED", "IN_PROGRESS", "DONE"]);
    expect(
      (await listArticlePage({ actor: d.reviewer, query: { status: "DONE" } })).articles.map((a) => a.title),
    ).toEqual(["Finished budget story"]);
    expect(
      (await listArticlePage({ actor: d.reviewer, query: { q: "finishd budget" } })).articles.map((a) => a.title),
    ).toContain("Finished budget story");
  });

  it("refuses bad input with a 400", async () => {
    const d = await createWorkspace("Bad");
    for (const query of [
      { sort: "size" },
      { status: "LOST" },
      { cursor: "nope" },
      { q: "x".repeat(201) },
      { q: "\u0000" },
      { sort: "title", cursor: Buffer.from(JSON.stringify([5, "abc"])).toString("base64url") },
    ]) {
      await expect(listArticlePage({ actor: d.reviewer, query }), JSON.stringify(query)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    await expect(listArticlePage({ actor: null, query: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
