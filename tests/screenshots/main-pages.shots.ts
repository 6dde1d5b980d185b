import { fileURLToPath } from "node:url";
import { DEMO_ARTICLE_TITLE, expect, test, type Page } from "../e2e/fixtures";
import { annotateOverApi } from "../e2e/article-setup";

// Writes docs/screenshots/*.png for the README. Small on purpose: CSS pixels, one screen each.

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const out = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));

async function shoot(page: Page, name: string, size = DESKTOP) {
  await page.setViewportSize(size);
  // No caret or focus ring caught mid-blink, no smooth scroll half done.
  await page.addStyleTag({
    content:
      "*, *::before, *::after { caret-color: transparent !important; animation: none !important; transition: none !important; " +
      "scroll-behavior: auto !important; }",
  });
  await page.screenshot({ path: out(name), scale: "css" });
}

test("screenshots of the main pages", async ({ pageAs }) => {
  test.setTimeout(120_000);
  const editor = await pageAs("editor");
  await editor.goto("/articles");
  const path = (await editor.getByRole("link", { name: DEMO_ARTICLE_TITLE }).getAttribute("href"))!;
  const id = path.split("/").pop()!;
  const checks: [string, string, string][] = [
    ["will not have a “formal” meeting", "Trump will not meet Putin formally at APEC", "true"],
    ["scheduling conflicts on both sides", "Scheduling conflicts on both sides prevented a meeting", "unverifiable"],
    ["“likelihood is great”", "The Kremlin said a one-on-one meeting was likely", "mostly-true"],
  ];
  const ids: string[] = [];
  for (const [quote, claim, verdict] of checks)
    ids.push(await annotateOverApi(editor.request, id, quote, { claim, verdict }));
  // Two of them wait in the review queue.
  for (const annotation of ids.slice(0, 2)) {
    const submitted = await editor.request.post(`/api/annotations/${annotation}/status`, {
      data: { status: "SUBMITTED", version: 1 },
    });
    expect(submitted.status()).toBe(200);
  }

  await editor.setViewportSize(DESKTOP);
  await editor.goto("/articles");
  await shoot(editor, "articles");
  await editor.goto(`${path}?annotation=${ids[0]}`);
  await expect(editor.getByTestId("annotation-detail")).toBeVisible();
  await shoot(editor, "article");
  await editor.goto("/review");
  await expect(editor.locator("main")).toBeVisible();
  await shoot(editor, "review-queue");

  const reviewer = await pageAs("reviewer");
  await reviewer.setViewportSize(PHONE);
  await reviewer.goto(path);
  await expect(reviewer.getByTestId("article-body")).toBeVisible();
  await shoot(reviewer, "article-phone", PHONE);

  const desk = await pageAs("dashboardEditor");
  await desk.setViewportSize(DESKTOP);
  await desk.goto("/dashboard");
  await expect(desk.locator("svg.recharts-surface").first()).toBeVisible();
  await shoot(desk, "dashboard");
  await desk.goto("/agreement");
  await shoot(desk, "agreement");
});
