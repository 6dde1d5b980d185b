import { expect, test } from "./fixtures";

// #16's smaller layout findings, measured: checkboxes at their natural size (they once stretched to
// the full width of a text field), cards and the table on the Articles page keeping their distance,
// and its "Add an article" link drawn as the primary button it is meant to be.

test("checkboxes keep their natural size beside their labels", async ({ pageAs }) => {
  const page = await pageAs("admin");
  for (const [path, name] of [
    ["/articles", "Changes requested"], // the export card's status choices
    ["/admin/people", "Reviewers may add and revise articles"],
  ]) {
    await page.goto(path);
    const checkbox = page.getByRole("checkbox", { name, exact: true });
    await expect(checkbox).toBeVisible();
    const box = (await checkbox.boundingBox())!;
    expect(Math.max(box.width, box.height), name).toBeLessThanOrEqual(24);
  }
});

test("the Articles page's export card does not touch the list above it", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/articles");
  const card = page.locator("section.card", { has: page.getByRole("heading", { name: "Export" }) });
  await expect(card).toBeVisible();
  const gap = await card.evaluate((element) => {
    const previous = element.previousElementSibling!;
    return element.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
  });
  expect(gap, "space between the export card and what precedes it").toBeGreaterThanOrEqual(16);
});

test("the Articles page's table does not sit flush under the filter row", async ({ pageAs }) => {
  const page = await pageAs("editor");
  await page.goto("/articles");
  const filters = (await page.getByRole("search", { name: "Article search and filters" }).boundingBox())!;
  const table = (await page.locator("main table.list").boundingBox())!;
  expect(table.y - (filters.y + filters.height), "space between the filters and the table").toBeGreaterThanOrEqual(12);
});

test("the Articles page's main action is drawn as a primary button, not as an underlined link in a box", async ({
  pageAs,
}) => {
  const page = await pageAs("editor");
  await page.goto("/articles");
  const add = page.getByRole("link", { name: "Add an article" });
  const look = await add.evaluate((element) => {
    const style = getComputedStyle(element);
    return { background: style.backgroundColor, color: style.color, underline: style.textDecorationLine };
  });
  expect(look).toEqual({ background: "rgb(11, 92, 173)", color: "rgb(255, 255, 255)", underline: "none" });
});
