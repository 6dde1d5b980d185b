import { BLOCK_SEPARATOR } from "../anchoring/canonical-text";

/** A quoted span with the text around it in its block, as a public page shows it. */
export type Passage = { before: string; quote: string; after: string };

/** Characters of context shown on each side of the quote, at most. */
const CONTEXT = 280;

/** Moves a cut off the low half of a surrogate pair, so no emoji is split. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/**
 * The quote at [start, end) of a revision's canonical text, with the rest of its block (paragraph)
 * around it, cut at a word boundary with an ellipsis when the block runs on. Pure.
 */
export function passageAround(text: string, start: number, end: number): Passage {
  const blockStart = text.lastIndexOf(BLOCK_SEPARATOR, start - 1);
  const from = blockStart === -1 || start === 0 ? 0 : blockStart + BLOCK_SEPARATOR.length;
  const blockEnd = text.indexOf(BLOCK_SEPARATOR, end);
  const to = blockEnd === -1 ? text.length : blockEnd;
  let before = text.slice(Math.max(from, start - CONTEXT), start);
  let after = text.slice(end, Math.min(to, end + CONTEXT));
  if (start - from > CONTEXT) {
    before = before.slice(safeCut(before, Math.max(0, before.indexOf(" ") + 1)));
    before = `…${before}`;
  }
  if (to - end > CONTEXT) {
    const space = after.lastIndexOf(" ");
    after = `${after.slice(0, space > 0 ? space : safeCut(after, after.length - 1))}…`;
  }
  return { before, quote: text.slice(start, end), after };
}
