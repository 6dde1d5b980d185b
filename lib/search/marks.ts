// Highlighted snippets without markup: ts_headline wraps matches in two private-use characters
// (lib/search/sql.ts), which become offsets here, so the UI marks them with elements and user text
// is never parsed as HTML.

/** Markers ts_headline puts around matches. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/** Splits ts_headline's markers out of a snippet: the plain text and the offsets of its marked words. */
export function readMarks(marked: string): { snippet: string; marks: [number, number][] } {
  let snippet = "";
  const marks: [number, number][] = [];
  let open = -1;
  for (const char of marked) {
    if (char === MARK_START) open = snippet.length;
    else if (char === MARK_END) {
      if (open >= 0 && snippet.length > open) marks.push([open, snippet.length]);
      open = -1;
    } else snippet += char;
  }
  return { snippet, marks };
}
