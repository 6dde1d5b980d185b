// Issue #15: a hot API request makes at most three round trips to the database: the actor once,
// and the data with its relations joined or aggregated in SQL, never a query per relation. Each
// route's count is pinned at what it is now, so a change that adds a query fails here first.
import { describe, expect, it } from "vitest";
import {
  createAnnotation,
  createAnnotationForSession,
  deleteAnnotation,
  getAnnotation,
  listAnnotationsForArticle,
  listAnnotationsBodyForSession,
  listAnnotationSummaries,
  updateAnnotation,
} from "@/lib/annotations/annotations";
import { createNote } from "@/lib/annotations/notes";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { countQueries } from "../support/query-count";
import { createArticle, createWorkspace } from "../support/factories";

// A session's create reads the revision's text once per process; later creates on it are one statement.
const BUDGET = {
  list: 2,
  create: 3,
  createForSession: 2,
  createForSessionKnownText: 1,
  get: 2,
  update: 3,
  delete: 3,
  summaries: 2,
};

async function setup() {
  const desk = await createWorkspace();
  const words = Array.from({ length: 20 }, (_, i) => `claim${i} holds`);
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: [words.join(" and ")] });
  const revision = article.revisions[0];
  const input = (quote: string) => {
    const start = revision.text.indexOf(quote);
    return {
      revisionId: revision.id,
      start,
      end: start + quote.length,
      quote,
      claim: `Claim ${quote}`,
      verdict: "mixed",
      sources: [{ url: "https://a.example/1" }, { url: "https://b.example/2" }],
      note: "first note",
    };
  };
  return { ...desk, article, input, words };
}

/** What the route handler does for a signed-in person: read the actor, then call lib. */
async function asRoute<T>(
  actor: { userId: string },
  work: (actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>) => Promise<T>,
) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { sessionVersion: true },
  });
  return countQueries(async () => work((await loadActor({ userId: actor.userId, sessionVersion }))!));
}

