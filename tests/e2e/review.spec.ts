import { randomUUID } from "node:crypto";
import { API_ARTICLE_TITLE, expect, type Page, test } from "./fixtures";
import { panel } from "./annotating";
import { annotateOverApi, deskOf, moveAlong, TO_PUBLISHED, type Desk, type ReviewStep } from "./article-setup";

// The review loop in the browser: submit, changes requested with a comment, resubmit, approve, publish, locked, corrected.

async function openAnnotation(page: Page, articleId: string, claim: string) {
  await page.goto(`/articles/${articleId}`);
  await page
    .getByRole("complementary", { name: "Annotations panel" })
    .getByRole("button", { name: new RegExp(claim) })
    .click();
  return page.getByTestId("review-status");
}

/** A fresh annotation of the reviewer's on the API tests' article, moved along `steps` over the API. */
async function annotationIn(desk: Desk, steps: ReviewStep[]) {
  const { articles } = await (await desk.reviewer.get("/api/articles")).json();
  const articleId: string = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE).id;
  const claim = `Review loop ${randomUUID().slice(0, 8)}`;
  const id = await annotateOverApi(desk.reviewer, articleId, "A second paragraph", { claim, verdict: "mixed" });
  return { articleId, id, claim, version: await moveAlong(desk, id, steps) };
}

// The review loop in steps that each start from an annotation put in place over the API.

test("a reviewer submits a draft for review", async ({ apiAs, pageAs }) => {
  const { articleId, claim } = await annotationIn(await deskOf(apiAs), []);
  const reviewer = await pageAs("reviewer");
  const status = await openAnnotation(reviewer, articleId, claim);
  await expect(status).toContainText("Status: Draft");
  await status.getByRole("button", { name: "Submit for review" }).click();
  await expect(status).toContainText("Status: Submitted");
});

test("the editor sends it back with a comment; the reviewer reads why in their work and resubmits", async ({
  apiAs,
  pageAs,
}) => {
  const { articleId, claim } = await annotationIn(await deskOf(apiAs), ["SUBMITTED"]);
  const editor = await pageAs("editor");
  let status = await openAnnotation(editor, articleId, claim);
  await status.getByRole("button", { name: "Request changes" }).click();
  await expect(status.getByRole("alert")).toHaveText("comment: say what needs to change");
  await status.getByLabel("Comment (required to request changes)").fill("Cite the meeting minutes.");
  await status.getByRole("button", { name: "Request changes" }).click();
  await expect(status).toContainText("Status: Changes requested");

  const reviewer = await pageAs("reviewer");
  await reviewer.goto("/my-work");
  await expect(reviewer.getByTestId("my-work").getByRole("row").filter({ hasText: claim })).toContainText(
    "Changes requested by Eddie Editor",
  );
  status = await openAnnotation(reviewer, articleId, claim);
  await expect(status.getByTestId("last-decision")).toContainText("Changes requested by Eddie Editor");
  await expect(status.getByTestId("last-decision")).toContainText("“Cite the meeting minutes.”");
  await status.getByRole("button", { name: "Submit for review" }).click();
  await expect(status).toContainText("Status: Submitted");
});

