import { decodeHTML } from "entities";
import { lexer, type Token, type Tokens } from "marked";
import type { ArticleValue, TextLeaf } from "../slate-value";
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
          inline(
            (token as Tokens.Paragraph).tokens ?? [{ type: "text", raw: token.raw, text: (token as Tokens.Text).text }],
            {},
          );
          builder.close();
          break;
        case "blockquote":
          blocks((token as Tokens.Blockquote).tokens, true);
          break;
        case "list": {
          const list = token as Tokens.List;
          list.items.forEach((item, i) => {
            builder.open({
              type: "list-item",
              ordered: list.ordered,
              ...(list.ordered ? { number: (list.start === "" ? 1 : Number(list.start)) + i } : {}),
            });
            for (const child of item.tokens) {
              if (child.type === "list") blocks([child], inQuote);
              else if (child.type === "text" || child.type === "paragraph")
                inline(
                  (child as Tokens.Text).tokens ?? [
                    { type: "text", raw: child.raw, text: (child as Tokens.Text).text },
                  ],
                  {},
                );
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
        droppedElement = droppedElement
          ? closesElement(token.raw, droppedElement)
            ? null
            : droppedElement
          : opensDroppedElement(token.raw);
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
const DROPPED_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "noscript",
  "template",
  "textarea",
  "title",
  "svg",
  "math",
  "object",
]);

function opensDroppedElement(raw: string): string | null {
  const name = /^<([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>$/.exec(raw.trim());
  if (!name || name[2]) return null;
  const element = name[1].toLowerCase();
  return DROPPED_WITH_CONTENT.has(element) ? element : null;
}

const closesElement = (raw: string, element: string) => raw.trim().toLowerCase().startsWith(`</${element}`);

/**
 * The body as Markdown that `readMarkdown` reads back to the same blocks and marks, so a revision
 * can start from the current text without flattening it. Text is escaped where Markdown would
 * read it as markup (emphasis, links, autolinks, entities, HTML, block markers at a line's start);
 * a line break inside a block is a hard break (`\` at the line's end). What Markdown cannot say is
 * written as near as it can: a line break in a heading becomes a space, and whitespace at the edge
 * of a bold, italic or link span moves outside it.
 */
export function writeMarkdown(value: ArticleValue): string {
  let out = "";
  value.forEach((block, i) => {
    const previous = value[i - 1];
    if (i > 0) out += sameList(previous, block) ? "\n" : "\n\n";
    if (block.type === "heading") {
      const text = writeInline(
        block.children.map((leaf) => ({ ...leaf, text: leaf.text.replace(/\r?\n|\r/g, " ") })),
        "",
      );
      out += `${"#".repeat(block.level)} ${text.replace(/(?<!\\)#$/, "\\#")}`; // a `#` at the end would read as a closing sequence
    } else if (block.type === "quote") {
      out += `> ${writeInline(block.children, "> ")}`;
    } else if (block.type === "list-item") {
      const marker = block.ordered ? `${block.number ?? 1}${orderedDelimiter(value, i)}` : "-";
      out += `${marker} ${writeInline(block.children, " ".repeat(marker.length + 1))}`;
    } else {
      out += writeInline(block.children, "");
    }
  });
  return `${out}\n`;
}

/** Consecutive items of one list go on consecutive lines; an ordered item continues the list only when its number follows on. */
function sameList(previous: ArticleValue[number] | undefined, block: ArticleValue[number]): boolean {
  if (previous?.type !== "list-item" || block.type !== "list-item" || previous.ordered !== block.ordered) return false;
  return !block.ordered || (block.number ?? 1) === (previous.number ?? 1) + 1;
}

/** An ordered list that does not follow on from the one just before it switches between `.` and `)`, which starts a new list. */
function orderedDelimiter(value: ArticleValue, i: number): "." | ")" {
  let delimiter: "." | ")" = ".";
  for (let j = 1; j <= i; j++) {
    const [previous, block] = [value[j - 1], value[j]];
    if (
      block.type === "list-item" &&
      block.ordered &&
      previous.type === "list-item" &&
      previous.ordered &&
      !sameList(previous, block)
    ) {
      delimiter = delimiter === "." ? ")" : ".";
    } else if (!(block.type === "list-item" && block.ordered)) delimiter = ".";
  }
  return delimiter;
}

/** Leaves as inline Markdown: link runs hold bold runs, which hold italic runs; `indent` starts each line after a hard break. */
function writeInline(leaves: TextLeaf[], indent: string): string {
  const runs = (items: TextLeaf[], key: (leaf: TextLeaf) => string | boolean | undefined) => {
    const groups: TextLeaf[][] = [];
    for (const leaf of items) {
      const last = groups[groups.length - 1];
      if (last && key(last[0]) === key(leaf)) last.push(leaf);
      else groups.push([leaf]);
    }
    return groups;
  };
  const italicRuns = (items: TextLeaf[]) =>
    runs(items, (leaf) => !!leaf.italic).map((run) =>
      wrap(run.map((leaf) => escapeText(leaf.text)).join(""), run[0].italic ? [ITALIC_OPEN, ITALIC_CLOSE] : null),
    );
  const boldRuns = (items: TextLeaf[]) =>
    runs(items, (leaf) => !!leaf.bold).map((run) => wrap(italicRuns(run).join(""), run[0].bold ? ["**", "**"] : null));
  let out = "";
  for (const run of runs(leaves, (leaf) => leaf.link)) {
    // A `!` just before a link's `[` would make it an image.
    if (run[0].link && out.endsWith("!")) out = `${out.slice(0, -1)}\\!`;
    out += wrap(boldRuns(run).join(""), run[0].link ? ["[", `](${linkDestination(run[0].link)})`] : null);
  }
  return lineStarts(italicDelimiters(out), indent);
}

const ITALIC_OPEN = "\uE000";
const ITALIC_CLOSE = "\uE001";

/**
 * Italic is `_` where the letters around allow it (`_` does not work inside a word), which keeps it
 * apart from the `**` of bold next to it ("*a***b**" would not read back); `*` otherwise.
 */
function italicDelimiters(inline: string): string {
  return inline.replace(/\uE000([^\uE001]*)\uE001/g, (_match, inner: string, at: number, whole: string) => {
    // Looking past the `**` of a bold span around it, whose own flanking depends on the same letters.
    const before = whole.slice(0, at).replace(/\*+$/, "").slice(-1);
    const after = whole
      .slice(at + inner.length + 2)
      .replace(/^\*+/, "")
      .slice(0, 1);
    const delimiter = [before, after].every((c) => c === "" || /[\s!-/:-@[-`{-~]/.test(c)) ? "_" : "*";
    return `${delimiter}${inner}${delimiter}`;
  });
}

/** Delimiters around the span, with whitespace at its edges moved outside (Markdown's flanking rules would not close it otherwise). */
function wrap(text: string, delimiters: [string, string] | null): string {
  if (!delimiters) return text;
  const [, before, inner, after] = /^((?:[ \t]|\\\n)*)([\s\S]*?)((?:[ \t]|\\\n)*)$/.exec(text)!;
  return inner ? `${before}${delimiters[0]}${inner}${delimiters[1]}${after}` : text;
}

function linkDestination(href: string): string {
  return /[\s<>]/.test(href)
    ? `<${href.replace(/[\\<>]/g, (c) => `\\${c}`).replace(/\n/g, "%0A")}>`
    : href.replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * Escapes within a line: characters of inline markup always, `&` where it could start an entity,
 * and what would make an autolink (GFM links bare URLs, www. addresses and e-mail addresses).
 * Line breaks become hard breaks; a carriage return, which Markdown reads as a line ending, an entity.
 */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/&(?=[#A-Za-z0-9])/g, "\\&")
    .replace(/!(?=\\\[)/g, "\\!") // marked reads `!\[` inside link text as an image
    .replace(/\\\](?=\()/g, "\\]\\") // and `\](` as the end of the link text
    .replace(/(https?|ftp)(?=:\/\/)/gi, "$1\\")
    .replace(/(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "\\\n");
}

/**
 * What starts a line (the block's first, and each after a hard break) is escaped where Markdown
 * would read a block marker (heading, quote, list, rule, setext underline, fence, HTML), and
 * whitespace at either end, which Markdown strips (or at the start reads as code), as entities.
 */
function lineStarts(inline: string, indent: string): string {
  return inline
    .split("\\\n")
    .map((line) =>
      line
        .replace(/^\s+|\s+$/g, (spaces) => [...spaces].map((c) => `&#${c.codePointAt(0)};`).join(""))
        .replace(/^([#>+=:-])/, "\\$1") // `:` and `-` could start a table's delimiter row
        .replace(/^(\d{1,9})([.)])/, "$1\\$2"),
    )
    .join(`\\\n${indent}`);
}
