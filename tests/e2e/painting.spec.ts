import { expect, test } from "./fixtures";
import { selectWithRange } from "./selection";
import { highlights, panel } from "./annotating";

// A heavily annotated article (#15): highlights are painted first with the CSS Custom Highlight
// API over unsplit Slate leaves, then the marks (tooltip, screen-reader description, click
// target) replace that painting. The other specs' articles have few annotations and get marks at once.

const SENTENCES = 240;
const sentence = (i: number) => `Claim number ${String(i).padStart(3, "0")} says the budget grew.`;

test("a long article paints its highlights through CSS.highlights first, then renders every mark and drops the painting", async ({
  apiAs,
  pageAs,
}) => {
  const api = await apiAs("editor");
  const created = await api.post("/api/articles", {
    data: {
      title: `Painted ${Date.now()}`,
      format: "text",
      body: Array.from({ length: SENTENCES / 10 }, (_, p) =>
        Array.from({ length: 10 }, (_, i) => sentence(p * 10 + i)).join(" "),
      ).join("\n\n"),
    },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  const items = Array.from({ length: SENTENCES }, (_, i) => ({
    type: "Annotation",
    id: `urn:painting:${i}`,
    body: [{ type: "TextualBody", purpose: "assessing", value: i % 2 ? "false" : "true" }],
    // Every third one overlaps the one before it.
    target: {
      source: "urn:painting",
      selector: {
        type: "TextQuoteSelector",
        exact:
          i % 3 === 2 ? `${String(i - 1).padStart(3, "0")} says the budget` : `number ${String(i).padStart(3, "0")}`,
      },
    },
  }));
  const imported = await api.post(`/api/articles/${id}/import`, {
    data: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationPage", items },
  });
  expect(imported.ok(), await imported.text()).toBe(true);

  const page = await pageAs("reviewer");
  // Count what is registered with CSS.highlights from the first script on.
  await page.addInitScript(() => {
    const w = window as unknown as { __painted: number };
    w.__painted = 0;
    const set = HighlightRegistry.prototype.set;
    HighlightRegistry.prototype.set = function (name, highlight) {
      w.__painted += highlight.size;
      return set.call(this, name, highlight);
    };
  });
  await page.goto(`/articles/${id}`);
  await expect(page.locator("[data-interactive='true']")).toHaveCount(1);
  // Every annotation gets its mark, after which nothing is left painted twice.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Set(
            [...document.querySelectorAll<HTMLElement>("mark[data-annotation-ids]")].flatMap((m) =>
              m.dataset.annotationIds!.split(" "),
            ),
          ).size,
      ),
    )
    .toBe(SENTENCES);
  expect(await page.evaluate(() => (window as unknown as { __painted: number }).__painted)).toBeGreaterThanOrEqual(
    SENTENCES,
  );
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  // Overlaps are marked as such, and a mark opens its annotations.
  await expect(page.locator("mark.highlight-multi").first()).toBeVisible();
  await highlights(page, "number 000").click();
  await expect(page.getByTestId("annotation-detail")).toBeVisible();
  // Selecting still brings the toolbar.
  await selectWithRange(page, "says the budget");
  await expect(page.getByRole("toolbar", { name: "Selection" })).toBeVisible();
  await expect(panel(page)).toBeVisible();
});
