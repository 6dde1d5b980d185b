import { expect, test, type Page } from "./fixtures";

// #16's dashboard findings, measured at 1440 px: every bar of a chart has its label, the article
// titles on "Verdicts per article" do not overlap, and a numbers table wider than its column
// scrolls inside itself instead of being cut off.

/** The screen boxes of a chart's category labels (CategoryTick: a <text> with the full label in its <title>). */
async function tickBoxes(page: Page, chart: string) {
  return page
    .getByTestId(chart)
    .locator("svg.recharts-surface text:has(title)")
    .evaluateAll((texts) =>
      texts.map((text) => {
        const box = text.getBoundingClientRect();
        return { label: text.querySelector("title")!.textContent!, top: box.top, bottom: box.bottom };
      }),
    );
}

test("dashboard charts label every bar without overlap, and wide tables scroll inside themselves", async ({
  pageAs,
}) => {
  const editor = await pageAs("dashboardEditor");
  await editor.setViewportSize({ width: 1440, height: 900 });
  await editor.goto("/dashboard");
  await expect(editor.getByTestId("verdicts").locator("svg.recharts-surface")).toBeVisible();

  // Verdicts: one label per row of its table, none skipped.
  const verdictRows = await editor.getByTestId("verdicts").getByRole("table").locator("tbody th").allTextContents();
  const verdictTicks = await tickBoxes(editor, "verdicts");
  expect(verdictTicks.map((tick) => tick.label)).toEqual(verdictRows.map((row) => row.trim()));

  // Verdicts per article: horizontal bars, one title per row, each line clear of the next.
  const articleRows = await editor.getByTestId("by-article").getByRole("table").locator("tbody th").allTextContents();
  const articleTicks = (await tickBoxes(editor, "by-article")).sort((a, b) => a.top - b.top);
  expect(articleTicks).toHaveLength(articleRows.length);
  for (let i = 1; i < articleTicks.length; i++)
    expect(articleTicks[i].top, `"${articleTicks[i].label}" clear of the title above`).toBeGreaterThanOrEqual(
      articleTicks[i - 1].bottom - 0.5,
    );

  // The numbers tables: a table wider than its column scrolls in its own box, so none is cut off.
  for (const table of await editor.locator("table.counts").all()) {
    const fits = await table.evaluate((element) => {
      const box = element.closest(".table-scroll") as HTMLElement | null;
      const width = element.getBoundingClientRect().width;
      return {
        scrolls: box !== null && getComputedStyle(box).overflowX === "auto",
        width,
        room: (box ?? element.parentElement!).clientWidth,
      };
    });
    expect(fits.scrolls || fits.width <= fits.room, "a table that does not fit scrolls").toBe(true);
  }
  expect(await editor.evaluate(() => document.documentElement.scrollWidth), "no sideways scroll").toBeLessThanOrEqual(
    1440,
  );
});