test("another reviewer cannot approve; the editor approves and publishes; then it is locked and final", async ({
  apiAs,
  pageAs,
}) => {
  const api = await deskOf(apiAs);
  const { articleId, id, claim, version } = await annotationIn(api, ["SUBMITTED"]);
  // Another reviewer cannot approve it (403), and nothing changes.
  const reviewer2 = await apiAs("reviewer2");
  expect(
    (await reviewer2.post(`/api/annotations/${id}/status`, { data: { status: "APPROVED", version } })).status(),
  ).toBe(403);
  expect((await (await reviewer2.get(`/api/annotations/${id}`)).json()).status).toBe("SUBMITTED");

  const editor = await pageAs("editor");
  const status = await openAnnotation(editor, articleId, claim);
  await status.getByRole("button", { name: "Approve" }).click();
  await expect(status).toContainText("Status: Approved");
  await status.getByRole("button", { name: "Publish" }).click();
  await expect(status).toContainText("Status: Published");
  await expect(editor.getByTestId("annotation-detail").getByRole("button", { name: "Edit" })).toHaveCount(0);

  // Locked, and the API says why; published is final; another desk cannot see it.
  const current = await (await api.editor.get(`/api/annotations/${id}`)).json();
  const edit = await api.editor.patch(`/api/annotations/${id}`, {
    data: { version: current.version, claim: "changed" },
  });
  expect(edit.status()).toBe(409);
  expect((await edit.json()).error.message).toMatch(/published and locked/);
  const reopen = await api.editor.post(`/api/annotations/${id}/status`, {
    data: { status: "CHANGES_REQUESTED", comment: "no", version: current.version },
  });
  expect(reopen.status()).toBe(409);
  expect((await reopen.json()).error.message).toBe(
    "A published annotation cannot become changes requested: it is final",
  );
  const other = await apiAs("otherAdmin");
  expect(
    (
      await other.post(`/api/annotations/${id}/status`, { data: { status: "DRAFT", version: current.version } })
    ).status(),
  ).toBe(404);
  expect((await other.post(`/api/annotations/${id}/corrections`, { data: { note: "x" } })).status()).toBe(404);
  expect((await reviewer2.post(`/api/annotations/${id}/corrections`, { data: { note: "x" } })).status()).toBe(403);
  expect((await api.editor.post(`/api/annotations/${id}/corrections`, { data: {} })).status()).toBe(400);
});

test("a correction of a published check is a new draft with a public note, reviewed again; once published it replaces the old one", async ({
  apiAs,
  pageAs,
}) => {
  const api = await deskOf(apiAs);
  const { articleId, id, claim } = await annotationIn(api, TO_PUBLISHED);
  const editor = await pageAs("editor");
  await openAnnotation(editor, articleId, claim);
  const detail = editor.getByTestId("annotation-detail");
  await detail.getByRole("button", { name: "Start a correction" }).click();
  await detail
    .getByLabel("Correction note (published with the correction)")
    .fill("The meeting was postponed, not cancelled.");
  await detail.getByRole("button", { name: "Create the correction draft" }).click();
  const form = editor.getByRole("form", { name: "Edit annotation" });
  await expect(form.getByRole("heading", { name: "Edit correction" })).toBeVisible();
  await expect(form.getByTestId("correction-of")).toContainText(
    "by Riley Reviewer. Its public note: “The meeting was postponed, not cancelled.”",
  );
  await form.getByLabel("Claim", { exact: true }).fill(`${claim} (corrected)`);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(detail.getByTestId("correction")).toContainText(
    "Correction of a published check: “The meeting was postponed, not cancelled.”",
  );
  await expect(detail.getByTestId("correction")).toContainText(`The published version said Mixed ${claim}`);
  for (const [button, label] of [
    ["Submit for review", "Submitted"],
    ["Approve", "Approved"],
    ["Publish", "Published"],
  ]) {
    await detail.getByTestId("review-status").getByRole("button", { name: button }).click();
    await expect(detail.getByTestId("review-status")).toContainText(`Status: ${label}`);
  }
  await detail.getByRole("button", { name: "Show history" }).click();
  await expect(detail.getByRole("list", { name: "History" })).toContainText(
    "status.change (the published version this corrects)",
  );
  await expect(detail.getByRole("list", { name: "History" })).toContainText(
    "correction.start (the published version this corrects)",
  );
  // History entries about the corrected version link to it, at its own address (#16 deep links).
  await expect(
    detail.getByRole("list", { name: "History" }).getByRole("link", { name: "the published version this corrects" }),
  ).not.toHaveCount(0);
  for (const link of await detail
    .getByRole("list", { name: "History" })
    .getByRole("link", { name: "the published version this corrects" })
    .all())
    await expect(link).toHaveAttribute("href", `/articles/${articleId}?annotation=${id}`);
  // The article's list (a reload would reopen the annotation the URL names, since #16's deep links).
  await editor.goto(`/articles/${articleId}`);
  const entries = panel(editor).getByRole("button", { name: new RegExp(claim) });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText(`${claim} (corrected)`);
  await expect(entries).toContainText("Riley Reviewer, corrected by Eddie Editor"); // the reviewer keeps the credit (#16)
  expect(await (await api.editor.get(`/api/annotations/${id}`)).json()).toMatchObject({
    status: "PUBLISHED",
    supersededAt: expect.any(String),
  });
});

