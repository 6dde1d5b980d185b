import { diffArrays } from "diff";

/**
 * A diff between two texts at the level of words, runs of whitespace and single other characters
 * (an emoji counts as one), with which offsets in the old text map to the new one. Word tokens
 * keep the diff small (fast on long articles) and its output readable.
 */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}_]+|./gsu;
/**
 * Splits a text into paragraphs, each with the blank line after it. (Blank lines on their own would
 * pair up by position and cut a run of changed paragraphs into mismatched pairs.)
 */
const BLOCKS = /(?<=\n\n)/;

export type DiffPart = { kind: "equal" | "added" | "removed"; text: string };

/** An unchanged run: `length` UTF-16 units at `oldStart` in the old text and `newStart` in the new. */
type Segment = { oldStart: number; newStart: number; length: number };

export class TextDiff {
  readonly parts: DiffPart[] = [];
  private readonly segments: Segment[] = [];
  private readonly newLength: number;

  constructor(oldText: string, newText: string) {
    this.newLength = newText.length;
    // Paragraphs first, words only inside the paragraphs that changed: a long article with edits
    // here and there diffs in a fraction of the time a word diff of the whole would take.
    const blocks = diffArrays(oldText.split(BLOCKS), newText.split(BLOCKS));
    for (let i = 0; i < blocks.length; i++) {
      if (!blocks[i].added && !blocks[i].removed) {
        this.push("equal", blocks[i].value.join(""));
        continue;
      }
      let removed = "";
      let added = "";
      for (; i < blocks.length && (blocks[i].added || blocks[i].removed); i++) {
        if (blocks[i].added) added += blocks[i].value.join("");
        else removed += blocks[i].value.join("");
      }
      i--;
      for (const change of diffArrays(removed.match(TOKEN) ?? [], added.match(TOKEN) ?? [])) {
        this.push(change.added ? "added" : change.removed ? "removed" : "equal", change.value.join(""));
      }
    }
  }

  private oldPosition = 0;
  private newPosition = 0;

  /** Appends a run of the diff, merging it with the run before when they are of the same kind. */
  private push(kind: DiffPart["kind"], text: string) {
    if (!text) return;
    const last = this.parts[this.parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else this.parts.push({ kind, text });
    if (kind === "equal") {
      const segment = this.segments[this.segments.length - 1];
      if (
        segment &&
        segment.oldStart + segment.length === this.oldPosition &&
        segment.newStart + segment.length === this.newPosition
      )
        segment.length += text.length;
      else this.segments.push({ oldStart: this.oldPosition, newStart: this.newPosition, length: text.length });
    }
    if (kind !== "added") this.oldPosition += text.length;
    if (kind !== "removed") this.newPosition += text.length;
  }

  /**
   * Where an old offset lands in the new text. Inside unchanged text it moves with it; inside a
   * changed region a start goes to the beginning of what replaced it and an end to its end.
   */
  map(offset: number, edge: "start" | "end"): number {
    // On a boundary where text was inserted, a start stays after the insertion and an end before it.
    const index = edge === "start" ? this.segmentAtOrBefore(offset) : this.segmentAtOrBefore(offset - 1);
    if (index < 0) return edge === "start" ? 0 : (this.segments[0]?.newStart ?? this.newLength);
    const segment = this.segments[index];
    if (offset <= segment.oldStart + segment.length) return segment.newStart + (offset - segment.oldStart);
    if (edge === "start") return segment.newStart + segment.length;
    return this.segments[index + 1]?.newStart ?? this.newLength;
  }

  /** The share (0–1) of the old span's characters that are unchanged in the new text. */
  unchangedShare(start: number, end: number): number {
    if (end <= start) return 1;
    let unchanged = 0;
    for (let i = Math.max(0, this.segmentAtOrBefore(start)); i < this.segments.length; i++) {
      const segment = this.segments[i];
      if (segment.oldStart >= end) break;
      unchanged += Math.max(0, Math.min(end, segment.oldStart + segment.length) - Math.max(start, segment.oldStart));
    }
    return unchanged / (end - start);
  }

  /** The last unchanged segment starting at or before `offset`, by binary search; -1 if none. */
  private segmentAtOrBefore(offset: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.segments[mid].oldStart <= offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  }
}
