// Issue #15: a hot API request makes at most three round trips to the database: the actor once,
// and the data with its relations joined or aggregated in SQL, never a query per relation. Each
// route's count is pinned at what it is now, so a change that adds a query fails here first.
import { describe, expect, it } from "vitest";
import { createAnnotation, listAnnotationsForArticle } from "@/lib/annotations/annotations";
import { createNote } from "@/lib/annotations/notes";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { changeAnnotationStatus } from "@/lib/reviews/status";
import { countQueries } from "../support/query-count";
import { createArticle, createWorkspace } from "../support/factories";

const BUDGET = { list: 2, create: 3 };

async function setup() {
  const desk = await createWorkspace();
  const words = Array.from({ length: 20 }, (_, i) => `claim${i} holds`);
  const article = await createArticle({ workspaceId: desk.workspace.id, paragraphs: [words.join(" and ")] });
  const revision = article.revisions[0];
  const input = (quote: string) => {
    const start = revision.text.indexOf(quote);
    return { revisionId: revision.id, start, end: start + quote.length, quote, claim: `Claim ${quote}`, verdict: "mixed", sources: [{ url: "https://a.example/1" }, { url: "https://b.example/2" }], note: "first note" };
  };
  return { ...desk, article, input, words };
}

/** What the route handler does for a signed-in person: read the actor, then call lib. */
async function asRoute<T>(actor: { userId: string }, work: (actor: NonNullable<Awaited<ReturnType<typeof loadActor>>>) => Promise<T>) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } });
  return countQueries(async () => work((await loadActor({ userId: actor.userId, sessionVersion }))!));
}

describe("database round trips per hot API request", () => {
  it("GET /api/articles/:id/annotations: the actor, then one statement for 20 annotations with all their relations", async () => {
    const d = await setup();
    for (const word of d.words) {
      const view = await createAnnotation({ actor: d.reviewer, articleId: d.article.id, input: d.input(word) });
      await createNote({ actor: d.editor, annotationId: view.id, input: { body: "a reply" } });
      await changeAnnotationStatus({ actor: d.reviewer, annotationId: view.id, input: { status: "SUBMITTED", version: 1 } });
    }
    const { result, queries } = await asRoute(d.editor, (actor) => listAnnotationsForArticle({ actor, articleId: d.article.id }));
    expect(result).toHaveLength(20);
    expect(result[0].notes).toHaveLength(2);
    expect(result[0].sources).toHaveLength(2);
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.list);
  });

  it("POST /api/articles/:id/annotations: the actor, then the write in at most two round trips", async () => {
    const d = await setup();
    const { result, queries } = await asRoute(d.reviewer, (actor) => createAnnotation({ actor, articleId: d.article.id, input: d.input(d.words[3]) }));
    expect(result.sources).toHaveLength(2);
    expect(queries.length, queries.join("\n")).toBeLessThanOrEqual(BUDGET.create);
  });
});
