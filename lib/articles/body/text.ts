import type { ArticleValue } from "../slate-value";

/**
 * Plain text: paragraphs are separated by blank lines; everything else, single line breaks
 * included, is kept exactly as given (only the ASCII whitespace at a paragraph's edges goes).
 */
export function readText(body: string): ArticleValue {
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.replace(/^[ \t\r\n\f]+|[ \t\r\n\f]+$/g, ""))
    .filter((paragraph) => paragraph.length > 0)
    .map((text) => ({ type: "paragraph", children: [{ text }] }));
}
