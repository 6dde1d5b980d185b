import { SCALE_ADMIN, expect, test, type Page } from "./fixtures";
import { DEFAULT_VERDICT_OPTIONS } from "../../lib/verdicts/default-scale";

// Reordering the verdict scale (#16): drag a row's handle (mouse or finger), or move it with the
// arrow keys on the handle; the order is saved at once and a stale page is told to reload.

const keys = (page: Page) => page.locator("table.scale-options tbody tr code").allTextContents();
const handleOf = (page: Page, key: string) => page.getByTestId(`option-${key}`).locator(".drag-handle");
/** Opens (or reloads) the scale page and waits until its rows answer a drag. */
async function ready(page: Page, load: () => Promise<unknown>) {
  await load();
  await page.locator("table.scale-options[data-interactive='true']").waitFor();
}

/** Centre of an element, in viewport pixels. */
async function centre(page: Page, selector: ReturnType<Page["locator"]>) {
  const box = (await selector.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test(
  "an admin reorders verdicts by keyboard, mouse and touch; keys pressed during a save wait for it; " +
    "the order holds after a reload, and a stale page gets a conflict",
  async ({ signedInAs }) => {
    const page = await signedInAs(SCALE_ADMIN);
    // Tall enough that every row is on screen: a pointer outside the viewport reaches no element.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await ready(page, () => page.goto("/admin/scale"));
    // The desk starts with the default scale.
    expect(await keys(page)).toEqual(DEFAULT_VERDICT_OPTIONS.map((option) => option.key));

    // Keyboard, with each save held back half a second by the network, so the second key is
    // pressed while the first save is under way: it moves the row at once and is saved after it.
    await page.route("**/admin/scale", async (route) => {
      if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    const mixed = page.getByRole("button", { name: /^Reorder Mixed/ });
    await mixed.focus();
    await page.keyboard.press("ArrowUp");
    await expect(page.locator("table.scale-options")).toHaveAttribute("aria-busy", "true");
    await page.keyboard.press("ArrowUp");
    expect((await keys(page))[0], "the second key moved the row at once, while the first save ran").toBe("mixed");
    await expect(page.getByRole("status").filter({ hasText: "Moved “Mixed” to place 1 of 7." })).toBeVisible();
    await expect(page.locator("table.scale-options")).toHaveAttribute("aria-busy", "false");
    await expect(mixed).toBeFocused();
    await page.unroute("**/admin/scale");
    await ready(page, () => page.reload());
    expect(await keys(page)).toEqual([
      "mixed",
      "true",
      "mostly-true",
      "misleading",
      "mostly-false",
      "false",
      "unverifiable",
    ]);

    // Mouse: the "Unverifiable" handle dragged onto the second row; a line shows where it lands.
    await expect(handleOf(page, "unverifiable")).toBeInViewport();
    const from = await centre(page, handleOf(page, "unverifiable"));
    const onto = await centre(page, page.getByTestId("option-true"));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(onto.x, onto.y, { steps: 12 });
    await expect(page.getByTestId("option-true")).toHaveClass(/drop-before/);
    await expect(page.getByTestId("option-unverifiable")).toHaveClass(/dragging/);
    await page.mouse.up();
    await expect(page.getByRole("status").filter({ hasText: "Moved “Unverifiable” to place 2 of 7." })).toBeVisible();

    // Touch: a finger drags the "Misleading" handle below the last row (the page does not scroll instead).
    const finger = await page.context().newCDPSession(page);
    const start = await centre(page, handleOf(page, "misleading"));
    const last = (await page.getByTestId("option-false").boundingBox())!;
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await finger.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let step = 1; step <= 10; step++) {
      const y = start.y + ((last.y + last.height + 20 - start.y) * step) / 10;
      await finger.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: start.x, y }] });
    }
    await expect(page.getByTestId("option-false")).toHaveClass(/drop-after/);
    await finger.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await expect(page.getByRole("status").filter({ hasText: "Moved “Misleading” to place 7 of 7." })).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    await expect(page.locator("table.scale-options")).toHaveAttribute("aria-busy", "false");
    await ready(page, () => page.reload());
    expect(await keys(page)).toEqual([
      "mixed",
      "unverifiable",
      "true",
      "mostly-true",
      "mostly-false",
      "false",
      "misleading",
    ]);

    // Another tab changes the scale; this one, still showing the old version, is refused and keeps the server's order.
    const other = await page.context().newPage();
    await ready(other, () => other.goto("/admin/scale"));
    await other.getByRole("button", { name: /^Reorder False/ }).focus();
    await other.keyboard.press("ArrowUp");
    await expect(other.getByRole("status").filter({ hasText: "Moved “False” to place 5 of 7." })).toBeVisible();
    await page.getByRole("button", { name: /^Reorder Mixed/ }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(
      page.getByRole("status").filter({ hasText: "The verdict scale changed since you loaded it" }),
    ).toBeVisible();
    await page.reload();
    expect(await keys(page)).toEqual([
      "mixed",
      "unverifiable",
      "true",
      "mostly-true",
      "false",
      "mostly-false",
      "misleading",
    ]);
  },
);
