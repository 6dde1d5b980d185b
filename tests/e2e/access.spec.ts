import { DEMO_ARTICLE_TITLE, expect, test } from "./fixtures";

test("reviewers and editors get 403 on the people admin page and see no link to it", async ({ pageAs }) => {
  for (const role of ["reviewer", "editor"] as const) {
    const page = await pageAs(role);
    await page.goto("/articles");
    await expect(page.getByRole("link", { name: "People" })).toHaveCount(0);
    const response = await page.goto("/admin/people");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
});

test("the API gives the article's revision, canonical text and Slate value", async ({ apiAs }) => {
  const api = await apiAs("reviewer");
  const list = await (await api.get("/api/articles")).json();
  const demo = list.articles.find((a: { title: string }) => a.title === DEMO_ARTICLE_TITLE);
  expect(demo).toMatchObject({ section: "Administration", annotationCount: expect.any(Number), revisionCount: 1 });
  const article = await (await api.get(`/api/articles/${demo.id}`)).json();
  expect(article.revisionId).toMatch(/^c[a-z0-9]+$/);
  expect(article.value).toHaveLength(18);
  const paragraphs = article.value.map((block: { children: { text: string }[] }) =>
    block.children.map((leaf) => leaf.text).join(""),
  );
  expect(article.text).toBe(paragraphs.join("\n\n"));
});

test("malformed and unknown article ids get 400 and 404 JSON", async ({ pageAs }) => {
  const page = await pageAs("reviewer");
  const malformed = await page.request.get("/api/articles/not%20an%20id");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toBe("Not a valid id");
  const unknown = await page.request.get("/api/articles/c000000000000000000000000");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error).toEqual({ code: "NOT_FOUND", message: "Article not found" });
  expect((await page.goto("/articles/c000000000000000000000000"))?.status()).toBe(404);
});

test("a member of another workspace gets 404 for this workspace's article", async ({ apiAs, pageAs }) => {
  const { articles } = await (await (await apiAs("reviewer")).get("/api/articles")).json();
  const demoId = articles.find((a: { title: string }) => a.title === DEMO_ARTICLE_TITLE).id;

  const other = await pageAs("otherAdmin");
  await other.goto("/articles");
  await expect(other.getByLabel("Workspace")).toHaveText("Other desk");
  await expect(other.getByRole("link", { name: DEMO_ARTICLE_TITLE })).toHaveCount(0);
  const api = await other.request.get(`/api/articles/${demoId}`);
  expect(api.status()).toBe(404);
  expect((await other.goto(`/articles/${demoId}`))?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
});
