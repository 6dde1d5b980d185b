import { expect, test, type Page } from "@playwright/test";
import { API_ARTICLE_TITLE, OTHER_DESK_USER, signedInPage } from "./fixtures";
import { panel } from "./annotating";

// The review loop in the browser: submit, changes requested with a comment, resubmit, approve, publish, locked.

async function openAnnotation(page: Page, articleId: string, claim: string) {
  await page.goto(`/articles/${articleId}`);
  await page.getByRole("complementary", { name: "Annotations panel" }).getByRole("button", { name: new RegExp(claim) }).click();
  return page.getByTestId("review-status");
}

test("a reviewer submits, the editor sends it back with a comment, the reviewer resubmits, the editor approves and publishes; then it is locked", async ({ browser }) => {
  const reviewer = await signedInPage(browser, "reviewer@example.com");
  const { articles } = await (await reviewer.request.get("/api/articles")).json();
  const articleId = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE).id;
  const article = await (await reviewer.request.get(`/api/articles/${articleId}`)).json();
  const quote = "A second paragraph";
  const start = (article.text as string).indexOf(quote);
  const claim = `Review loop ${Date.now()}`;
  const created = await reviewer.request.post(`/api/articles/${articleId}/annotations`, { data: { revisionId: article.revisionId, start, end: start + quote.length, quote, claim, verdict: "mixed" } });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  let status = await openAnnotation(reviewer, articleId, claim);
  await expect(status).toContainText("Status: Draft");
  await status.getByRole("button", { name: "Submit for review" }).click();
  await expect(status).toContainText("Status: Submitted");

  const editor = await signedInPage(browser, "editor@example.com");
  status = await openAnnotation(editor, articleId, claim);
  await status.getByRole("button", { name: "Request changes" }).click();
  await expect(status.getByRole("alert")).toHaveText("comment: say what needs to change");
  await status.getByLabel("Comment (required to request changes)").fill("Cite the meeting minutes.");
  await status.getByRole("button", { name: "Request changes" }).click();
  await expect(status).toContainText("Status: Changes requested");

  await reviewer.goto("/my-work");
  await expect(reviewer.getByTestId("my-work").getByRole("row").filter({ hasText: claim })).toContainText("Changes requested by Eddie Editor");
  status = await openAnnotation(reviewer, articleId, claim);
  await expect(status.getByTestId("last-decision")).toContainText("Changes requested by Eddie Editor");
  await expect(status.getByTestId("last-decision")).toContainText("“Cite the meeting minutes.”");
  await status.getByRole("button", { name: "Submit for review" }).click();
  await expect(status).toContainText("Status: Submitted");

  // Another reviewer cannot approve it (403), and nothing changes.
  const reviewer2 = await signedInPage(browser, "reviewer2@example.com");
  const submitted = await (await reviewer2.request.get(`/api/annotations/${id}`)).json();
  const refused = await reviewer2.request.post(`/api/annotations/${id}/status`, { data: { status: "APPROVED", version: submitted.version } });
  expect(refused.status()).toBe(403);
  expect((await (await reviewer2.request.get(`/api/annotations/${id}`)).json()).status).toBe("SUBMITTED");

  status = await openAnnotation(editor, articleId, claim);
  await status.getByRole("button", { name: "Approve" }).click();
  await expect(status).toContainText("Status: Approved");
  await status.getByRole("button", { name: "Publish" }).click();
  await expect(status).toContainText("Status: Published");
  await expect(editor.getByTestId("annotation-detail").getByRole("button", { name: "Edit" })).toHaveCount(0);

  // Locked, and the API says why; published is final; another desk cannot see it.
  const current = await (await editor.request.get(`/api/annotations/${id}`)).json();
  const edit = await editor.request.patch(`/api/annotations/${id}`, { data: { version: current.version, claim: "changed" } });
  expect(edit.status()).toBe(409);
  expect((await edit.json()).error.message).toMatch(/published and locked/);
  const reopen = await editor.request.post(`/api/annotations/${id}/status`, { data: { status: "CHANGES_REQUESTED", comment: "no", version: current.version } });
  expect(reopen.status()).toBe(409);
  expect((await reopen.json()).error.message).toBe("A published annotation cannot become changes requested: it is final");
  const other = await signedInPage(browser, OTHER_DESK_USER);
  expect((await other.request.post(`/api/annotations/${id}/status`, { data: { status: "DRAFT", version: current.version } })).status()).toBe(404);
  expect((await other.request.post(`/api/annotations/${id}/corrections`, { data: { note: "x" } })).status()).toBe(404);
  expect((await reviewer2.request.post(`/api/annotations/${id}/corrections`, { data: { note: "x" } })).status()).toBe(403);
  expect((await editor.request.post(`/api/annotations/${id}/corrections`, { data: {} })).status()).toBe(400);

  // A correction: a new draft with a public note, reviewed again; once published it replaces the old one, and history shows both.
  status = await openAnnotation(editor, articleId, claim);
  const detail = editor.getByTestId("annotation-detail");
  await detail.getByRole("button", { name: "Start a correction" }).click();
  await detail.getByLabel("Correction note (published with the correction)").fill("The meeting was postponed, not cancelled.");
  await detail.getByRole("button", { name: "Create the correction draft" }).click();
  const form = editor.getByRole("form", { name: "Edit annotation" });
  await form.getByLabel("Claim", { exact: true }).fill(`${claim} (corrected)`);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(detail.getByTestId("correction")).toContainText("Correction of a published check: “The meeting was postponed, not cancelled.”");
  await expect(detail.getByTestId("correction")).toContainText(`The published version said Mixed ${claim}`);
  for (const [button, label] of [["Submit for review", "Submitted"], ["Approve", "Approved"], ["Publish", "Published"]]) {
    await detail.getByTestId("review-status").getByRole("button", { name: button }).click();
    await expect(detail.getByTestId("review-status")).toContainText(`Status: ${label}`);
  }
  await detail.getByRole("button", { name: "Show history" }).click();
  await expect(detail.getByRole("list", { name: "History" })).toContainText("status.change (published version this corrects)");
  await expect(detail.getByRole("list", { name: "History" })).toContainText("correction.start (published version this corrects)");
  await editor.reload();
  const entries = panel(editor).getByRole("button", { name: new RegExp(claim) });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText(`${claim} (corrected)`);
  expect(await (await editor.request.get(`/api/annotations/${id}`)).json()).toMatchObject({ status: "PUBLISHED", supersededAt: expect.any(String) });
});

