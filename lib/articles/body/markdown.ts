import { decodeHTML } from "entities";
import { lexer, type Token, type Tokens } from "marked";
import type { ArticleValue } from "../slate-value";
import { BlockBuilder, type Marks } from "./builder";

/**
 * Markdown (CommonMark/GFM, read by marked's lexer, never rendered to HTML): headings, paragraphs,
 * block quotes and lists become blocks; emphasis, strong and links become marks; code keeps its
 * text; raw HTML (blocks, and inline tags with the content of scripts, styles and the like) and
 * images are dropped. A soft line break is a space, as Markdown renders it.
 */
const softBreaks = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, " ");

export function readMarkdown(body: string): ArticleValue {
  const builder = new BlockBuilder();
  const blocks = (tokens: Token[], inQuote: boolean) => {
    for (const token of tokens) {
      switch (token.type) {
        case "heading":
          builder.open({ type: "heading", level: (token as Tokens.Heading).depth <= 2 ? 2 : 3 });
          inline((token as Tokens.Heading).tokens, {});
          builder.close();
          break;
        case "paragraph":
        case "text":
          builder.open(inQuote ? { type: "quote" } : { type: "paragraph" });
          inline((token as Tokens.Paragraph).tokens ?? [{ type: "text", raw: token.raw, text: (token as Tokens.Text).text }], {});
          builder.close();
          break;
        case "blockquote":
          blocks((token as Tokens.Blockquote).tokens, true);
          break;
        case "list": {
          const list = token as Tokens.List;
          list.items.forEach((item, i) => {
            builder.open({ type: "list-item", ordered: list.ordered, ...(list.ordered ? { number: Number(list.start || 1) + i } : {}) });
            for (const child of item.tokens) {
              if (child.type === "list") blocks([child], inQuote);
              else if (child.type === "text" || child.type === "paragraph") inline((child as Tokens.Text).tokens ?? [{ type: "text", raw: child.raw, text: (child as Tokens.Text).text }], {});
              else if (child.type === "code") builder.text((child as Tokens.Code).text);
              // html (a raw HTML block, e.g. "- <script>…</script>"), space, hr, table: nothing to keep
            }
            builder.close();
          });
          break;
        }
        case "code":
          builder.open(inQuote ? { type: "quote" } : { type: "paragraph" });
          builder.text((token as Tokens.Code).text);
          builder.close();
          break;
        default:
          // space, hr, html (raw HTML is never trusted), table, def: nothing to keep as text
          break;
      }
    }
  };
  const inline = (tokens: Token[], marks: Marks) => {
    let droppedElement: string | null = null; // inside <script>…</script> inline: its text goes too
    for (const token of tokens) {
      if (token.type === "html") {
        droppedElement = droppedElement ? (closesElement(token.raw, droppedElement) ? null : droppedElement) : opensDroppedElement(token.raw);
        continue;
      }
      if (droppedElement) continue;
      switch (token.type) {
        case "strong":
          inline((token as Tokens.Strong).tokens, { ...marks, bold: true });
          break;
        case "em":
          inline((token as Tokens.Em).tokens, { ...marks, italic: true });
          break;
        case "del":
          inline((token as Tokens.Del).tokens, marks);
          break;
        case "link":
          inline((token as Tokens.Link).tokens, { ...marks, link: (token as Tokens.Link).href });
          break;
        case "text":
          if ((token as Tokens.Text).tokens) inline((token as Tokens.Text).tokens!, marks);
          else builder.text(softBreaks(decodeHTML((token as Tokens.Text).text)), marks);
          break;
        case "escape":
        case "codespan":
          builder.text((token as Tokens.Codespan).text, marks);
          break;
        case "br":
          builder.text("\n", marks);
          break;
        default:
          // image: dropped
          break;
      }
    }
  };
  blocks(lexer(body), false);
  return builder.value();
}

// Elements whose content is not article text (as the HTML reader drops them): when one opens
// inline in Markdown, its text up to the closing tag goes with the tags.
const DROPPED_WITH_CONTENT = new Set(["script", "style", "iframe", "noscript", "template", "textarea", "title", "svg", "math", "object"]);

function opensDroppedElement(raw: string): string | null {
  const name = /^<([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>$/.exec(raw.trim());
  if (!name || name[2]) return null;
  const element = name[1].toLowerCase();
  return DROPPED_WITH_CONTENT.has(element) ? element : null;
}

const closesElement = (raw: string, element: string) => raw.trim().toLowerCase().startsWith(`</${element}`);
