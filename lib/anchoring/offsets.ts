import type { ArticleValue } from "../articles/slate-value";
import { BLOCK_SEPARATOR, blockText } from "./canonical-text";

/**
 * Conversion between Slate points/ranges and offsets in the canonical text. Pure: the article
 * value is [block][leaf], so a point's path is [blockIndex, leafIndex] and offsets count UTF-16
 * code units, as Slate and JavaScript strings do.
 */
export type SlatePoint = { path: number[]; offset: number };
export type SlateRange = { anchor: SlatePoint; focus: SlatePoint };
export type TextSpan = { start: number; end: number };

/** Where each block starts in the canonical text. */
export function blockStarts(value: ArticleValue): number[] {
  const starts: number[] = [];
  let position = 0;
  for (const block of value) {
    starts.push(position);
    position += blockText(block).length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** Canonical offset of a Slate point; throws on a path or offset the value does not have. */
export function pointToOffset(value: ArticleValue, point: SlatePoint, starts = blockStarts(value)): number {
  const [blockIndex, leafIndex] = point.path;
  const block = value[blockIndex];
  const leaf = block?.children[leafIndex];
  if (!leaf || point.path.length !== 2 || point.offset < 0 || point.offset > leaf.text.length) {
    throw new RangeError(`No such point in the article: [${point.path.join(",")}]:${point.offset}`);
  }
  let offset = starts[blockIndex];
  for (let i = 0; i < leafIndex; i++) offset += block.children[i].text.length;
  return offset + point.offset;
}

/** Canonical span of a Slate range, whichever way it was selected (backwards selections too). */
export function rangeToSpan(value: ArticleValue, range: SlateRange): TextSpan {
  const starts = blockStarts(value);
  const a = pointToOffset(value, range.anchor, starts);
  const b = pointToOffset(value, range.focus, starts);
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/**
 * The Slate point at a canonical offset. An offset inside a block separator moves to the start
 * of the next block (or, with `bias: "backward"`, the end of the previous one); an offset on a
 * leaf boundary belongs to the leaf that starts there unless biased backward.
 */
export function offsetToPoint(
  value: ArticleValue,
  offset: number,
  bias: "forward" | "backward" = "forward",
  starts = blockStarts(value),
): SlatePoint {
  if (value.length === 0) throw new RangeError("The article is empty");
  let blockIndex = upperBound(starts, offset) - 1;
  if (blockIndex < 0) blockIndex = 0;
  const block = value[blockIndex];
  let local = offset - starts[blockIndex];
  const length = blockText(block).length;
  if (local > length) {
    if (bias === "backward" || blockIndex === value.length - 1) local = length;
    else return { path: [blockIndex + 1, 0], offset: 0 };
  }
  for (let leafIndex = 0; leafIndex < block.children.length; leafIndex++) {
    const leafLength = block.children[leafIndex].text.length;
    const last = leafIndex === block.children.length - 1;
    if (local < leafLength || (local === leafLength && (bias === "backward" || last)))
      return { path: [blockIndex, leafIndex], offset: local };
    local -= leafLength;
  }
  return {
    path: [blockIndex, block.children.length - 1],
    offset: block.children[block.children.length - 1].text.length,
  };
}

/** The Slate range covering a canonical span. */
export function spanToRange(value: ArticleValue, span: TextSpan): SlateRange {
  const starts = blockStarts(value);
  return {
    anchor: offsetToPoint(value, span.start, "forward", starts),
    focus: offsetToPoint(value, span.end, "backward", starts),
  };
}

/** Index of the first element greater than `target` in an ascending array. */
export function upperBound(sorted: number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}
