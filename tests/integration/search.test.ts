// Workspace search (lib/search/search.ts) against a real PostgreSQL: what it finds in each kind of
// text, ranking over strict matching, typos, facets, keyset pages, bad input, and the visibility
// rule (workspace scope and the blind second opinion) on every kind of hit.
import { describe, expect, it } from "vitest";
import { createNote } from "@/lib/annotations/notes";
import { requestSecondOpinion } from "@/lib/reviews/second-opinion";
import { searchWorkspace, type SearchResult } from "@/lib/search/search";
import { getSearchLanguage, setSearchLanguage } from "@/lib/search/language";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { actorFor, createArticle, createUser, createWorkspace } from "../support/factories";
import { annotateClaims } from "../support/search-desk";
import { countWorkspaceRows } from "../support/row-counts";

const search = (actor: Actor | null, query: Record<string, string | string[]>) => searchWorkspace({ actor, query });
const ids = (results: SearchResult[]) => results.map((r) => r.id);

async function englishDesk() {
  const desk = await createWorkspace("Search desk");
  await db.workspace.update({ where: { id: desk.workspace.id }, data: { searchLanguage: "english" } });
  return desk;
}

describe("search", () => {
  it("finds claims, claimants, rationales, notes, sources and articles, with the match marked", async () => {
    const d = await englishDesk();
    await db.article.update({
      where: {
        id: (await createArticle({ workspaceId: d.workspace.id, title: "Budget speech of the chancellor" })).id,
      },
      data: { outlet: "Daily Planet" },
    });
    const {
      ids: [claimId],
      article,
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      title: "Jobs report",
      claims: [
        {
          claim: "Unemployment rose to 3.4% in March",
          claimant: "Jane Minister",
          rationale: "The statistics office says otherwise",
          note: "Checked with the ombudsman",
          sources: [
            {
              url: "https://www.ons.gov.uk/employment/march",
              title: "Labour market overview",
              publisher: "Office for National Statistics",
            },
          ],
        },
      ],
    });

    const byClaim = await search(d.reviewer, { q: "unemployment" });
    expect(byClaim.results[0]).toMatchObject({
      type: "annotation",
      id: claimId,
      annotationId: claimId,
      articleId: article.id,
      articleTitle: "Jobs report",
      claim: "Unemployment rose to 3.4% in March",
      verdict: { key: "false" },
      status: "DRAFT",
    });
    const first = byClaim.results[0];
    expect(first.marks.map(([s, e]) => first.snippet.slice(s, e).toLowerCase())).toContain("unemployment");

    expect((await search(d.reviewer, { q: "Jane Minister" })).results.map((r) => r.type)).toContain("annotation");
    // The rationale, and the source's publisher, both say it.
    expect((await search(d.reviewer, { q: "statistics office" })).results.map((r) => [r.type, r.annotationId])).toEqual(
      expect.arrayContaining([
        ["annotation", claimId],
        ["source", claimId],
      ]),
    );
    expect((await search(d.reviewer, { q: "ombudsman" })).results).toMatchObject([
      { type: "note", annotationId: claimId, articleId: article.id },
    ]);
    expect((await search(d.reviewer, { q: "labour market" })).results).toMatchObject([
      { type: "source", annotationId: claimId },
    ]);
    expect((await search(d.reviewer, { q: "ons" })).results).toMatchObject([{ type: "source", annotationId: claimId }]);
    expect((await search(d.reviewer, { q: "chancellor" })).results).toMatchObject([
      { type: "article", articleTitle: "Budget speech of the chancellor" },
    ]);
    expect((await search(d.reviewer, { q: "daily planet" })).results).toMatchObject([{ type: "article" }]);
    // Prefixes, stems and accents: "unemploy", "checking", "Ómbudsman".
    expect(ids((await search(d.reviewer, { q: "unemploy" })).results)).toContain(claimId);
    expect((await search(d.reviewer, { q: "Ómbudsman" })).results).toMatchObject([{ type: "note" }]);
  });

  it("finds the quoted passage, a source's publisher and an article's author, kept current as they change", async () => {
    const d = await englishDesk();
    const {
      ids: [id],
      article,
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [{ claim: "Ferry fares doubled", sources: [{ url: "https://x.example/1", publisher: "Harbour Board" }] }],
    });
    await db.annotation.update({ where: { id }, data: { quote: "the crossings now cost twice as much" } });
    await db.article.update({ where: { id: article.id }, data: { author: "Morag Quillfeather" } });
    expect((await search(d.reviewer, { q: "crossings" })).results).toMatchObject([{ type: "annotation", id }]);
    expect((await search(d.reviewer, { q: "harbour board" })).results).toMatchObject([
      { type: "source", annotationId: id },
    ]);
    expect((await search(d.reviewer, { q: "quillfeather" })).results).toMatchObject([
      { type: "article", id: article.id },
    ]);
  });

  it("ranks instead of requiring every word, catches a typo, and lists recent work for an empty query", async () => {
    const d = await englishDesk();
    const {
      ids: [jobs, wages],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [{ claim: "Unemployment rose to 3.4% in March" }, { claim: "Wages fell in March" }],
    });
    const ranked = await search(d.reviewer, { q: "unemployment march zanzibar" });
    expect(ids(ranked.results)[0]).toBe(jobs);
    expect(ids((await search(d.reviewer, { q: "unemplyment" })).results)).toContain(jobs);
    const recent = await search(d.reviewer, { q: "", type: "annotation" });
    expect(ids(recent.results)).toEqual([wages, jobs]);
    // Equal text, equal trigram: recency decides, whichever was written first.
    await db.$executeRaw`UPDATE "Annotation" SET "createdAt" = now() - interval '400 days' WHERE id = ${wages}`;
    expect(ids((await search(d.reviewer, { q: "march", type: "annotation" })).results)).toEqual([jobs, wages]);
    await db.$executeRaw`UPDATE "Annotation" SET "createdAt" = now() - interval '800 days' WHERE id = ${jobs}`;
    expect(ids((await search(d.reviewer, { q: "march", type: "annotation" })).results)).toEqual([wages, jobs]);
    // Only symbols and stop words: recent work, not an error.
    expect((await search(d.reviewer, { q: "& | ! ( ) : * ' the" })).results.length).toBeGreaterThan(0);
    // Every tsquery metacharacter inside words is harmless.
    for (const q of [
      "rose & | !fell",
      "(march",
      "un:*employment",
      "o'brien's 3.4%",
      '\'; DROP TABLE "Annotation"; --',
      "\\",
      "é́",
    ]) {
      await expect(search(d.reviewer, { q })).resolves.toHaveProperty("results");
    }
  });

  it("filters and counts facets by type, verdict, status, reviewer, claimant, outlet and month", async () => {
    const d = await englishDesk();
    const other = await actorFor(
      (await createUser({ workspaceId: d.workspace.id, role: "REVIEWER", name: "Other Checker" })).id,
    );
    const {
      ids: [a1],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [{ claim: "Inflation fell to two percent", claimant: "Bank", verdict: "true", status: "APPROVED" }],
    });
    const {
      ids: [a2],
      article,
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: other,
      claims: [{ claim: "Inflation doubled last year", claimant: "Senator", verdict: "false" }],
    });
    await db.article.update({ where: { id: article.id }, data: { outlet: "Gazette" } });

    const all = await search(d.reviewer, { q: "inflation" });
    expect(all.facets?.type).toEqual([{ value: "annotation", label: null, count: 2 }]);
    expect(all.facets?.verdict.map((v) => [v.value, v.label, v.count]).sort()).toEqual([
      ["false", "False", 1],
      ["true", "True", 1],
    ]);
    expect(all.facets?.status.map((v) => v.value).sort()).toEqual(["APPROVED", "DRAFT"]);
    expect(all.facets?.reviewer.find((r) => r.value === other.userId)).toMatchObject({
      label: "Other Checker",
      count: 1,
    });
    expect(all.facets?.outlet).toEqual([{ value: "Gazette", label: null, count: 1 }]);
    expect(all.facets?.month).toHaveLength(1);

    expect(ids((await search(d.reviewer, { q: "inflation", verdict: "true" })).results)).toEqual([a1]);
    expect(ids((await search(d.reviewer, { q: "inflation", status: "DRAFT" })).results)).toEqual([a2]);
    expect(ids((await search(d.reviewer, { q: "inflation", reviewer: other.userId })).results)).toEqual([a2]);
    expect(ids((await search(d.reviewer, { q: "inflation", claimant: "Bank" })).results)).toEqual([a1]);
    expect(ids((await search(d.reviewer, { q: "inflation", outlet: "Gazette" })).results)).toEqual([a2]);
    expect((await search(d.reviewer, { q: "inflation", type: "note" })).results).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(d.reviewer, { q: "inflation", from: today, to: today })).results).toHaveLength(2);
    expect((await search(d.reviewer, { q: "inflation", to: "2020-01-01" })).results).toEqual([]);
  });

  it("pages with a keyset cursor: every hit once, in order, facets on the first page only", async () => {
    const d = await englishDesk();
    const { ids: made } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: Array.from({ length: 7 }, (_, i) => ({ claim: `Budget claim number ${i} about the deficit` })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search(d.reviewer, {
        q: "deficit",
        type: "annotation",
        limit: "3",
        ...(cursor ? { cursor } : {}),
      });
      expect(page.facets === null).toBe(pages > 0);
      seen.push(...ids(page.results));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...made].sort());
  });

  it("refuses bad input with a 400 that names the problem, and changes nothing", async () => {
    const d = await englishDesk();
    const before = await countWorkspaceRows(db, d.workspace.id);
    const bad: [Record<string, string | string[]>, RegExp][] = [
      [{ q: "x".repeat(501) }, /q is too long/],
      [{ q: "a\u0000b" }, /NUL/],
      [{ q: "\uD800" }, /broken character/],
      [{ q: ["a", "b"] }, /q must be text/],
      [{ type: "widget" }, /type must be one of/],
      [{ status: "DONE" }, /status must be one of/],
      [{ reviewer: "not an id" }, /Not a valid id/],
      [{ from: "2026-02-30" }, /from must be a real date/],
      [{ from: "2026-03-01", to: "2026-02-01" }, /from must not be after to/],
      [{ cursor: "garbage" }, /cursor is not valid/],
      [{ cursor: Buffer.from(JSON.stringify(["1; DROP", "x", 1])).toString("base64url") }, /cursor is not valid/],
      [{ limit: "0" }, /limit must be at least 1/],
      [{ limit: "51" }, /limit must be at most 50/],
      [{ limit: "1e3" }, /limit/],
    ];
    for (const [query, message] of bad) {
      await expect(search(d.reviewer, query), JSON.stringify(query)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    expect(await search(d.reviewer, { q: "x".repeat(500) })).toHaveProperty("results");
    await expect(search(null, { q: "x" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);
  });

  it("never shows another workspace's work", async () => {
    const mine = await englishDesk();
    const theirs = await englishDesk();
    await annotateClaims({
      workspaceId: theirs.workspace.id,
      author: theirs.reviewer,
      title: "Their secret article",
      claims: [
        {
          claim: "Their secret flamingo claim",
          note: "flamingo note",
          sources: [{ url: "https://flamingo.example/x", title: "flamingo source" }],
        },
      ],
    });
    expect((await search(mine.reviewer, { q: "flamingo" })).results).toEqual([]);
    expect((await search(mine.reviewer, { q: "" })).results).toEqual([]);
    expect((await search(mine.reviewer, { q: "their secret" })).facets?.type).toEqual([]);
  });

  it("keeps the blind second opinion: neither blinded reviewer finds the other's claims or notes, and an editor finds both", async () => {
    const d = await englishDesk();
    const second = await actorFor(
      (await createUser({ workspaceId: d.workspace.id, role: "REVIEWER", name: "Second" })).id,
    );
    const article = await createArticle({
      workspaceId: d.workspace.id,
      paragraphs: ["Pelicans ate the harbour fish.", "Herons nest here."],
    });
    const revision = article.revisions[0];
    const { createAnnotation } = await import("@/lib/annotations/annotations");
    const span = (quote: string) => ({
      revisionId: revision.id,
      start: revision.text.indexOf(quote),
      end: revision.text.indexOf(quote) + quote.length,
      quote,
    });
    await requestSecondOpinion({
      actor: d.editor,
      articleId: article.id,
      input: { firstReviewerId: d.reviewer.userId, secondReviewerId: second.userId },
    });
    const firstWork = await createAnnotation({
      actor: d.reviewer,
      articleId: article.id,
      input: {
        ...span("Pelicans ate the harbour fish."),
        claim: "Pelicans ate the harbour fish",
        verdict: "false",
        sources: [{ url: "https://birds.example/pelican", title: "Pelican census" }],
      },
    });
    const secondWork = await createAnnotation({
      actor: second,
      articleId: article.id,
      input: { ...span("Herons nest here."), claim: "Herons nest here", verdict: "true" },
    });
    // The second reviewer writes a note on a third person's (the editor's) annotation: hidden from the first too.
    const editorWork = await createAnnotation({
      actor: d.editor,
      articleId: article.id,
      input: { ...span("Herons"), claim: "Herons editor claim", verdict: "mixed" },
    });
    await createNote({ actor: second, annotationId: editorWork.id, input: { body: "Heron pelican whisper" } });

    const asFirst = await search(d.reviewer, { q: "herons pelican" });
    expect(ids(asFirst.results)).not.toContain(secondWork.id);
    expect(asFirst.results.some((r) => r.type === "note")).toBe(false);
    expect(JSON.stringify(asFirst)).not.toMatch(/whisper|Herons nest/);
    const asSecond = await search(second, { q: "pelican" });
    expect(asSecond.results.filter((r) => r.annotationId === firstWork.id)).toEqual([]);
    expect(JSON.stringify(asSecond)).not.toMatch(/Pelican census|harbour/);
    // Recent work (no query) keeps the rule too.
    expect(ids((await search(d.reviewer, { q: "" })).results)).not.toContain(secondWork.id);
    const asEditor = await search(d.editor, { q: "herons pelican" });
    expect(ids(asEditor.results)).toEqual(expect.arrayContaining([firstWork.id, secondWork.id]));
    expect(asEditor.results.some((r) => r.type === "note")).toBe(true);
  });

  it("follows the workspace's language, which admins set (the index is rebuilt with it); bad values change nothing", async () => {
    const d = await createWorkspace("Simple desk");
    const {
      ids: [id],
    } = await annotateClaims({
      workspaceId: d.workspace.id,
      author: d.reviewer,
      claims: [
        {
          claim: "Prices were rising quickly",
          note: "Wages were falling",
          sources: [{ url: "https://stats.example/x", title: "Rents climbing" }],
        },
      ],
    });
    // Notes and sources reach their workspace through their annotation: the rebuild covers them too.
    const stemmed = async () => {
      const types = [];
      for (const q of ["rises", "falls", "climbs"])
        types.push(...(await search(d.reviewer, { q })).results.map((r) => r.type));
      return types.sort();
    };
    expect(await stemmed()).toEqual([]);
    expect(ids((await search(d.reviewer, { q: "rises" })).results)).not.toContain(id);
    const before = await countWorkspaceRows(db, d.workspace.id);
    for (const input of [{ language: "klingon" }, { language: "pg_catalog.english" }, {}, { language: 1 }]) {
      await expect(setSearchLanguage({ actor: d.admin, input })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(setSearchLanguage({ actor: d.editor, input: { language: "english" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await countWorkspaceRows(db, d.workspace.id)).toEqual(before);
    expect(await getSearchLanguage({ actor: d.reviewer })).toBe("simple");
    await setSearchLanguage({ actor: d.admin, input: { language: "english" } });
    expect(ids((await search(d.reviewer, { q: "rises" })).results)).toContain(id);
    expect(await stemmed()).toEqual(["annotation", "note", "source"]);
  });
});