test("the review queue: keyboard approve and send back with a comment; reviewers get 403; nonsense filters get a message", async ({ browser }) => {
  const reviewer = await signedInPage(browser, "reviewer@example.com");
  const { articles } = await (await reviewer.request.get("/api/articles")).json();
  const articleId = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE).id;
  const article = await (await reviewer.request.get(`/api/articles/${articleId}`)).json();
  const stamp = Date.now();
  const submit = async (quote: string, claim: string) => {
    const start = (article.text as string).indexOf(quote);
    const created = await (await reviewer.request.post(`/api/articles/${articleId}/annotations`, { data: { revisionId: article.revisionId, start, end: start + quote.length, quote, claim, verdict: "false" } })).json();
    expect((await reviewer.request.post(`/api/annotations/${created.id}/status`, { data: { status: "SUBMITTED", version: 1 } })).status()).toBe(200);
    return created.id as string;
  };
  const firstId = await submit("cancelled meeting", `Queue one ${stamp}`);
  const secondId = await submit("Sanders blamed", `Queue two ${stamp}`);

  expect((await reviewer.goto("/review"))?.status()).toBe(403);

  const editor = await signedInPage(browser, "editor@example.com");
  await editor.goto(`/review?reviewer=${(await (await reviewer.request.get(`/api/annotations/${firstId}`)).json()).author.id}&article=${articleId}`);
  const mine = editor.getByTestId("queue-item").filter({ hasText: String(stamp) });
  await expect(mine).toHaveCount(2);
  // Focus the first of ours, approve it with "a"; move to the next with "j", send it back with "r".
  await mine.first().focus();
  await editor.keyboard.press("a");
  await expect(editor.getByText(`Approved: “Queue one ${stamp}”.`)).toBeVisible();
  await editor.getByTestId("queue-item").filter({ hasText: `Queue two ${stamp}` }).focus();
  await editor.keyboard.press("r");
  await editor.getByLabel("What needs to change").fill("Quote the full sentence.");
  await editor.keyboard.press("Control+Enter");
  await expect(editor.getByText(`Sent back: “Queue two ${stamp}”.`)).toBeVisible();
  expect((await (await editor.request.get(`/api/annotations/${firstId}`)).json()).status).toBe("APPROVED");
  expect(await (await editor.request.get(`/api/annotations/${secondId}`)).json()).toMatchObject({ status: "CHANGES_REQUESTED", lastReview: { comment: "Quote the full sentence." } });

  await editor.goto("/review?article=not-an-id");
  await expect(editor.locator("main").getByRole("alert")).toContainText("These filters do not work: article: Not a valid id");
});
