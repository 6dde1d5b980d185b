// The live desk (#12): two people on one article see each other's work as it happens, across app
// instances, and no one overwrites anyone unseen.
import { randomUUID } from "node:crypto";
import { E2E_SECOND_PORT, expect, test, type APIRequestContext, type Page, untilInteractive } from "./fixtures";
import { highlights, panel, saveAnnotation } from "./annotating";
import { selectWithRange } from "./selection";

const BODY = "Taxes rose 5% last year and jobs grew by a third.\n\nThe mayor said the budget was balanced.";

/** A fresh article of the demo desk, so these tests share nothing with the others. */
async function newArticle(editor: APIRequestContext) {
  const title = `Live desk ${randomUUID().slice(0, 8)}`;
  const response = await editor.post("/api/articles", { data: { title, format: "text", body: BODY } });
  expect(response.status()).toBe(201);
  const { id } = await response.json();
  const article = await (await editor.get(`/api/articles/${id}`)).json();
  return { id: id as string, title, revisionId: article.revisionId as string, text: article.text as string };
}

/** Creates an annotation over the API (as a partner script or another tab would). */
async function annotateOverApi(
  api: APIRequestContext,
  article: { id: string; revisionId: string; text: string },
  quote: string,
  claim: string,
) {
  const start = article.text.indexOf(quote);
  const response = await api.post(`/api/articles/${article.id}/annotations`, {
    data: { revisionId: article.revisionId, start, end: start + quote.length, quote, claim, verdict: "true" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number };
}

async function open(page: Page, articleId: string, origin = "") {
  await page.goto(`${origin}/articles/${articleId}`);
  await untilInteractive(page);
}

test("two people on one article: presence, a live highlight and note, 'is editing', and a conflict compared field by field", async ({
  pageAs,
  apiAs,
}) => {
  test.setTimeout(60_000);
  const article = await newArticle(await apiAs("editor"));
  const editor = await pageAs("editor");
  const reviewer = await pageAs("reviewer");
  await open(editor, article.id);
  await open(reviewer, article.id);
  await expect(editor.getByTestId("presence").getByRole("listitem", { name: "Riley Reviewer" })).toHaveText("RR");
  await expect(reviewer.getByTestId("presence").getByRole("listitem", { name: "Eddie Editor" })).toHaveText("EE");

  // The reviewer annotates in the browser; the editor's page draws it without a reload.
  await selectWithRange(reviewer, "Taxes rose 5%");
  await reviewer.keyboard.press("Control+Alt+M");
  await saveAnnotation(reviewer, { claim: "Taxes rose 5% last year", verdictKey: "1" });
  await expect(highlights(editor, "Taxes rose 5%")).toBeVisible();
  await panel(editor).getByTestId("annotation-entry").filter({ hasText: "Taxes rose 5% last year" }).click();

  // A note arrives in the open detail.
  await reviewer.getByLabel("Add a note").fill("Checked against the budget office.");
  await reviewer.getByRole("button", { name: "Add a note" }).click();
  await expect(editor.getByTestId("note").filter({ hasText: "Checked against the budget office." })).toBeVisible();

  // Both open the form; each sees that the other is editing.
  // The annotation's own Edit (the note has one too).
  const editButton = (page: Page) =>
    page.getByTestId("annotation-detail").locator(".form-actions").getByRole("button", { name: "Edit" });
  await editButton(editor).click();
  await expect(reviewer.getByTestId("editing-notice")).toHaveText("Eddie Editor is editing this annotation.");
  await editButton(reviewer).click();
  await reviewer.getByLabel("Rationale").fill("The budget office's table 3.");

  // The editor saves first: the reviewer's form keeps its text and says who changed it.
  await editor.getByLabel("Claim", { exact: true }).fill("Taxes rose 5% in 2025");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(reviewer.getByTestId("changed-notice")).toContainText("Changed by Eddie Editor");
  await expect(reviewer.getByLabel("Claim", { exact: true })).toHaveValue("Taxes rose 5% last year");
  await expect(reviewer.getByLabel("Rationale")).toHaveValue("The budget office's table 3.");

  // Saving shows their change beside hers, with what she started from; she takes theirs for the claim, keeps her rationale.
  await reviewer.getByRole("button", { name: "Save" }).click();
  const compare = reviewer.getByTestId("conflict-compare");
  await expect(compare.locator("tr[data-field='claim']")).toContainText("Taxes rose 5% last year");
  await expect(compare.getByTestId("theirs-claim")).toHaveText("Taxes rose 5% in 2025");
  await expect(compare.getByTestId("mine-rationale")).toHaveText("The budget office's table 3.");
  await expect(compare.locator("tr[data-field='claim']").getByRole("radio", { name: "Take theirs" })).toBeChecked();
  await expect(compare.locator("tr[data-field='rationale']").getByRole("radio", { name: "Keep yours" })).toBeChecked();
  await compare.getByRole("button", { name: "Use these values" }).click();
  await reviewer.getByRole("button", { name: "Save" }).click();
  const detail = editor.getByTestId("annotation-detail");
  await expect(detail.getByRole("heading", { name: "Taxes rose 5% in 2025" })).toBeVisible();
  await expect(detail).toContainText("The budget office's table 3.");

  // A new revision is a banner, not text swapped under a selection.
  const revised = await (
    await apiAs("editor")
  ).post(`/api/articles/${article.id}/revisions`, { data: { format: "text", body: `${BODY} It was not.` } });
  expect(revised.status()).toBe(201);
  await expect(reviewer.getByTestId("revision-banner")).toContainText("Revision 2 by Eddie Editor");

  // A closed tab leaves the others' presence.
  await reviewer.close();
  await expect(editor.getByTestId("presence").getByRole("listitem", { name: "Riley Reviewer" })).toHaveCount(0);
});

test("one note edited on two pages: the later save shows theirs beside yours and what you started from, and replaces nothing unseen", async ({
  pageAs,
  apiAs,
}) => {
  test.setTimeout(60_000);
  const article = await newArticle(await apiAs("editor"));
  const api = await apiAs("reviewer");
  const annotation = await annotateOverApi(api, article, "Taxes rose 5%", "Taxes rose 5% last year");
  const added = await api.post(`/api/annotations/${annotation.id}/notes`, { data: { body: "Source: budget office." } });
  expect(added.status()).toBe(201);
  const thread = async () => (await (await api.get(`/api/annotations/${annotation.id}/notes`)).json()).notes;

  // The note's author has the annotation open in two tabs and starts editing the note in both.
  const [first, second] = [await pageAs("reviewer"), await pageAs("reviewer")];
  for (const page of [first, second]) {
    await page.goto(`/articles/${article.id}?annotation=${annotation.id}`);
    await untilInteractive(page);
    await page.getByTestId("note").getByRole("button", { name: "Edit" }).click();
  }
  await first.getByLabel("Edit note").fill("Source: budget office, table 3.");
  await first.getByRole("button", { name: "Save note" }).click();
  // (The note's text, not the edit field's: a textarea's value counts as text to `hasText`.)
  const noteText = (page: Page) => page.getByTestId("note").locator(".note-body");
  await expect(noteText(first)).toHaveText("Source: budget office, table 3.");

  await second.getByLabel("Edit note").fill("Source: the mayor's office.");
  await second.getByRole("button", { name: "Save note" }).click();
  const compare = second.getByTestId("conflict-compare");
  await expect(compare).toContainText("Someone saved this note");
  await expect(compare.getByTestId("base-body")).toHaveText("Source: budget office.");
  await expect(compare.getByTestId("theirs-body")).toHaveText("Source: budget office, table 3.");
  await expect(compare.getByTestId("mine-body")).toHaveText("Source: the mayor's office.");
  await expect(compare.getByRole("radio", { name: "Keep yours" })).toBeChecked();
  // Nothing was replaced: the other tab's text is what is saved.
  expect((await thread())[0]).toMatchObject({ body: "Source: budget office, table 3.", version: 2 });

  // Taking theirs puts their text in the field; keeping yours after all, then saving, goes on top of version 2.
  await compare.getByRole("radio", { name: "Take theirs" }).check();
  await compare.getByRole("radio", { name: "Keep yours" }).check();
  await compare.getByRole("button", { name: "Use these values" }).click();
  await expect(compare).toHaveCount(0);
  await expect(second.getByLabel("Edit note")).toHaveValue("Source: the mayor's office.");
  await second.getByRole("button", { name: "Save note" }).click();
  await expect(noteText(second)).toHaveText("Source: the mayor's office.");
  expect((await thread())[0]).toMatchObject({ body: "Source: the mayor's office.", version: 3 });
  // The first tab's thread follows live.
  await expect(noteText(first)).toHaveText("Source: the mayor's office.");
});

test("placing an orphan someone changed meanwhile shows their copy before placing over it", async ({
  pageAs,
  apiAs,
}) => {
  test.setTimeout(60_000);
  const editorApi = await apiAs("editor");
  const article = await newArticle(editorApi);
  const api = await apiAs("reviewer");
  const annotation = await annotateOverApi(api, article, "The mayor said the budget was balanced", "Budget balanced");
  const revised = await editorApi.post(`/api/articles/${article.id}/revisions`, {
    data: {
      format: "text",
      body: BODY.replace("The mayor said the budget was balanced.", "Councillors meet on Friday."),
    },
  });
  expect(revised.status()).toBe(201);

  // This page hears nothing live (its stream is refused), so it holds the orphan's old version, as
  // a page does when the change lands between the live event and the click.
  const reviewer = await pageAs("reviewer");
  await reviewer.route(/\/api\/events\?/, (route) => route.abort());
  await open(reviewer, article.id);
  const orphans = panel(reviewer).getByTestId("orphans");
  await expect(orphans.getByTestId("orphan")).toContainText("Budget balanced");
  const changed = await api.patch(`/api/annotations/${annotation.id}`, {
    data: {
      version: (await (await api.get(`/api/annotations/${annotation.id}`)).json()).version,
      claim: "Budget said balanced",
    },
  });
  expect(changed.status()).toBe(200);

  await selectWithRange(reviewer, "Councillors meet on Friday");
  await orphans.getByRole("button", { name: "Place on selected text" }).click();
  const conflict = reviewer.getByTestId("placement-conflict");
  await expect(conflict).toContainText("Someone changed “Budget said balanced”");
  await expect(conflict).toContainText("it still needs a place");
  await expect(conflict).toContainText("Your selection: “Councillors meet on Friday”");
  // Nothing was placed yet.
  expect((await (await api.get(`/api/annotations/${annotation.id}`)).json()).placement).toBe("ORPHANED");
  await conflict.getByRole("button", { name: "Place on my selection anyway" }).click();
  await expect(highlights(reviewer, "Councillors meet on Friday")).toHaveCount(1);
  expect(await (await api.get(`/api/annotations/${annotation.id}`)).json()).toMatchObject({
    placement: "ANCHORED",
    quote: "Councillors meet on Friday",
    claim: "Budget said balanced",
  });
});

test("a change made through instance A reaches a browser on instance B", async ({ pageAs, apiAs }) => {
  const article = await newArticle(await apiAs("editor"));
  const onB = await pageAs("editor");
  await open(onB, article.id, `http://localhost:${E2E_SECOND_PORT}`);
  await expect(onB).toHaveURL(new RegExp(`^http://localhost:${E2E_SECOND_PORT}/`));
  await annotateOverApi(await apiAs("reviewer"), article, "jobs grew by a third", "Jobs grew by a third");
  await expect(highlights(onB, "jobs grew by a third")).toBeVisible();
  await expect(panel(onB).getByTestId("annotation-entry").filter({ hasText: "Jobs grew by a third" })).toBeVisible();
});

test("a blinded reviewer's page never receives the other reviewer's work", async ({ pageAs, apiAs }) => {
  const article = await newArticle(await apiAs("editor"));
  const editor = await pageAs("editor");
  await open(editor, article.id);
  await editor.getByText("Ask for a second opinion").click();
  await editor.getByLabel("Work of").selectOption({ label: "Riley Reviewer" });
  await editor.getByLabel("Checked blind by").selectOption({ label: "Robin Reviewer" });
  await editor.getByRole("button", { name: "Ask for a blind second opinion" }).click();
  await expect(editor.getByTestId("blind-notice")).toBeVisible();

  const robin = await pageAs("reviewer2");
  await open(robin, article.id);
  await annotateOverApi(await apiAs("reviewer"), article, "Taxes rose 5%", "Riley's check");
  await annotateOverApi(await apiAs("reviewer2"), article, "the budget was balanced", "Robin's check");
  // Events go out in log order: once Robin's own arrived, Riley's earlier one had been filtered out.
  await expect(highlights(robin, "the budget was balanced")).toBeVisible();
  await expect(highlights(robin, "Taxes rose 5%")).toHaveCount(0);
  await expect(panel(robin)).not.toContainText("Riley's check");
  await expect(robin.getByTestId("presence").getByRole("listitem", { name: "Riley Reviewer" })).toHaveCount(0);
  // The editor, not blinded, sees both.
  await expect(highlights(editor, "Taxes rose 5%")).toBeVisible();
  await expect(highlights(editor, "the budget was balanced")).toBeVisible();
});

test("the event stream refuses anonymous callers and another desk's article; through the front door it is an uncompressed, unbuffered stream", async ({
  apiAs,
  pageAs,
  playwright,
  baseURL,
}) => {
  const article = await newArticle(await apiAs("editor"));
  const page = await pageAs("editor");
  await page.goto("/articles");
  const first = await page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { "accept-encoding": "gzip, br" } });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    await reader.cancel();
    const header = (name: string) => response.headers.get(name);
    return {
      type: header("content-type"),
      encoding: header("content-encoding"),
      buffering: header("x-accel-buffering"),
      cache: header("cache-control"),
      text: new TextDecoder().decode(value),
    };
  }, `/api/events?article=${article.id}`);
  expect(first).toMatchObject({
    type: "text/event-stream; charset=utf-8",
    encoding: null,
    buffering: "no",
    cache: "no-cache, no-transform",
  });
  expect(first.text).toMatch(/^retry: \d+/);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/events?article=${article.id}`)).status()).toBe(401);
  await anonymous.dispose();
  expect((await (await apiAs("otherAdmin")).get(`/api/events?article=${article.id}`)).status()).toBe(404);
  expect((await (await apiAs("editor")).get(`/api/events?article=${article.id}&since=x`)).status()).toBe(400);
});

test("the review queue announces a submission that arrives while it is open", async ({ pageAs, apiAs }) => {
  const article = await newArticle(await apiAs("editor"));
  const editor = await pageAs("editor");
  await editor.goto("/review");
  await expect(editor.getByRole("heading", { name: "Review queue" })).toBeVisible();
  const reviewer = await apiAs("reviewer");
  const created = await annotateOverApi(reviewer, article, "jobs grew by a third", "Arrives while the queue is open");
  // The queue's stream starts from the log position the page was read at: a submission right after the load still arrives.
  expect(
    (
      await reviewer.post(`/api/annotations/${created.id}/status`, {
        data: { status: "SUBMITTED", version: created.version },
      })
    ).status(),
  ).toBe(200);
  await expect(editor.getByTestId("queue-arrivals")).toContainText("1 new submission arrived");
  await editor.getByTestId("queue-arrivals").getByRole("button", { name: "Show" }).click();
  await expect(editor.getByText("Arrives while the queue is open")).toBeVisible();
});

test("a mention picked from the autocomplete notifies the member: the bell counts it live and the inbox links to the annotation", async ({
  pageAs,
  apiAs,
}) => {
  const article = await newArticle(await apiAs("editor"));
  const created = await annotateOverApi(await apiAs("reviewer"), article, "Taxes rose 5%", "Mentioned claim");
  const robin = await pageAs("reviewer2");
  await robin.goto("/my-work");
  const bell = robin.getByTestId("notification-bell");
  const unread = async () =>
    Number(
      (await bell
        .getByTestId("unread-count")
        .textContent({ timeout: 1_000 })
        .catch(() => "0")) ?? 0,
    );
  const before = await unread();

  const editor = await pageAs("editor");
  await editor.goto(`/articles/${article.id}?annotation=${created.id}`);
  await untilInteractive(editor);
  const composer = editor.getByLabel("Add a note");
  await composer.pressSequentially("Please check this, @Rob");
  await expect(
    editor.getByRole("listbox", { name: "Mention a member" }).getByRole("option", { name: "Robin Reviewer" }),
  ).toBeVisible();
  await composer.press("Enter");
  await expect(composer).toHaveValue("Please check this, @Robin Reviewer ");
  await editor.getByRole("button", { name: "Add a note" }).click();
  await expect(editor.getByTestId("note").filter({ hasText: "@Robin Reviewer" })).toBeVisible();

  await expect(async () => expect(await unread()).toBeGreaterThan(before)).toPass();
  await bell.click();
  const item = robin.getByTestId("notification").filter({ hasText: article.title });
  await expect(item).toContainText("Eddie Editor mentioned you");
  await item.getByRole("link").click();
  await expect(robin).toHaveURL(new RegExp(`/articles/${article.id}\\?annotation=${created.id}`));
});

test("an editor assigns an article with a due date; it is in the reviewer's My work and the reviewer is told", async ({
  pageAs,
  apiAs,
}) => {
  const article = await newArticle(await apiAs("editor"));
  const editor = await pageAs("editor");
  await open(editor, article.id);
  await editor.getByText("Assign", { exact: true }).click();
  const form = editor.getByRole("form", { name: "Assign this article" });
  await form.getByLabel("Riley Reviewer").check();
  await form.getByLabel("Due date for Riley Reviewer").fill("2030-01-15");
  await form.getByRole("button", { name: "Save assignments" }).click();
  await expect(editor.getByTestId("assign-message")).toHaveText("Assignments saved.");

  const reviewer = await pageAs("reviewer");
  await reviewer.goto("/my-work");
  await expect(reviewer.getByTestId("assigned").getByRole("listitem").filter({ hasText: article.title })).toContainText(
    "due 2030-01-15",
  );
  await reviewer.goto("/notifications");
  await expect(reviewer.getByTestId("notification").filter({ hasText: article.title }).first()).toContainText(
    "Eddie Editor assigned you an article",
  );
});
