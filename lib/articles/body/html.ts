import { parse, type DefaultTreeAdapterTypes as T } from "parse5";
import type { ArticleValue } from "../slate-value";
import { BlockBuilder, type Marks } from "./builder";

/**
 * Pasted or uploaded HTML, parsed by parse5 (the WHATWG algorithm browsers use, so broken markup
 * is repaired the same way) and reduced to our blocks. Nothing of it is ever rendered as HTML:
 * - paragraphs, headings (h1–h2 → level 2, h3–h6 → level 3), block quotes and list items become
 *   blocks; other block containers (div, section, article, td...) just separate their text;
 * - b/strong and i/em become marks, a[href] a link mark when http(s) or mailto, br a line break;
 * - scripts, styles, iframes, images, media, forms and the like are dropped with their content;
 *   other unknown elements are unwrapped (their text stays); attributes, event handlers included,
 *   are never read except href.
 * Runs of ASCII whitespace collapse to one space as a browser shows them; no-break spaces,
 * emoji, curly quotes and combining marks stay exactly as given.
 */
const DROPPED = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "img",
  "picture",
  "video",
  "audio",
  "source",
  "track",
  "svg",
  "math",
  "canvas",
  "noscript",
  "template",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "option",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "map",
  "area",
  "dialog",
  "slot",
  "portal",
]);
const BLOCK_CONTAINERS = new Set([
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "figure",
  "figcaption",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
  "dl",
  "dt",
  "dd",
  "address",
  "details",
  "summary",
  "center",
  "hr",
  "pre",
  "body",
  "html",
]);

export function readHtml(body: string): ArticleValue {
  const builder = new BlockBuilder();
  const walk = (
    node: T.ChildNode | T.Document,
    marks: Marks,
    context: { quote: boolean; list?: { ordered: boolean; next: number } },
  ) => {
    if (node.nodeName === "#text") {
      const text = (node as T.TextNode).value.replace(/[ \t\n\r\f]+/g, " ");
      builder.text(builder.endsWithSpace() && text.startsWith(" ") ? text.slice(1) : text, marks);
      return;
    }
    if (!("childNodes" in node)) return; // comments, doctype
    const name = node.nodeName;
    if (DROPPED.has(name)) return;
    const children = (childMarks: Marks, childContext = context) => {
      for (const child of (name === "template" ? [] : node.childNodes) as T.ChildNode[])
        walk(child, childMarks, childContext);
    };
    if (name === "p") {
      builder.open(context.quote ? { type: "quote" } : { type: "paragraph" });
      children(marks);
      builder.close();
    } else if (/^h[1-6]$/.test(name)) {
      builder.open({ type: "heading", level: Number(name[1]) <= 2 ? 2 : 3 });
      children(marks);
      builder.close();
    } else if (name === "blockquote") {
      builder.open({ type: "quote" });
      children(marks, { ...context, quote: true });
      builder.close();
    } else if (name === "ul" || name === "ol") {
      builder.close();
      const start = Number(attribute(node as T.Element, "start") ?? 1);
      children(marks, { ...context, list: { ordered: name === "ol", next: Number.isInteger(start) ? start : 1 } });
      builder.close();
    } else if (name === "li") {
      const list = context.list ?? { ordered: false, next: 1 };
      builder.open({ type: "list-item", ordered: list.ordered, ...(list.ordered ? { number: list.next++ } : {}) });
      children(marks, { ...context, list: undefined });
      builder.close();
    } else if (BLOCK_CONTAINERS.has(name) || name === "#document") {
      builder.close();
      children(marks);
      builder.close();
    } else if (name === "br") {
      builder.text("\n", marks);
    } else if (name === "b" || name === "strong") {
      children({ ...marks, bold: true });
    } else if (name === "i" || name === "em") {
      children({ ...marks, italic: true });
    } else if (name === "a") {
      const href = attribute(node as T.Element, "href")?.trim();
      children(href ? { ...marks, link: href } : marks);
    } else {
      children(marks);
    }
  };
  walk(parse(body), {}, { quote: false });
  return builder.value();
}

const attribute = (element: T.Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
