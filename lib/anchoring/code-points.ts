/**
 * UTF-16 offsets (how JavaScript, Slate and our anchors count) to Unicode code point offsets
 * (how W3C TextPositionSelector counts) and back. Built once per text: every astral character
 * (an emoji, say) is two UTF-16 units but one code point.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the second half of each surrogate pair, ascending. */
  private readonly lowSurrogates: number[] = [];

  constructor(text: string) {
    for (let i = 1; i < text.length; i++) {
      const high = text.charCodeAt(i - 1);
      const low = text.charCodeAt(i);
      if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        this.lowSurrogates.push(i);
        i++;
      }
    }
  }

  /** Pairs that end before `offset` each count once, not twice. */
  toCodePoints(utf16Offset: number): number {
    return utf16Offset - countBelow(this.lowSurrogates, utf16Offset);
  }

  /** The UTF-16 offset of the `codePoints`-th code point. */
  toUtf16(codePoints: number): number {
    // Each pair before the target adds one unit; walk the sorted pairs until they pass it.
    let offset = codePoints;
    for (const low of this.lowSurrogates) {
      if (low <= offset) offset++;
      else break;
    }
    return offset;
  }
}

/** How many sorted values are strictly below `limit`. */
function countBelow(sorted: number[], limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
