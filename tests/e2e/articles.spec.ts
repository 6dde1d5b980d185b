import { expect, type Page, test } from "./fixtures";
import { highlights, panel, saveAnnotation } from "./annotating";
import { selectWithRange } from "./selection";

// Adding articles from HTML, annotating them, revising them and re-placing what a revision lost.

const HTML = [
  "<h1>Harbour traffic</h1>",
  '<p onclick="window.__clicked = true">The port 🚢 handled 3 million containers, the <b>minister</b> said, up from last ' +
    "year.<script>window.__pwned = true</script></p>",
  '<p>Wages rose 4% across the docks. <img src="x" onerror="window.__pwned = true"><a href="javascript:window.__pwned=true">Unsafe link</a></p>',
].join("");

async function addArticle(editor: Page, title: string) {
  await editor.goto("/articles");
  await editor.getByRole("link", { name: "Add an article" }).click();
  await editor.getByLabel("Title").fill(title);
  await editor.getByLabel("Outlet").fill("Harbour Herald");
  await editor.getByLabel("Format").selectOption("html");
  await editor.getByLabel("Body").fill(HTML);
  await editor.getByRole("button", { name: "Preview" }).click();
  const preview = editor.getByTestId("body-preview");
  await expect(preview.getByRole("heading", { name: "Harbour traffic" })).toBeVisible();
  await expect(preview).toContainText("The port 🚢 handled 3 million containers");
  await expect(preview).not.toContainText("__pwned");
  await editor.getByRole("button", { name: "Add article" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return editor.url();
}

test("an article pasted as HTML renders safely, follows its annotations through a revision, and an orphan is re-placed", async ({
  pageAs,
}) => {
  // One story across two people and nine page loads (19 s when the machine is crowded): what it
  // checks is that each step sees the previous one's result, so it stays whole with its own budget.
  test.setTimeout(60_000);
  const editor = await pageAs("editor");
  const url = await addArticle(editor, "Harbour traffic up");
  const body = editor.getByTestId("article-body");
  await expect(body).toContainText("The port 🚢 handled 3 million containers");
  await expect(body).toContainText("Unsafe link");
  await expect(body.locator("a")).toHaveCount(0); // the javascript: link lost its link
  expect(await editor.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();

  // A reviewer annotates the span right after the emoji, and a sentence that will be deleted.
  const reviewer = await pageAs("reviewer");
  await reviewer.goto(url);
  await selectWithRange(reviewer, "handled 3 million containers");
  await reviewer.keyboard.press("Control+Alt+M");
  await saveAnnotation(reviewer, { claim: "The port handled 3 million containers", verdictKey: "2" });
  await reviewer.getByRole("button", { name: "Back to list" }).click();
  await selectWithRange(reviewer, "Wages rose 4%");
  await reviewer.keyboard.press("Control+Alt+M");
  await saveAnnotation(reviewer, { claim: "Dock wages rose 4%", verdictKey: "6" });

  // The editor revises: a sentence before the span, the paragraph reworded elsewhere, the wages sentence gone.
  await editor.getByRole("link", { name: "Revise text" }).click();
  await editor.getByRole("button", { name: "Start from the current text" }).click();
  const current = await editor.getByLabel("Body").inputValue();
  const revised = current
    .replace("The port 🚢", "Queues formed overnight. The port 🚢")
    .replace("up from last year", "up sharply from last year")
    .replace("Wages rose 4% across the docks. Unsafe link", "Pay talks continue on Friday.");
  expect(revised).not.toBe(current);
  await editor.getByLabel("Body").fill(revised);
  await editor.getByRole("button", { name: "Save as a new revision" }).click();
  const report = editor.getByTestId("revision-report");
  await expect(report).toContainText("Revision 2 saved");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Revise the text (now revision 2)"); // #16
  await expect(report).toContainText(
    "2 annotations: 1 followed exactly, 0 by a close match to check, 1 need re-anchoring.",
  );
  await expect(report).toContainText("“The port handled 3 million containers”: followed exactly");

  // The diff shows what changed, with the annotations marked.
  await report.getByRole("link", { name: "What changed" }).click();
  await expect(editor.getByTestId("revision-diff").locator("ins").first()).toBeVisible();
  await expect(editor.getByTestId("revision-diff")).toContainText("Queues formed overnight.");
  await expect(editor.getByTestId("revision-annotations")).toContainText("Dock wages rose 4%: needs re-anchoring");

  // The reviewer sees the first annotation on its moved text, and the lost one waiting to be re-placed.
  await reviewer.goto(url);
  await expect(highlights(reviewer, "handled 3 million containers")).toHaveCount(1);
  await expect(highlights(reviewer, "handled 3 million containers")).toHaveText("handled 3 million containers");
  const orphans = panel(reviewer).getByTestId("orphans");
  await expect(orphans).toContainText("Needs re-anchoring (1)");
  await expect(orphans.getByTestId("orphan")).toContainText("Dock wages rose 4%");
  await expect(orphans.getByRole("button", { name: "Place on selected text" })).toBeDisabled();
  await selectWithRange(reviewer, "Pay talks continue");
  await orphans.getByRole("button", { name: "Place on selected text" }).click();
  await expect(panel(reviewer).getByTestId("orphans")).toHaveCount(0);
  await expect(highlights(reviewer, "Pay talks continue")).toHaveAttribute(
    "aria-description",
    "False: Dock wages rose 4%",
  );
  // The selection and its toolbar leave once the orphan is placed (#16).
  await expect(reviewer.getByRole("toolbar", { name: "Selection" })).toHaveCount(0);
  expect(await reviewer.evaluate(() => window.getSelection()?.isCollapsed ?? true)).toBe(true);
  await reviewer.reload();
  await expect(highlights(reviewer, "Pay talks continue")).toHaveCount(1);
});

test("a fuzzy move is marked for checking until someone confirms it", async ({ pageAs }) => {
  const editor = await pageAs("editor");
  const url = await addArticle(editor, "Harbour traffic check");
  await selectWithRange(editor, "handled 3 million containers");
  await editor.keyboard.press("Control+Alt+M");
  await saveAnnotation(editor, { claim: "3 million containers", verdictKey: "1" });
  await editor.getByRole("link", { name: "Revise text" }).click();
  await editor.getByRole("button", { name: "Start from the current text" }).click();
  await editor
    .getByLabel("Body")
    .fill((await editor.getByLabel("Body").inputValue()).replace("3 million containers", "3.2 million containers"));
  await editor.getByRole("button", { name: "Save as a new revision" }).click();
  await expect(editor.getByTestId("revision-report")).toContainText("1 by a close match to check");
  await editor.goto(url);
  // The one-word revision started from the current text as Markdown: the heading and the bold word stay (#16).
  await expect(editor.getByTestId("article-body").getByRole("heading", { name: "Harbour traffic" })).toBeVisible();
  await expect(editor.getByTestId("article-body").locator("strong")).toHaveText("minister");
  const moved = highlights(editor, "handled 3.2 million containers");
  await expect(moved).toHaveClass(/needs-check/);
  await moved.click();
  await expect(editor.getByTestId("check-placement")).toBeVisible();
  await editor.getByRole("button", { name: "Placement is right" }).click();
  await expect(editor.getByTestId("check-placement")).toHaveCount(0);
  await editor.reload();
  await expect(highlights(editor, "handled 3.2 million containers")).not.toHaveClass(/needs-check/);
});

test("article routes: 401 without a session, 403 for reviewers unless allowed, 404 for another desk, clear 400s", async ({
  pageAs,
  request,
}) => {
  const id = "c000000000000000000000000";
  for (const response of [
    await request.post("/api/articles", { data: {} }),
    await request.patch(`/api/articles/${id}`, { data: {} }),
    await request.post(`/api/articles/${id}/revisions`, { data: {} }),
    await request.get(`/api/articles/${id}/revisions`),
    await request.post("/api/articles/preview", { data: {} }),
    await request.post(`/api/annotations/${id}/placement`, { data: {} }),
  ]) {
    expect(response.status()).toBe(401);
  }

  const reviewer = await pageAs("reviewer2");
  const article = { title: "Reviewer's article", format: "text", body: "Some text." };
  const refused = await reviewer.request.post("/api/articles", { data: article });
  expect(refused.status()).toBe(403);
  expect((await reviewer.goto("/articles/new"))?.status()).toBe(403);

  const editor = await pageAs("editor");
  const bad = await editor.request.post("/api/articles", {
    data: { ...article, body: "<script>x</script>", format: "html" },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("body: there is no text in it");
  expect(
    (await editor.request.post("/api/articles", { data: { ...article, body: "x".repeat(1_000_001) } })).status(),
  ).toBe(413);
  const created = await editor.request.post("/api/articles", {
    data: { ...article, title: "Editor's API article", outlet: "Wire", publishedAt: "2026-11-27" },
  });
  expect(created.status()).toBe(201);
  const { id: articleId, revisionId } = await created.json();
  expect(revisionId).toEqual(expect.any(String));
  const revised = await editor.request.post(`/api/articles/${articleId}/revisions`, {
    data: { format: "markdown", body: "Some **new** text." },
  });
  expect(revised.status()).toBe(201);
  expect(await revised.json()).toMatchObject({ number: 2, annotations: [] });
  expect(
    (
      await reviewer.request.post(`/api/articles/${articleId}/revisions`, {
        data: { format: "text", body: "Mine now." },
      })
    ).status(),
  ).toBe(403);
  expect((await reviewer.request.patch(`/api/articles/${articleId}`, { data: { title: "Mine" } })).status()).toBe(403);

  const other = await pageAs("otherAdmin");
  expect(
    (
      await other.request.post(`/api/articles/${articleId}/revisions`, { data: { format: "text", body: "Theirs." } })
    ).status(),
  ).toBe(404);
  expect((await other.request.patch(`/api/articles/${articleId}`, { data: { title: "Theirs" } })).status()).toBe(404);
  expect((await other.request.get(`/api/articles/${articleId}/revisions/1`)).status()).toBe(404);
  const revisions = await (await editor.request.get(`/api/articles/${articleId}/revisions`)).json();
  expect(revisions.revisions.map((r: { number: number }) => r.number)).toEqual([2, 1]);
  expect((await (await editor.request.get(`/api/articles/${articleId}`)).json()).title).toBe("Editor's API article");
});

/** Whether each list item's marker is drawn inside the item's own box (content-visibility clips the rest). */
async function markersInside(container: ReturnType<Page["getByTestId"]>) {
  // Blocks off screen are skipped by content-visibility, and a skipped marker has no width to
  // measure: bring the list on screen and let a frame lay it out first.
  await container.locator("p.list-item").last().scrollIntoViewIfNeeded();
  await container.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return container.locator("p.list-item").evaluateAll((items) =>
    items.map((item) => {
      const marker = getComputedStyle(item, "::before");
      const box = item.getBoundingClientRect();
      const left = box.left + parseFloat(marker.left);
      return {
        marker: marker.content,
        inside: left >= box.left && left + parseFloat(marker.width || "0") <= box.right,
      };
    }),
  );
}

test("list markers show in the preview and on the article page", async ({ pageAs }) => {
  const editor = await pageAs("editor");
  const body = "Points:\n\n1. First point\n2. Second point\n\n- A bullet";
  const expected = [
    { marker: '"1."', inside: true },
    { marker: '"2."', inside: true },
    { marker: '"•"', inside: true },
  ];
  await editor.goto("/articles/new");
  await editor.getByLabel("Format").selectOption("markdown");
  await editor.getByLabel("Body").fill(body);
  await editor.getByRole("button", { name: "Preview" }).click();
  await expect(editor.getByTestId("body-preview").locator("p.list-item")).toHaveCount(3);
  expect(await markersInside(editor.getByTestId("body-preview"))).toEqual(expected);

  const created = await editor.request.post("/api/articles", {
    data: { title: "Listed points", format: "markdown", body },
  });
  await editor.goto(`/articles/${(await created.json()).id}`);
  await expect(editor.getByTestId("article-body").locator("p.list-item")).toHaveCount(3);
  expect(await markersInside(editor.getByTestId("article-body"))).toEqual(expected);
});
