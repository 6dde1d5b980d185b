import { type APIRequestContext, expect, test } from "./fixtures";
import { panel } from "./annotating";

// Every role against every transition through the API, and the blind second opinion in the browser.
// Each test works on an article of its own, so it cannot disturb the others running in parallel.

type Status = "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "PUBLISHED";
const STATUSES: Status[] = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "PUBLISHED"];

async function newArticle(editor: APIRequestContext, title: string, body: string) {
  const created = await editor.post("/api/articles", {
    data: { title: `${title} ${Date.now()}`, format: "text", body },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; revisionId: string };
}

// Written out by hand from the issue: authors submit and resubmit; editors and admins approve,
// request changes and publish; a move the status does not allow is 409 whoever asks, a move
// the role does not allow is 403.
const EXPECTED: Record<
  "author" | "otherReviewer" | "editor" | "admin",
  Record<Status, Partial<Record<Status, number>>>
> = {
  author: {
    DRAFT: { SUBMITTED: 200 },
    SUBMITTED: { APPROVED: 403, CHANGES_REQUESTED: 403 },
    CHANGES_REQUESTED: { SUBMITTED: 200 },
    APPROVED: { PUBLISHED: 403, CHANGES_REQUESTED: 403 },
    PUBLISHED: {},
  },
  otherReviewer: {
    DRAFT: { SUBMITTED: 403 },
    SUBMITTED: { APPROVED: 403, CHANGES_REQUESTED: 403 },
    CHANGES_REQUESTED: { SUBMITTED: 403 },
    APPROVED: { PUBLISHED: 403, CHANGES_REQUESTED: 403 },
    PUBLISHED: {},
  },
  editor: {
    DRAFT: { SUBMITTED: 403 },
    SUBMITTED: { APPROVED: 200, CHANGES_REQUESTED: 200 },
    CHANGES_REQUESTED: { SUBMITTED: 403 },
    APPROVED: { PUBLISHED: 200, CHANGES_REQUESTED: 200 },
    PUBLISHED: {},
  },
  admin: {
    DRAFT: { SUBMITTED: 403 },
    SUBMITTED: { APPROVED: 200, CHANGES_REQUESTED: 200 },
    CHANGES_REQUESTED: { SUBMITTED: 403 },
    APPROVED: { PUBLISHED: 200, CHANGES_REQUESTED: 200 },
    PUBLISHED: {},
  },
};

type Who = "author" | "otherReviewer" | "editor" | "admin";
const WHO_IS: Record<Who, "reviewer" | "reviewer2" | "editor" | "admin"> = {
  author: "reviewer",
  otherReviewer: "reviewer2",
  editor: "editor",
  admin: "admin",
};

// One test per starting status, each on an article of its own, so each holds on its own.
for (const from of STATUSES) {
  test(`each role × each transition from ${from}: allowed moves succeed, the rest get 403 (role) or 409 (status) and change nothing`, async ({
    apiAs,
  }) => {
    const clients = {} as Record<Who, APIRequestContext>;
    for (const who of Object.keys(WHO_IS) as Who[]) clients[who] = await apiAs(WHO_IS[who]);
    const article = await newArticle(
      clients.editor,
      `Transitions from ${from}`,
      "Rates rose. Prices fell. Wages grew.",
    );
    const move = (who: Who, id: string, status: Status, version: number) =>
      clients[who].post(`/api/annotations/${id}/status`, { data: { status, version, comment: "Needs a source." } });
    // An annotation by the author, driven to `status` along the workflow.
    const PATH: Record<Status, [Who, Status][]> = {
      DRAFT: [],
      SUBMITTED: [["author", "SUBMITTED"]],
      CHANGES_REQUESTED: [
        ["author", "SUBMITTED"],
        ["editor", "CHANGES_REQUESTED"],
      ],
      APPROVED: [
        ["author", "SUBMITTED"],
        ["editor", "APPROVED"],
      ],
      PUBLISHED: [
        ["author", "SUBMITTED"],
        ["editor", "APPROVED"],
        ["editor", "PUBLISHED"],
      ],
    };
    async function inStatus(status: Status) {
      const created = await clients.author.post(`/api/articles/${article.id}/annotations`, {
        data: {
          revisionId: article.revisionId,
          start: 0,
          end: 11,
          quote: "Rates rose.",
          claim: "Rates rose",
          verdict: "true",
        },
      });
      const { id } = await created.json();
      let version = 1;
      for (const [who, to] of PATH[status]) expect((await move(who, id, to, version++)).status()).toBe(200);
      return { id, version };
    }

    const shared = await inStatus(from);
    for (const who of Object.keys(EXPECTED) as Who[]) {
      for (const to of STATUSES) {
        const expected = EXPECTED[who][from][to] ?? 409;
        const target = expected === 200 ? await inStatus(from) : shared;
        const response = await move(who, target.id, to, target.version);
        expect(response.status(), `${who}: ${from} → ${to}`).toBe(expected);
        if (expected === 200) expect((await response.json()).status).toBe(to);
      }
    }
    // Every refusal left the shared annotation as it was.
    expect(await (await clients.editor.get(`/api/annotations/${shared.id}`)).json()).toMatchObject({
      status: from,
      version: shared.version,
    });
  });
}

test("a blind second opinion hides each reviewer's verdicts from the other until both have submitted", async ({
  pageAs,
}) => {
  // Three people and seven page loads: over 30 s when the 2-core machine is busy.
  test.slow();
  const editor = await pageAs("editor");
  const first = await pageAs("reviewer");
  const second = await pageAs("reviewer2");
  const article = await newArticle(editor.request, "Blind check", "The bridge cost 2 billion. It opened in May.");
  const annotate = async (page: typeof first, claim: string, verdict: string) => {
    const created = await page.request.post(`/api/articles/${article.id}/annotations`, {
      data: { revisionId: article.revisionId, start: 0, end: 26, quote: "The bridge cost 2 billion.", claim, verdict },
    });
    expect(created.status()).toBe(201);
    return (await created.json()).id as string;
  };
  const submit = async (page: typeof first, id: string) =>
    expect(
      (
        await page.request.post(`/api/annotations/${id}/status`, { data: { status: "SUBMITTED", version: 1 } })
      ).status(),
    ).toBe(200);
  const firstId = await annotate(first, "First reading", "true");
  await submit(first, firstId);

  // The editor asks Robin for a blind second opinion on Riley's work.
  await editor.goto(`/articles/${article.id}`);
  await editor.getByText("Ask for a second opinion").click();
  await editor.getByLabel("Work of").selectOption({ label: "Riley Reviewer" });
  await editor.getByLabel("Checked blind by").selectOption({ label: "Robin Reviewer" });
  await editor.getByRole("button", { name: "Ask for a blind second opinion" }).click();
  await expect(editor.getByTestId("blind-notice")).toContainText("Robin Reviewer is checking Riley Reviewer's work");

  await second.goto(`/articles/${article.id}`);
  await expect(second.getByTestId("blind-notice")).toContainText("Robin Reviewer is checking Riley Reviewer's work");
  await expect(panel(second).getByRole("button", { name: /First reading/ })).toHaveCount(0);
  expect((await second.request.get(`/api/annotations/${firstId}`)).status()).toBe(404);
  const secondId = await annotate(second, "Second reading", "false");
  await first.goto(`/articles/${article.id}`);
  await expect(panel(first).getByRole("button", { name: /First reading/ })).toBeVisible();
  await expect(panel(first).getByRole("button", { name: /Second reading/ })).toHaveCount(0);
  // The editor is not blinded.
  await editor.reload();
  await expect(panel(editor).getByRole("button", { name: /Second reading/ })).toBeVisible();

  await submit(second, secondId);
  await second.reload();
  await expect(second.getByTestId("blind-notice")).toHaveCount(0);
  await expect(panel(second).getByRole("button", { name: /First reading/ })).toBeVisible();
  await first.reload();
  await expect(panel(first).getByRole("button", { name: /Second reading/ })).toBeVisible();
});
