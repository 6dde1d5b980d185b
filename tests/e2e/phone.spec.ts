import { expect, test, type Page } from "./fixtures";
import { highlights, panel, saveAnnotation } from "./annotating";
import { selectWithRange } from "./selection";

// A phone (390 × 844): the article first at full width, the panel below it, the header's links
// behind a Menu button, and no page that scrolls sideways.

const PHONE = { width: 390, height: 844 };

async function noSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, `${path} is wider than the screen`).toBeLessThanOrEqual(widths.screen);
}

test("on a phone a reviewer reads the article at full width, annotates it and reaches the menu", async ({
  pageAs,
  apiAs,
}) => {
  const editor = await apiAs("editor");
  const body = [
    "The harbour handled 3 million containers last year, the minister said.",
    "Wages rose 4% across the docks.",
  ].join("\n\n");
  const created = await editor.post("/api/articles", {
    data: { title: `On the phone ${Date.now()}`, format: "text", body },
  });
  const { id } = await created.json();

  const page = await pageAs("reviewer");
  await page.setViewportSize(PHONE);
  await page.goto(`/articles/${id}`);
  const article = page.getByTestId("article-body");
  const text = (await article.boundingBox())!;
  expect(text.width).toBeGreaterThan(PHONE.width - 60);
  // The panel is a section below the article, not a column beside it.
  expect((await panel(page).boundingBox())!.y).toBeGreaterThanOrEqual(text.y + text.height);

  await selectWithRange(page, "3 million containers");
  await page.getByRole("button", { name: /Annotate/ }).click();
  await saveAnnotation(page, { claim: "The harbour handled 3 million containers", verdictKey: "1" });
  await expect(highlights(page, "3 million containers")).toHaveCount(1);

  // The header's links wait behind Menu; opened, Sign out is on screen.
  const signOut = page.getByRole("button", { name: "Sign out", exact: true });
  await expect(signOut).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(signOut).toBeInViewport({ ratio: 1 });
  await page.getByRole("link", { name: "My work" }).click();
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");

  for (const path of ["/articles", `/articles/${id}`, "/my-work"]) await noSidewaysScroll(page, path);
});

test("on a phone no editor or admin page scrolls sideways", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.setViewportSize(PHONE);
  for (const path of [
    "/review",
    "/dashboard",
    "/agreement",
    "/admin/people",
    "/admin/scale",
    "/admin/tokens",
    "/articles/new",
  ])
    await noSidewaysScroll(page, path);
});
