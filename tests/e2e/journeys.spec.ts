import { expect, storageStateOf, test, watch, type Page, type Role, untilInteractive } from "./fixtures";
import { highlights, panel } from "./annotating";
import { selectWithRange } from "./selection";
import { createArticle } from "./article-setup";

// Done-means of #16: the annotate and review journeys on a phone (390 × 844) and a tablet
// (1024 × 768), both touch screens, every step a tap. Headless Chromium has no long-press word
// selection, so the selection itself is made as the platform's handles leave it (a DOM range
// after a tap on the text); the Annotate toolbar must then open and take a tap.

const DEVICES = [
  { name: "phone", viewport: { width: 390, height: 844 }, isMobile: true },
  { name: "tablet", viewport: { width: 1024, height: 768 }, isMobile: false },
];

for (const device of DEVICES) {
  test(`${device.name}: a reviewer annotates by touch and submits, an editor approves from the queue`, async ({
    browser,
    apiAs,
    pageProblems,
  }) => {
    const open = async (role: Role): Promise<Page> => {
      const context = await browser.newContext({
        storageState: storageStateOf(role),
        viewport: device.viewport,
        hasTouch: true,
        isMobile: device.isMobile,
      });
      const page = await context.newPage();
      watch(page, pageProblems);
      return page;
    };
    const quote = "handled 3 million containers";
    const claim = `The harbour handled 3 million containers (${device.name})`;
    const id = await createArticle(await apiAs("editor"), `Journey on a ${device.name}`, [
      "The harbour handled 3 million containers last year, the minister said.",
      "Wages rose 4% across the docks, and the new crane arrived in March.",
    ]);

    const reviewer = await open("reviewer");
    await reviewer.goto(`/articles/${id}`);
    const body = reviewer.getByTestId("article-body");
    await untilInteractive(reviewer);
    const box = (await body.boundingBox())!;
    await reviewer.touchscreen.tap(box.x + 40, box.y + 30);
    await selectWithRange(reviewer, quote);
    const toolbar = reviewer.getByRole("toolbar", { name: "Selection" });
    await expect(toolbar).toBeInViewport();
    await toolbar.getByRole("button", { name: /Annotate/ }).tap();

    const form = panel(reviewer).getByRole("form", { name: "New annotation" });
    await expect(form.getByTestId("quoted-span")).toHaveText(quote);
    await form.getByLabel("Claim", { exact: true }).fill(claim);
    await form.locator("label.verdict-option", { hasText: "Mostly true" }).tap();
    await expect(form.getByRole("radio", { name: /Mostly true/ })).toBeChecked();
    await form.getByLabel("Rationale").fill("Port statistics, table 2.");
    await form.getByRole("button", { name: "Save" }).tap();
    const detail = reviewer.getByTestId("annotation-detail");
    await expect(detail.getByRole("heading", { name: claim })).toBeVisible();
    await expect(highlights(reviewer, "3 million")).toHaveCount(1);
    await reviewer.getByTestId("review-status").getByRole("button", { name: "Submit for review" }).tap();
    await expect(reviewer.getByTestId("review-status")).toContainText("Status: Submitted");
    expect(
      await reviewer.evaluate(() => document.documentElement.scrollWidth),
      "no sideways scroll",
    ).toBeLessThanOrEqual(device.viewport.width);

    const editor = await open("editor");
    await editor.goto("/review");
    const item = editor.getByTestId("queue-item").filter({ hasText: claim });
    await expect(item).toBeVisible();
    await item.getByRole("button", { name: /Approve/ }).tap();
    await expect(editor.getByTestId("queue-item").filter({ hasText: claim })).toHaveCount(0);
    expect(await editor.evaluate(() => document.documentElement.scrollWidth), "no sideways scroll").toBeLessThanOrEqual(
      device.viewport.width,
    );

    // The article's own page agrees.
    await reviewer.reload();
    await expect(reviewer.getByTestId("review-status")).toContainText("Status: Approved");
  });
}
