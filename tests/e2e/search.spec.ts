import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, untilInteractive } from "./fixtures";
import { selectWithRange } from "./selection";

// Search and "Checked before" in the browser (issue #13): "/" from anywhere, j/k and Enter to the
// annotation itself, facets in the URL, the no-result advice; and reusing an earlier check.

const tag = () => randomUUID().slice(0, 8);

/** An article with one published check, written through the API as a desk would. */
async function publishedCheck(reviewer: APIRequestContext, editor: APIRequestContext, words: string) {
  const body = `The mayor said ${words} rail fares jumped by 40 per cent since 2016.\n\nCritics said ${words} rail fares went up 40% since 2016 too.`;
  const article = await (
    await editor.post("/api/articles", { data: { title: `Transport story ${words}`, format: "text", body } })
  ).json();
  const text: string = (await (await reviewer.get(`/api/articles/${article.id}`)).json()).text;
  const quote = `${words} rail fares jumped by 40 per cent since 2016`;
  const start = text.indexOf(quote);
  const created = await reviewer.post(`/api/articles/${article.id}/annotations`, {
    data: {
      revisionId: article.revisionId,
      start,
      end: start + quote.length,
      quote,
      claim: `Rail fares ${words} jumped by 40 percent since 2016`,
      verdict: "false",
      rationale: `Fares rose 12%, ${words}.`,
      sources: [{ url: "https://orr.example/fares", title: "Rail fares index" }],
    },
  });
  expect(created.status()).toBe(201);
  const annotation = await created.json();
  for (const [client, status, version] of [
    [reviewer, "SUBMITTED", 1],
    [editor, "APPROVED", 2],
    [editor, "PUBLISHED", 3],
  ] as const) {
    expect(
      (await client.post(`/api/annotations/${annotation.id}/status`, { data: { status, version } })).status(),
    ).toBe(200);
  }
  return { articleId: article.id as string, annotationId: annotation.id as string };
}

test("/ opens search from anywhere; j/k and Enter open the annotation itself; facets and no-result advice live in the URL", async ({
  apiAs,
  pageAs,
}) => {
  const words = `zebra${tag()}`;
  const check = await publishedCheck(await apiAs("reviewer"), await apiAs("editor"), words);
  const page = await pageAs("reviewer");
  await page.goto("/my-work");
  // The shortcut listens once the page is interactive: press until it has taken us to search.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(page).toHaveURL(/\/search$/, { timeout: 1000 });
  }).toPass();
  const field = page.getByLabel("Search claims, notes, sources and articles");
  await expect(field).toBeFocused();
  await field.fill(`${words} fares`);
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${words}`));
  const results = page.getByTestId("search-results").locator("[data-search-result]");
  await expect(results.first()).toContainText(`Rail fares ${words} jumped`);
  await expect(page.getByTestId("search-results").locator("mark").first()).toBeVisible();

  // A facet narrows the search and stays in the URL; removing it comes back.
  await page
    .getByRole("complementary", { name: "Narrow the results" })
    .getByRole("link", { name: "Published" })
    .click();
  await expect(page).toHaveURL(/status=PUBLISHED/);
  await expect(results.first()).toContainText(`Rail fares ${words} jumped`);

  await page.keyboard.press("j");
  await expect(results.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/articles/${check.articleId}\\?annotation=${check.annotationId}`));
  await expect(page.getByTestId("annotation-detail")).toContainText(`Rail fares ${words} jumped`);

  // Nothing found: the page says which filter to remove.
  await page.goto(`/search?q=${words}&verdict=true`);
  await expect(page.getByTestId("no-results")).toContainText(`Nothing matches “${words}” with these filters`);
  await page.getByRole("link", { name: "Remove the verdict filter (true)" }).click();
  await expect(results.first()).toBeVisible();
});

test("Checked before: a claim like a published check offers it, and Reuse copies its verdict, rationale and sources and is recorded", async ({
  apiAs,
  pageAs,
}) => {
  const words = `heron${tag()}`;
  const check = await publishedCheck(await apiAs("reviewer"), await apiAs("editor"), words);
  const page = await pageAs("reviewer2");
  await page.goto(`/articles/${check.articleId}`);
  await untilInteractive(page);
  await selectWithRange(page, `${words} rail fares went up 40% since 2016`);
  await page.getByRole("button", { name: /Annotate/ }).click();
  const form = page.getByRole("form", { name: "New annotation" });
  // The claim is prefilled with the quote: the earlier check shows without typing.
  const suggestions = form.getByTestId("checked-before");
  await expect(suggestions).toContainText(`Rail fares ${words} jumped by 40 percent since 2016`);
  await expect(suggestions).toContainText("False");
  // Other tests publish checks of the same shape: take this one's.
  await suggestions
    .getByRole("button", { name: `Reuse the check of “Rail fares ${words} jumped by 40 percent since 2016”` })
    .click();
  await expect(form.getByRole("radio", { name: /False/ })).toBeChecked();
  await expect(form.getByLabel("Rationale")).toHaveValue(`Fares rose 12%, ${words}.`);
  await expect(form.getByLabel("URL (required)")).toHaveValue("https://orr.example/fares");
  await form.getByRole("button", { name: "Save" }).click();
  const detail = page.getByTestId("annotation-detail");
  await expect(detail).toBeVisible();
  // The detail panel lists the earlier check among similar ones; the history says it was reused.
  await expect(detail.getByTestId("similar-checks")).toContainText(`Rail fares ${words} jumped`);
  await detail.getByRole("button", { name: "Show history" }).click();
  await expect(detail.getByTestId("reused-from")).toContainText("reusing an earlier check");
});

test("the Articles page finds an article by a word of its title and pages by keyset", async ({ apiAs, pageAs }) => {
  const words = `ibis${tag()}`;
  await publishedCheck(await apiAs("reviewer"), await apiAs("editor"), words);
  const page = await pageAs("reviewer");
  await page.goto("/articles");
  const field = page.getByLabel("Find articles");
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(field).toBeFocused({ timeout: 1000 });
  }).toPass();
  await field.fill(words);
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${words}`));
  await expect(page.getByRole("link", { name: `Transport story ${words}` })).toBeVisible();
  await page.goto(`/articles?q=qxqxqxqxqx&status=DONE`);
  await expect(page.getByText("No article matches.")).toBeVisible();
});
