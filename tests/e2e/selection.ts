import { untilInteractive } from "./fixtures";
import { expect, type Page } from "@playwright/test";

/** Text nodes of one paragraph of the Slate article, with the paragraph text they make up. */
const locateScript = (quote: string, occurrence: number) => {
  const editor = document.querySelector("[data-slate-editor]")!;
  for (const block of Array.from(editor.querySelectorAll("[data-slate-node='element']"))) {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest("[data-slate-string]") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const text = nodes.map((n) => n.data).join("");
    let index = -1;
    for (let i = 0; i < occurrence; i++) index = text.indexOf(quote, index + 1);
    if (index < 0) continue;
    const at = (offset: number, preferNext: boolean) => {
      let remaining = offset;
      for (const node of nodes) {
        if (remaining < node.data.length || (remaining === node.data.length && !preferNext))
          return { node, offset: remaining };
        remaining -= node.data.length;
      }
      const last = nodes[nodes.length - 1];
      return { node: last, offset: last.data.length };
    };
    const start = at(index, true);
    const end = at(index + quote.length, false);
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    return range;
  }
  throw new Error(`"${quote}" is not in the article`);
};

/** Selects `quote` with a DOM Range, as a script or assistive technology would. */
export async function selectWithRange(page: Page, quote: string, occurrence = 1) {
  await selectRange(page, quote, occurrence, false);
  await expect(page.getByRole("toolbar", { name: "Selection" })).toBeVisible();
}

/**
 * Selects `quote` and presses Ctrl+Alt+M in the same task, so the key is handled before the
 * selectionchange the selection queued: as on a busy main thread, where input goes first.
 */
export async function selectAndPressAnnotateAtOnce(page: Page, quote: string) {
  await selectRange(page, quote, 1, true);
}

async function selectRange(page: Page, quote: string, occurrence: number, pressAnnotate: boolean) {
  await untilInteractive(page);
  await page.evaluate(
    ({ quote, occurrence, script, pressAnnotate }) => {
      const range = new Function("quote", "occurrence", `return (${script})(quote, occurrence)`)(
        quote,
        occurrence,
      ) as Range;
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      if (pressAnnotate)
        document.body.dispatchEvent(
          new KeyboardEvent("keydown", { key: "m", code: "KeyM", ctrlKey: true, altKey: true, bubbles: true }),
        );
    },
    { quote, occurrence, script: locateScript.toString(), pressAnnotate },
  );
}

/** Selects `quote` by dragging the mouse from its first character to its last. */
export async function selectWithMouse(page: Page, quote: string) {
  await untilInteractive(page);
  const points = await page.evaluate(
    ({ quote, script }) => {
      const range = new Function("quote", "occurrence", `return (${script})(quote, occurrence)`)(quote, 1) as Range;
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      const first = rects[0];
      const last = rects[rects.length - 1];
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    { quote, script: locateScript.toString() },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByRole("toolbar", { name: "Selection" })).toBeVisible();
}
