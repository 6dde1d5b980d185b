import { type APIRequestContext, expect, test } from "./fixtures";
import { highlights, panel } from "./annotating";
import { annotateOverApi, createArticle, moveAlong } from "./article-setup";

// One annotation has one address: /articles/<id>?annotation=<annotationId> opens the article at
// it with its detail open, every list that names an annotation links there, and the URL follows
// the panel so Back returns to where the reader was.

const PARAGRAPHS = [
  "A first paragraph to scroll past. ".repeat(60),
  "The mayor said the bridge cost 40 million euros.",
  "The council said the bridge cost 40 million euros.",
];

const CLAIM = "The bridge cost 40 million euros";

/** A fresh article with two identical claims on different passages, the case a list cannot tell apart. */
async function articleWithTwins(editor: APIRequestContext, annotator = editor) {
  const articleId = await createArticle(editor, "Deep links", PARAGRAPHS);
  const annotate = (quote: string) => annotateOverApi(annotator, articleId, quote, { claim: CLAIM, verdict: "mixed" });
  return { articleId, mayor: await annotate("The mayor said"), council: await annotate("The council said") };
}

test("a link opens the article at the annotation with its detail open; the URL follows the panel and Back returns", async ({
  pageAs,
}) => {
  const page = await pageAs("editor");
  const { articleId, mayor, council } = await articleWithTwins(page.request);

  await page.goto(`/articles/${articleId}?annotation=${council}`);
  const detail = page.getByTestId("annotation-detail");
  await expect(detail.getByTestId("quoted-span")).toHaveText("The council said");
  await expect(highlights(page, "The council said")).toHaveClass(/active/);
  await expect(highlights(page, "The council said")).toBeInViewport();

  await detail.getByRole("button", { name: "Back to list" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`));
  await panel(page).getByTestId("annotation-entry").first().click();
  await expect(page).toHaveURL(new RegExp(`\\?annotation=${mayor}$`));
  await expect(detail.getByTestId("quoted-span")).toHaveText("The mayor said");

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}$`));
  await expect(panel(page).getByTestId("annotation-entry")).toHaveCount(2);
  await page.goBack();
  await expect(detail.getByTestId("quoted-span")).toHaveText("The council said");
  await page.goForward();
  await expect(panel(page).getByTestId("annotation-entry")).toHaveCount(2);
});

test("a link to an annotation that is gone, or on another article, still lands somewhere sensible", async ({
  pageAs,
}) => {
  const page = await pageAs("editor");
  const { articleId, mayor } = await articleWithTwins(page.request);
  const other = await articleWithTwins(page.request);

  // The wrong article in the link: the annotation's own article opens.
  await page.goto(`/articles/${other.articleId}?annotation=${mayor}`);
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${mayor}$`));
  await expect(page.getByTestId("annotation-detail").getByTestId("quoted-span")).toHaveText("The mayor said");

  // Deleted (or never there): the article opens with its list and says why.
  const current = await (await page.request.get(`/api/annotations/${mayor}`)).json();
  expect((await page.request.delete(`/api/annotations/${mayor}?version=${current.version}`)).status()).toBe(200);
  await page.goto(`/articles/${articleId}?annotation=${mayor}`);
  await expect(page.getByTestId("linked-missing")).toBeVisible();
  await expect(panel(page).getByTestId("annotation-entry")).toHaveCount(1);
  await page.goto(`/articles/${articleId}?annotation=not-an-id`);
  await expect(page.getByTestId("linked-missing")).toBeVisible();
});

test("My work, the review queue and agreement's disagreements link to the annotation itself", async ({ pageAs }) => {
  const reviewer = await pageAs("reviewer");
  const editor = await pageAs("editor");
  const { articleId, council } = await articleWithTwins(editor.request, reviewer.request);
  await moveAlong({ reviewer: reviewer.request, editor: editor.request }, council, ["SUBMITTED"]);

  await reviewer.goto("/my-work");
  await reviewer
    .getByRole("row")
    .filter({ hasText: CLAIM })
    .filter({ hasText: "Submitted" })
    .getByRole("link", { name: CLAIM })
    .click();
  await expect(reviewer).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${council}$`));
  await expect(reviewer.getByTestId("annotation-detail").getByTestId("quoted-span")).toHaveText("The council said");

  await editor.goto(`/review?article=${articleId}`);
  await editor.getByTestId("queue-item").first().focus();
  await editor.keyboard.press("o");
  await expect(editor).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${council}$`));
  await expect(editor.getByTestId("annotation-detail").getByTestId("quoted-span")).toHaveText("The council said");

  // The editor reads the same passage differently: Agreement lists the pair, each side linked.
  const quote = "The council said";
  const article = await (await editor.request.get(`/api/articles/${articleId}`)).json();
  const editorsReading = await annotateOverApi(editor.request, articleId, quote, { claim: CLAIM, verdict: "false" });
  // The editor is its author, so submits it too.
  await moveAlong({ reviewer: editor.request, editor: editor.request }, editorsReading, ["SUBMITTED"]);
  await editor.goto("/agreement");
  const pair = editor.getByTestId("disagreements").getByRole("listitem").filter({ hasText: article.title });
  await expect(pair.getByRole("link", { name: `“${quote}”` })).toHaveCount(2);
  const hrefs = await pair
    .getByRole("link", { name: `“${quote}”` })
    .evaluateAll((links) => links.map((link) => link.getAttribute("href")).sort());
  expect(hrefs).toEqual(
    [`/articles/${articleId}?annotation=${council}`, `/articles/${articleId}?annotation=${editorsReading}`].sort(),
  );
  await pair
    .getByRole("link", { name: `“${quote}”` })
    .first()
    .click();
  await expect(editor.getByTestId("annotation-detail").getByTestId("quoted-span")).toHaveText(quote);
});
