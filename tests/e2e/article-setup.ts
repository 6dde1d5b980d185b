import { expect, type APIRequestContext } from "@playwright/test";

// Articles (and annotations on them) that one test makes for itself over the API, so specs that
// run in parallel never share the text they annotate.

/** Adds a plain-text article of `paragraphs` and returns its id. The client needs an editor's session. */
export async function createArticle(request: APIRequestContext, title: string, paragraphs: string[]): Promise<string> {
  const created = await request.post("/api/articles", {
    data: { title: `${title} ${Date.now()}`, format: "text", body: paragraphs.join("\n\n") },
  });
  expect(created.status(), `create article "${title}"`).toBe(201);
  return (await created.json()).id;
}

/** Annotates the first occurrence of `quote` in the article's current text; returns the annotation's id. */
export async function annotateOverApi(
  request: APIRequestContext,
  articleId: string,
  quote: string,
  fields: { claim?: string; verdict?: string } = {},
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
      claim: fields.claim ?? quote,
      verdict: fields.verdict ?? "true",
    },
  });
  expect(created.status(), `annotate "${quote}"`).toBe(201);
  return (await created.json()).id;
}
