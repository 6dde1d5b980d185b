import { DEMO_ARTICLE_TITLE, TWO_DESKS_USER, expect, test } from "./fixtures";

// Item 10 of #16: someone on two desks switches between them in the header; the choice is kept
// in the database, so it holds in a new session too.

test("a person on two desks switches workspace in the header, sees the role held there, and keeps the choice", async ({
  signedInAs,
}) => {
  const page = await signedInAs(TWO_DESKS_USER);
  await page.goto("/articles");
  const switcher = page.getByTestId("workspace-switcher");
  const choice = switcher.getByLabel("Workspace");
  await expect(choice.locator("option")).toHaveText(["Demo desk (Reviewer)", "Other desk (Editor)"]);
  await expect(choice).toHaveValue(
    (await choice.locator("option", { hasText: "Demo desk" }).getAttribute("value")) as string,
  );
  await expect(page.getByTestId("current-role")).toHaveText("Reviewer");
  await expect(page.getByRole("link", { name: DEMO_ARTICLE_TITLE })).toBeVisible();

  await choice.selectOption({ label: "Other desk (Editor)" });
  await switcher.getByRole("button", { name: "Switch" }).click();
  await expect(page.getByRole("link", { name: "Other desk article" })).toBeVisible();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByTestId("current-role")).toHaveText("Editor");
  await expect(page.getByRole("link", { name: DEMO_ARTICLE_TITLE })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }),
  ).toBeVisible();

  // Remembered per person, not per browser: a new session starts on the other desk.
  const again = await signedInAs(TWO_DESKS_USER);
  await again.goto("/articles");
  await expect(again.getByTestId("workspace-switcher").getByLabel("Workspace").locator("option:checked")).toHaveText(
    "Other desk (Editor)",
  );
  await expect(again.getByRole("link", { name: "Other desk article" })).toBeVisible();

  // On a phone the switcher fits the header: nothing scrolls sideways.
  await again.setViewportSize({ width: 390, height: 844 });
  await expect(again.getByTestId("workspace-switcher")).toBeVisible();
  expect(await again.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
