import type { AnnotationSummary } from "@/lib/annotations/view";
import type { RangeIndex } from "@/lib/anchoring/range-index";

/**
 * Paints highlights with the CSS Custom Highlight API (#15): DOM Ranges over the article's text
 * nodes, registered in `CSS.highlights` and styled by `::highlight()` rules, so the browser draws
 * them without a single element added and Slate's leaves stay whole. The look is the marks' look
 * (app/globals.css): the innermost annotation's verdict colour as background and underline;
 * where annotations overlap, a darker background and a double underline in the outermost one's
 * colour; a dashed underline when a placement needs checking.
 */

const NAME = "factmark-hl";
const HEX = /^#[0-9a-f]{3,8}$/i;

/** Whether this browser can paint CSS highlights (Chromium 105+, Safari 17.2+, Firefox 140+). */
export function canPaintHighlights(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

/** A text node of the article and where it starts in the canonical text. */
export type PaintedText = { node: Text; start: number };

type Look = { inner: string; outer: string; multi: boolean; check: boolean };

function rule(name: string, look: Look): string {
  const colour = (c: string) => (HEX.test(c) ? c : "#888888");
  const [inner, outer] = [colour(look.inner), colour(look.outer)];
  const background = `color-mix(in srgb, ${inner} ${look.multi ? 40 : 24}%, transparent)`;
  const underline = `underline ${look.multi ? "double 3px" : `${look.check ? "dashed" : "solid"} 2px`} ${look.multi ? outer : inner}`;
  return `::highlight(${name}) { background-color: ${background}; text-decoration: ${underline}; text-underline-offset: 3px; }`;
}

/**
 * Registers the highlights of `index` over `texts` (one Range per segment of text where the same
 * annotations overlap, grouped by look) and returns the function that removes them again.
 */
export function paintHighlights(
  texts: PaintedText[],
  index: RangeIndex,
  byId: Map<string, AnnotationSummary>,
): () => void {
  const groups = new Map<string, { look: Look; ranges: Range[] }>();
  for (const { node, start } of texts) {
    for (const segment of index.query(start, start + node.data.length)) {
      const covering = segment.ids.map((id) => byId.get(id)).filter((a): a is AnnotationSummary => Boolean(a));
      if (covering.length === 0) continue;
      const sorted = [...covering].sort((a, b) => a.end - a.start - (b.end - b.start));
      const look = {
        inner: sorted[0].verdict.color,
        outer: sorted[sorted.length - 1].verdict.color,
        multi: covering.length > 1,
        check: covering.some((a) => a.placement === "NEEDS_CHECK"),
      };
      const key = JSON.stringify(look);
      const range = new Range();
      range.setStart(node, segment.start - start);
      range.setEnd(node, segment.end - start);
      (groups.get(key) ?? groups.set(key, { look, ranges: [] }).get(key)!).ranges.push(range);
    }
  }
  const names: string[] = [];
  const rules: string[] = [];
  for (const { look, ranges } of groups.values()) {
    const name = `${NAME}-${names.length}`;
    const highlight = new Highlight(...ranges);
    // Overlaps draw over single highlights where their ranges touch.
    highlight.priority = look.multi ? 1 : 0;
    CSS.highlights.set(name, highlight);
    names.push(name);
    rules.push(rule(name, look));
  }
  const style = document.createElement("style");
  style.textContent = rules.join("\n");
  document.head.append(style);
  return () => {
    for (const name of names) CSS.highlights.delete(name);
    style.remove();
  };
}
