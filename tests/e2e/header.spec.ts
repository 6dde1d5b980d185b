import { expect, test } from "./fixtures";

// #16: the admin header (eight links, the workspace, the account controls) fits one row at 1440 px.

test("an admin's header is one row at 1440 px", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/articles");
  const header = page.locator("header.app-header");
  const items = [
    header.getByRole("link", { name: "Factmark" }),
    header.getByRole("link", { name: "API tokens" }),
    header.getByRole("button", { name: "Sign out everywhere" }),
  ];
  const middles = await Promise.all(
    items.map(async (item) => ((b) => b.y + b.height / 2)((await item.boundingBox())!)),
  );
  for (const middle of middles) expect(Math.abs(middle - middles[0]), "on the brand's row").toBeLessThan(6);
  expect((await header.boundingBox())!.height).toBeLessThan(70);
});
