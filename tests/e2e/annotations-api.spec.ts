import { API_ARTICLE_TITLE, type APIRequestContext, expect, test } from "./fixtures";

// The annotation API over HTTP: status codes, messages, and that refusals change nothing.

/** The demo desk's second article, which only this file annotates. */
async function demoArticle(api: APIRequestContext) {
  const { articles } = await (await api.get("/api/articles")).json();
  const { id } = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE);
  const article = await (await api.get(`/api/articles/${id}`)).json();
  const quote = "scheduling conflicts on both sides";
  const start = (article.text as string).indexOf(quote);
  return {
    id: article.id as string,
    body: {
      revisionId: article.revisionId,
      start,
      end: start + quote.length,
      quote,
      claim: "API claim",
      verdict: "mixed",
    },
  };
}

test("every annotation and note route answers 401 JSON without a session", async ({ request }) => {
  const id = "c000000000000000000000000";
  const calls = [
    request.get(`/api/articles/${id}/annotations`),
    request.post(`/api/articles/${id}/annotations`, { data: {} }),
    request.get(`/api/annotations/${id}`),
    request.patch(`/api/annotations/${id}`, { data: {} }),
    request.delete(`/api/annotations/${id}`),
    request.get(`/api/annotations/${id}/history`),
    request.get(`/api/annotations/${id}/notes`),
    request.post(`/api/annotations/${id}/notes`, { data: {} }),
    request.patch(`/api/annotations/${id}/notes/${id}`, { data: {} }),
    request.delete(`/api/annotations/${id}/notes/${id}`),
    request.post(`/api/annotations/${id}/status`, { data: {} }),
    request.post(`/api/annotations/${id}/corrections`, { data: {} }),
  ];
  for (const response of await Promise.all(calls)) {
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
  }
});

test("create, read, update, note and delete through the API, with refusals that change nothing", async ({ apiAs }) => {
  const reviewer = await apiAs("reviewer");
  const { id: articleId, body } = await demoArticle(reviewer);

  const created = await reviewer.post(`/api/articles/${articleId}/annotations`, {
    data: { ...body, sources: [{ url: "https://example.org/a" }], note: "first" },
  });
  expect(created.status()).toBe(201);
  const annotation = await created.json();
  expect(annotation).toMatchObject({
    id: expect.any(String),
    version: 1,
    quote: body.quote,
    prefix: expect.stringContaining("Sanders blamed “"),
    verdict: { key: "mixed" },
  });

  // Bad input: malformed JSON, a lying quote, a javascript: URL, reversed offsets, an oversized body.
  const bad = [
    [
      reviewer.post(`/api/articles/${articleId}/annotations`, {
        data: Buffer.from("{not json"),
        headers: { "content-type": "application/json" },
      }),
      400,
      "The body is not valid JSON",
    ],
    [reviewer.post(`/api/articles/${articleId}/annotations`, { data: [1, 2] }), 400, "The body must be a JSON object"],
    [
      reviewer.post(`/api/articles/${articleId}/annotations`, { data: { ...body, quote: "something else" } }),
      400,
      /^quote: does not match/,
    ],
    [
      reviewer.post(`/api/articles/${articleId}/annotations`, {
        data: { ...body, sources: [{ url: "javascript:alert(1)" }] },
      }),
      400,
      /^sources\.0\.url: /,
    ],
    [
      reviewer.post(`/api/articles/${articleId}/annotations`, { data: { ...body, start: body.end, end: body.start } }),
      400,
      /end must be greater than start/,
    ],
    [
      reviewer.post(`/api/articles/${articleId}/annotations`, { data: { ...body, rationale: "x".repeat(300_000) } }),
      413,
      /over the 256 KiB limit/,
    ],
    [
      reviewer.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, verdict: "nonsense" } }),
      400,
      /not an option/,
    ],
  ] as const;
  for (const [call, status, message] of bad) {
    const response = await call;
    expect(response.status()).toBe(status);
    expect((await response.json()).error.message).toMatch(message);
  }

  // Another reviewer: 403; another workspace: 404; nothing changes.
  const reviewer2 = await apiAs("reviewer2");
  expect(
    (
      await reviewer2.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, claim: "taken over" } })
    ).status(),
  ).toBe(403);
  expect((await reviewer2.delete(`/api/annotations/${annotation.id}`)).status()).toBe(403);
  const other = await apiAs("otherAdmin");
  expect((await other.get(`/api/annotations/${annotation.id}`)).status()).toBe(404);
  expect((await other.get(`/api/articles/${articleId}/annotations`)).status()).toBe(404);
  expect((await other.post(`/api/annotations/${annotation.id}/notes`, { data: { body: "hi" } })).status()).toBe(404);
  const unchanged = await (await reviewer.get(`/api/annotations/${annotation.id}`)).json();
  expect(unchanged).toMatchObject({ version: 1, claim: "API claim", verdict: { key: "mixed" } });
  expect(unchanged.notes).toHaveLength(1);

  // Notes: reply by someone else; only the author edits.
  const note = unchanged.notes[0];
  const reply = await reviewer2.post(`/api/annotations/${annotation.id}/notes`, {
    data: { body: "reply", parentId: note.id },
  });
  expect(reply.status()).toBe(201);
  expect(
    (
      await reviewer2.patch(`/api/annotations/${annotation.id}/notes/${note.id}`, {
        data: { body: "edited by someone else", version: 1 },
      })
    ).status(),
  ).toBe(403);
  expect(
    (
      await reviewer.patch(`/api/annotations/${annotation.id}/notes/${note.id}`, {
        data: { body: "edited", version: 1 },
      })
    ).status(),
  ).toBe(200);
  // The same edit again is stale: 409 with the note as it is now.
  const staleNote = await reviewer.patch(`/api/annotations/${annotation.id}/notes/${note.id}`, {
    data: { body: "edited twice", version: 1 },
  });
  expect(staleNote.status()).toBe(409);
  expect((await staleNote.json()).error.details.current).toMatchObject({ id: note.id, body: "edited", version: 2 });
  const thread = (await (await reviewer.get(`/api/annotations/${annotation.id}/notes`)).json()).notes;
  expect(thread.map((n: { body: string }) => n.body)).toEqual(["edited", "reply"]);

  // Update with the right version, then a stale one.
  const updated = await reviewer.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, verdict: "false" } });
  expect((await updated.json()).version).toBe(2);
  const stale = await reviewer.patch(`/api/annotations/${annotation.id}`, { data: { version: 1, verdict: "true" } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.details.current).toMatchObject({ version: 2, verdict: { key: "false" } });

  // Delete (soft): gone from the API, history remains.
  const history = await (await reviewer.get(`/api/annotations/${annotation.id}/history`)).json();
  expect(history.history.map((h: { action: string }) => h.action)).toEqual([
    "create",
    "note.create",
    "note.update",
    "update",
  ]);
  expect((await reviewer.delete(`/api/annotations/${annotation.id}?version=2`)).status()).toBe(200);
  expect((await reviewer.get(`/api/annotations/${annotation.id}`)).status()).toBe(404);
  const list = (await (await reviewer.get(`/api/articles/${articleId}/annotations`)).json()).annotations;
  expect(list.map((a: { id: string }) => a.id)).not.toContain(annotation.id);
});
