import { expect, test, watch } from "./fixtures";

// The fixtures' guard must see what it is there to catch, or every other spec's silence means nothing.
test("the page guard records a CSP violation, an uncaught error and a dialog", async ({ browser }) => {
  const page = await browser.newPage();
  const problems: string[] = [];
  watch(page, problems);
  await page.goto("/login");
  // Markup with an inline handler, as a stored payload would bring: the CSP blocks the handler
  // and Chromium says so on the console ("Executing inline event handler violates…").
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="/favicon-missing.png" onerror="window.__ran = true">`;
    document.body.append(holder);
  });
  await expect.poll(() => problems.filter((p) => p.startsWith("CSP violation")).length).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  await page.evaluate(() =>
    setTimeout(() => {
      throw new Error("boom");
    }),
  );
  await page.evaluate(() => setTimeout(() => alert("hello")));
  await expect.poll(() => problems.length).toBe(3);
  expect(problems[1]).toMatch(/^uncaught error on .*: boom$/);
  expect(problems[2]).toMatch(/^alert dialog on .*: hello$/);
  await page.close();
});
