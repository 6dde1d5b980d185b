/**
 * Anchors as stored: offsets in the revision's canonical text (UTF-16 units, end exclusive),
 * the exact quote, and up to 32 units of context either side for re-anchoring and exports.
 */
export const CONTEXT_LENGTH = 32;

export type Anchor = { start: number; end: number; quote: string; prefix: string; suffix: string };

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair (inside an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Why a span cannot anchor in `text`, or null when it can. */
export function spanProblem(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return "start and end must be whole numbers";
  if (start < 0 || end > text.length) return `start and end must lie within the text (0 to ${text.length})`;
  if (start >= end) return "end must be greater than start";
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end))
    return "start and end must not split a character in two";
  return null;
}

/**
 * The stored anchor for a span: the quote is read from the text, and the context never begins or
 * ends with half a surrogate pair, so exports never carry a broken character.
 */
export function anchorFor(text: string, start: number, end: number): Anchor {
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1;
  return {
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}