test("the review queue: keyboard approve and send back with a comment; reviewers get 403; nonsense filters get a message", async ({
  pageAs,
}) => {
  const reviewer = await pageAs("reviewer");
  const { articles } = await (await reviewer.request.get("/api/articles")).json();
  const articleId = articles.find((a: { title: string }) => a.title === API_ARTICLE_TITLE).id;
  const article = await (await reviewer.request.get(`/api/articles/${articleId}`)).json();
  const stamp = Date.now();
  const submit = async (quote: string, claim: string) => {
    const start = (article.text as string).indexOf(quote);
    const created = await (
      await reviewer.request.post(`/api/articles/${articleId}/annotations`, {
        data: { revisionId: article.revisionId, start, end: start + quote.length, quote, claim, verdict: "false" },
      })
    ).json();
    expect(
      (
        await reviewer.request.post(`/api/annotations/${created.id}/status`, {
          data: { status: "SUBMITTED", version: 1 },
        })
      ).status(),
    ).toBe(200);
    return created.id as string;
  };
  const firstId = await submit("cancelled meeting", `Queue one ${stamp}`);
  const secondId = await submit("Sanders blamed", `Queue two ${stamp}`);

  expect((await reviewer.goto("/review"))?.status()).toBe(403);

  const editor = await pageAs("editor");
  await editor.goto(
    `/review?reviewer=${(await (await reviewer.request.get(`/api/annotations/${firstId}`)).json()).author.id}&article=${articleId}`,
  );
  const mine = editor.getByTestId("queue-item").filter({ hasText: String(stamp) });
  await expect(mine).toHaveCount(2);
  // Focus the first of ours, approve it with "a"; move to the next with "j", send it back with "r".
  await mine.first().focus();
  await editor.keyboard.press("a");
  await expect(editor.getByText(`Approved: “Queue one ${stamp}”.`)).toBeVisible();
  await editor
    .getByTestId("queue-item")
    .filter({ hasText: `Queue two ${stamp}` })
    .focus();
  await editor.keyboard.press("r");
  await editor.getByLabel("What needs to change").fill("Quote the full sentence.");
  await editor.keyboard.press("Control+Enter");
  await expect(editor.getByText(`Sent back: “Queue two ${stamp}”.`)).toBeVisible();
  expect((await (await editor.request.get(`/api/annotations/${firstId}`)).json()).status).toBe("APPROVED");
  expect(await (await editor.request.get(`/api/annotations/${secondId}`)).json()).toMatchObject({
    status: "CHANGES_REQUESTED",
    lastReview: { comment: "Quote the full sentence." },
  });

  await editor.goto("/review?article=not-an-id");
  await expect(editor.locator("main").getByRole("alert")).toContainText(
    "These filters do not work: article: Not a valid id",
  );
});

test("a submission that arrives while the queue is open is announced without moving the list under the pointer", async ({
  apiAs,
  pageAs,
}) => {
  const api = await deskOf(apiAs);
  await annotationIn(api, ["SUBMITTED"]);
  const editor = await pageAs("editor");
  await editor.goto("/review");
  const list = editor.getByTestId("review-queue");
  await expect(list).toBeVisible();
  // The live region is there before anything arrives, so a screen reader announces the arrival;
  // empty, it takes no room (no blank band above the queue).
  const arrivals = editor.getByTestId("queue-arrivals");
  await expect(arrivals).toHaveAttribute("role", "status");
  expect((await arrivals.boundingBox())?.height ?? 0, "the empty arrivals notice's height").toBe(0);
  const before = await list.boundingBox();
  await annotationIn(api, ["SUBMITTED"]);
  await expect(arrivals).toContainText(/new submissions? arrived/);
  await expect(arrivals).toBeInViewport();
  // Where a finger or the pointer was aiming before the announcement, the same item still is.
  expect(await list.boundingBox()).toEqual(before);
});