describe("database round trips per hot API request", () => {
  it("GET /api/articles/:id/annotations: the actor, then one statement for 20 annotations with all their relations", async () => {
    const d = await setup();
    for (const word of d.words) {
      const view = await createAnnotation({ actor: d.reviewer, articleId: d.article.id, input: d.input(word) });
      await createNote({ actor: d.editor, annotationId: view.id, input: { body: "a reply" } });
      await changeAnnotationStatus({
        actor: d.reviewer,
        annotationId: view.id,
        input: { status: "SUBMITTED", version: 1 },
      });
    }
    const { result, queries } = await asRoute(d.editor, (actor) =>
      listAnnotationsForArticle({ actor, articleId: d.article.id }),
    );
    expect(result).toHaveLength(20);
    expect(result[0].notes).toHaveLength(2);
    expect(result[0].sources).toHaveLength(2);
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.list);

    // A signed-in session's list reads the actor in the same statement: one round trip.
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: d.editor.userId } });
    const session = await countQueries(() =>
      listAnnotationsBodyForSession({ claims: { userId: d.editor.userId, sessionVersion }, articleId: d.article.id }),
    );
    expect(session.result).toBe(JSON.stringify({ annotations: result }));
    expect(session.queries.length, session.queries.join("\n")).toBe(1);
    // The same refusals: no session (a stale session version) 401, another workspace's article 404, a bad id 400.
    const stale = { userId: d.editor.userId, sessionVersion: sessionVersion + 1 };
    await expect(listAnnotationsBodyForSession({ claims: stale, articleId: d.article.id })).rejects.toMatchObject({
      status: 401,
    });
    await expect(listAnnotationsBodyForSession({ claims: stale, articleId: "not an id" })).rejects.toMatchObject({
      status: 401,
    });
    const other = await createWorkspace();
    const { sessionVersion: otherVersion } = await db.user.findUniqueOrThrow({ where: { id: other.editor.userId } });
    await expect(
      listAnnotationsBodyForSession({
        claims: { userId: other.editor.userId, sessionVersion: otherVersion },
        articleId: d.article.id,
      }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      listAnnotationsBodyForSession({ claims: { userId: d.editor.userId, sessionVersion }, articleId: "not an id" }),
    ).rejects.toMatchObject({ status: 400 });

    // The article page's highlights and list: the summaries, one statement too.
    const summaries = await asRoute(d.editor, (actor) => listAnnotationSummaries({ actor, articleId: d.article.id }));
    expect(summaries.result).toHaveLength(20);
    expect(summaries.result[0]).toMatchObject({
      noteCount: 2,
      verdict: { key: "mixed" },
      author: { id: d.reviewer.userId },
    });
    expect(summaries.queries.length, summaries.queries.join("\n")).toBeLessThanOrEqual(BUDGET.summaries);
  });

  it("POST /api/articles/:id/annotations: the actor, then the write in at most two round trips", async () => {
    const d = await setup();
    const { result, queries } = await asRoute(d.reviewer, (actor) =>
      createAnnotation({ actor, articleId: d.article.id, input: d.input(d.words[3]) }),
    );
    expect(result.sources).toHaveLength(2);
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.create);
  });

  it("POST for a signed-in session: the actor read with the target, then the write; the same answers in the same order", async () => {
    const d = await setup();
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: d.reviewer.userId } });
    const claims = { userId: d.reviewer.userId, sessionVersion };
    const create = (input: unknown, over: Partial<Parameters<typeof createAnnotationForSession>[0]> = {}) =>
      createAnnotationForSession({ claims, articleId: d.article.id, readInput: async () => input, ...over });
    const { result, queries } = await countQueries(() => create(d.input(d.words[4])));
    expect(queries.length, queries.join("\n")).toBe(BUDGET.createForSession);
    expect(result).toMatchObject({
      author: { id: d.reviewer.userId, name: d.reviewer.name },
      version: 1,
      status: "DRAFT",
    });
    expect(result.sources).toHaveLength(2);
    expect(result.notes).toHaveLength(1);
    expect(result).toEqual(await getAnnotation({ actor: d.reviewer, annotationId: result.id }));
    // The revision's text is now held: the next create on it is the write alone, with the same answer.
    const again = await countQueries(() => create(d.input(d.words[9])));
    expect(again.queries.length, again.queries.join("\n")).toBe(BUDGET.createForSessionKnownText);
    expect(again.result).toEqual(await getAnnotation({ actor: d.reviewer, annotationId: again.result.id }));

    // 401 before anything the body causes: no session, a stale one with a bad or unreadable body.
    const stale = { userId: d.reviewer.userId, sessionVersion: sessionVersion + 1 };
    const unreadable = async () => {
      throw new Error("the body could not be read");
    };
    await expect(create(d.input(d.words[8]), { claims: null })).rejects.toMatchObject({ status: 401 });
    await expect(create(d.input(d.words[8]), { claims: stale })).rejects.toMatchObject({ status: 401 });
    await expect(create({ claim: 5 }, { claims: stale })).rejects.toMatchObject({ status: 401 });
    await expect(create(null, { claims: stale, readInput: unreadable })).rejects.toMatchObject({ status: 401 });
    // Signed in: the body's and the id's problems, and another workspace's article.
    await expect(create({ ...d.input(d.words[8]), claim: "" })).rejects.toMatchObject({ status: 400 });
    await expect(create(d.input(d.words[8]), { articleId: "not an id" })).rejects.toMatchObject({ status: 400 });
    await expect(create(null, { readInput: unreadable })).rejects.toThrow("the body could not be read");
    const other = await createWorkspace();
    const { sessionVersion: otherVersion } = await db.user.findUniqueOrThrow({ where: { id: other.reviewer.userId } });
    await expect(
      create(d.input(d.words[8]), { claims: { userId: other.reviewer.userId, sessionVersion: otherVersion } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(create({ ...d.input(d.words[8]), verdict: "nope" })).rejects.toMatchObject({ status: 400 });
    // A span that does not match the text held: the read, then its 400 (after a stale session's 401).
    const wrongQuote = { ...d.input(d.words[8]), quote: "something else" };
    await expect(create(wrongQuote, { claims: stale })).rejects.toMatchObject({ status: 401 });
    await expect(create(wrongQuote)).rejects.toMatchObject({ status: 400, message: expect.stringContaining("quote:") });
    const elsewhere = await createArticle({ workspaceId: other.workspace.id, paragraphs: ["Another desk's article."] });
    await expect(create({ ...d.input(d.words[8]), revisionId: elsewhere.revisions[0].id })).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("revisionId:"),
    });
    // None of the refusals wrote anything.
    expect(await db.annotation.count({ where: { articleId: d.article.id } })).toBe(2);
  });

  it("GET /api/annotations/:id: the actor, then one statement with every relation", async () => {
    const d = await setup();
    const view = await createAnnotation({ actor: d.reviewer, articleId: d.article.id, input: d.input(d.words[5]) });
    await createNote({ actor: d.editor, annotationId: view.id, input: { body: "a reply" } });
    const { result, queries } = await asRoute(d.editor, (actor) => getAnnotation({ actor, annotationId: view.id }));
    expect(result).toMatchObject({
      id: view.id,
      sources: [{ url: "https://a.example/1" }, { url: "https://b.example/2" }],
    });
    expect(result.notes).toHaveLength(2);
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.get);
  });

  it("PATCH /api/annotations/:id: the actor, one read, one write (sources and audit included); the answer is what a read gives", async () => {
    const d = await setup();
    const view = await createAnnotation({ actor: d.reviewer, articleId: d.article.id, input: d.input(d.words[6]) });
    const input = {
      version: 1,
      claim: "Changed claim",
      claimant: null,
      verdict: "false",
      sources: [{ url: "https://c.example/3", title: "Third", accessedAt: "2026-11-30" }],
    };
    const { result, queries } = await asRoute(d.reviewer, (actor) =>
      updateAnnotation({ actor, annotationId: view.id, input }),
    );
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.update);
    expect(result).toEqual(await getAnnotation({ actor: d.reviewer, annotationId: view.id }));
    expect(result).toMatchObject({
      version: 2,
      claim: "Changed claim",
      claimant: null,
      verdict: { key: "false" },
      sources: [{ url: "https://c.example/3", title: "Third", accessedAt: "2026-11-30" }],
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: view.id, action: "update" } });
    expect(audit.after).toMatchObject({
      claim: "Changed claim",
      verdict: "false",
      version: 2,
      sources: [{ url: "https://c.example/3" }],
    });
    expect(audit.before).toMatchObject({ verdict: "mixed", version: 1 });
  });

  it("DELETE /api/annotations/:id: the actor, one read, one write", async () => {
    const d = await setup();
    const view = await createAnnotation({ actor: d.reviewer, articleId: d.article.id, input: d.input(d.words[7]) });
    const { result, queries } = await asRoute(d.reviewer, (actor) =>
      deleteAnnotation({ actor, annotationId: view.id }),
    );
    expect(result).toEqual({ id: view.id, deleted: true });
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.delete);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: view.id } })).toMatchObject({
      version: 2,
      deletedAt: expect.any(Date),
    });
    expect(await db.auditEvent.count({ where: { entityId: view.id, action: "delete" } })).toBe(1);
  });
});
