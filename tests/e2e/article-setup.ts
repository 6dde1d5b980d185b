import { expect, type APIRequestContext } from "@playwright/test";

// Articles (and annotations on them) that one test makes for itself over the API, so specs that
// run in parallel never share the text they annotate.

/**
 * Adds an article of `paragraphs` (plain text unless `format` says Markdown) and returns its id.
 * The client needs an editor's session.
 */
export async function createArticle(
  request: APIRequestContext,
  title: string,
  paragraphs: string[],
  more: { format?: "text" | "markdown"; outlet?: string } = {},
): Promise<string> {
  const created = await request.post("/api/articles", {
    data: { title: `${title} ${Date.now()}`, format: "text", ...more, body: paragraphs.join("\n\n") },
  });
  expect(created.status(), `create article "${title}"`).toBe(201);
  return (await created.json()).id;
}

/**
 * Annotates the first occurrence of `quote` in the article's current text; returns the annotation's
 * id. The claim is the quote and the verdict "true" unless `fields` says otherwise; `fields` may add
 * anything else the create route takes (claimant, rationale, sources, note).
 */
export async function annotateOverApi(
  request: APIRequestContext,
  articleId: string,
  quote: string,
  fields: { claim?: string; verdict?: string } & Record<string, unknown> = {},
): Promise<string> {
  const article = await (await request.get(`/api/articles/${articleId}`)).json();
  const start = article.text.indexOf(quote);
  expect(start, `"${quote}" in the article`).toBeGreaterThanOrEqual(0);
  const created = await request.post(`/api/articles/${articleId}/annotations`, {
    data: {
      revisionId: article.revisionId,
      start,
      end: start + quote.length,
      quote,
      claim: quote,
      verdict: "true",
      ...fields,
    },
  });
  expect(created.status(), `annotate "${quote}"`).toBe(201);
  return (await created.json()).id;
}

/** A reviewer's and an editor's API clients: the two sides of the review loop. */
export type Desk = { reviewer: APIRequestContext; editor: APIRequestContext };

export async function deskOf(apiAs: (role: "reviewer" | "editor") => Promise<APIRequestContext>): Promise<Desk> {
  return { reviewer: await apiAs("reviewer"), editor: await apiAs("editor") };
}

export type ReviewStep = "SUBMITTED" | "APPROVED" | "PUBLISHED";

/** The review loop's steps from a draft to a published check. */
export const TO_PUBLISHED: ReviewStep[] = ["SUBMITTED", "APPROVED", "PUBLISHED"];

/**
 * Moves annotation `id` (at `version`, a new one's 1) through `steps` over the API, the reviewer
 * submitting and the editor deciding; returns its version afterwards.
 */
export async function moveAlong(desk: Desk, id: string, steps: ReviewStep[], version = 1): Promise<number> {
  for (const status of steps) {
    const by = status === "SUBMITTED" ? desk.reviewer : desk.editor;
    const moved = await by.post(`/api/annotations/${id}/status`, { data: { status, version } });
    expect(moved.status(), `${status} at version ${version}`).toBe(200);
    version += 1;
  }
  return version;
}
