import { upperBound } from "./offsets";

/**
 * An index of possibly overlapping spans for drawing highlights. The spans' boundaries cut the
 * text into segments, each listing every span that covers it; a text node then finds its
 * segments by binary search instead of scanning every span. Built once per set of annotations.
 */
export type IndexedSpan = { id: string; start: number; end: number };
export type Segment = { start: number; end: number; ids: string[] };

export class RangeIndex {
  private readonly segments: Segment[];
  private readonly segmentStarts: number[];

  constructor(spans: readonly IndexedSpan[]) {
    const events = new Map<number, { opens: string[]; closes: string[] }>();
    const at = (offset: number) => events.get(offset) ?? events.set(offset, { opens: [], closes: [] }).get(offset)!;
    for (const span of spans) {
      if (span.end <= span.start) continue;
      at(span.start).opens.push(span.id);
      at(span.end).closes.push(span.id);
    }
    const boundaries = [...events.keys()].sort((a, b) => a - b);
    const open = new Set<string>();
    this.segments = [];
    for (let i = 0; i < boundaries.length; i++) {
      const event = events.get(boundaries[i])!;
      for (const id of event.closes) open.delete(id);
      for (const id of event.opens) open.add(id);
      if (open.size > 0 && i + 1 < boundaries.length) {
        this.segments.push({ start: boundaries[i], end: boundaries[i + 1], ids: [...open] });
      }
    }
    this.segmentStarts = this.segments.map((segment) => segment.start);
  }

  /** Segments overlapping [start, end), clipped to it. */
  query(start: number, end: number): Segment[] {
    const found: Segment[] = [];
    let i = Math.max(0, upperBound(this.segmentStarts, start) - 1);
    for (; i < this.segments.length && this.segments[i].start < end; i++) {
      const segment = this.segments[i];
      if (segment.end <= start) continue;
      found.push({ start: Math.max(segment.start, start), end: Math.min(segment.end, end), ids: segment.ids });
    }
    return found;
  }

  /** Ids of every span covering the character at `offset`. */
  idsAt(offset: number): string[] {
    return this.query(offset, offset + 1)[0]?.ids ?? [];
  }

  get size(): number {
    return this.segments.length;
  }
}
