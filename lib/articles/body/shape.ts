import { AppError } from "../../errors";
import type { BodyFormat } from "./parse";

/**
 * Limits checked on the raw text before any parser sees it. marked's lexer is quadratic in
 * emphasis delimiters and exponential-looking in list nesting (1,000 nested list levels took 84 s)
 * and recurses once per block-quote level (5,000 `>` overflow the stack); parse5 builds one level
 * per unclosed element, which our reader then walks recursively. These bounds are far past any
 * real article and cheap to check (one pass over the text).
 */
export const SHAPE_LIMITS = {
  /** Block quotes and list levels on one Markdown line; open elements in HTML. */
  nesting: 32,
  /** Characters of one raw Markdown block (the text between blank lines), markup included. */
  markdownBlockCharacters: 100_000,
  /** Emphasis delimiters (*, _, ~) in one raw Markdown block. */
  markdownDelimiters: 2_000,
} as const;

const tooComplex = (detail: string) => new AppError("BAD_REQUEST", `body: too complex to read: ${detail}`);

export function checkBodyShape(format: BodyFormat, body: string): void {
  if (format === "markdown") checkMarkdownShape(body);
  else if (format === "html") checkHtmlShape(body);
}

function checkMarkdownShape(body: string): void {
  const lines = body.split("\n");
  let blockStart = 0;
  let blockCharacters = 0;
  let delimiters = 0;
  lines.forEach((line, i) => {
    if (/^[ \t>]*$/.test(line)) {
      blockCharacters = 0;
      delimiters = 0;
      blockStart = i + 1;
      return;
    }
    blockCharacters += line.length + 1;
    for (let c = 0; c < line.length; c++) {
      const code = line.charCodeAt(c);
      if (code === 0x2a || code === 0x5f || code === 0x7e) delimiters++;
    }
    if (blockCharacters > SHAPE_LIMITS.markdownBlockCharacters)
      throw tooComplex(
        `the paragraph from line ${blockStart + 1} is over ${SHAPE_LIMITS.markdownBlockCharacters.toLocaleString("en")} characters; split it with blank lines`,
      );
    if (delimiters > SHAPE_LIMITS.markdownDelimiters)
      throw tooComplex(
        `the paragraph from line ${blockStart + 1} has over ${SHAPE_LIMITS.markdownDelimiters.toLocaleString("en")} emphasis marks (*, _ or ~)`,
      );
    const depth = markdownDepth(line);
    if (depth > SHAPE_LIMITS.nesting)
      throw tooComplex(`line ${i + 1} is nested over ${SHAPE_LIMITS.nesting} levels deep (block quotes or lists)`);
  });
}

/** Block-quote markers plus list levels (two columns of indentation each, a tab four) at the start of a line. */
function markdownDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  for (let c = 0; c < line.length; c++) {
    const ch = line[c];
    if (ch === ">") depth++;
    else if (ch === " ") columns++;
    else if (ch === "\t") columns += 4;
    else if ((ch === "-" || ch === "+" || ch === "*") && (line[c + 1] === " " || line[c + 1] === "\t")) depth++;
    else if (/\d/.test(ch)) {
      const marker = /^\d{1,9}[.)][ \t]/.exec(line.slice(c, c + 12));
      if (!marker) break;
      depth++;
      c += marker[0].length - 2;
    } else break;
  }
  return depth + Math.floor(columns / 2);
}

// HTML elements that never hold others (void) or whose end tag may be left out (the next one of
// the same kind closes them): neither makes the tree deeper when left open.
const FLAT = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  "param",
  "keygen",
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
  "tfoot",
  "option",
  "optgroup",
  "rb",
  "rt",
  "rp",
  "colgroup",
  "caption",
  "html",
  "head",
  "body",
]);

/**
 * Open elements at the deepest point, counted from the tags in the text. One forward pass (no
 * regular expression that could backtrack over unclosed tags); comments are skipped.
 */
function checkHtmlShape(body: string): void {
  let depth = 0;
  let at = body.indexOf("<");
  while (at >= 0) {
    if (body.startsWith("<!--", at)) {
      const end = body.indexOf("-->", at + 4);
      if (end < 0) return;
      at = body.indexOf("<", end + 3);
      continue;
    }
    const name = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(body.slice(at, at + 40));
    if (!name) {
      at = body.indexOf("<", at + 1);
      continue;
    }
    const end = body.indexOf(">", at);
    if (end < 0) return; // no tag can close after this point
    const element = name[2].toLowerCase();
    if (!FLAT.has(element) && body[end - 1] !== "/") {
      if (name[1]) depth = Math.max(0, depth - 1);
      else if (++depth > SHAPE_LIMITS.nesting)
        throw tooComplex(`elements are nested over ${SHAPE_LIMITS.nesting} levels deep`);
    }
    at = body.indexOf("<", end + 1);
  }
}
