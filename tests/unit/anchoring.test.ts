import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/anchoring/canonical-text";
import { anchorFor, spanProblem, splitsSurrogatePair } from "@/lib/anchoring/anchor";
import { offsetToPoint, pointToOffset, rangeToSpan, spanToRange } from "@/lib/anchoring/offsets";
import { RangeIndex } from "@/lib/anchoring/range-index";
import type { ArticleValue } from "@/lib/articles/slate-value";

const p = (...leaves: string[]) => ({ type: "paragraph" as const, children: leaves.map((text) => ({ text })) });

/** Selecting `quote` (its first occurrence) as Slate would, then converting, gives back the quote. */
function roundTrip(value: ArticleValue, quote: string) {
  const text = canonicalText(value);
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  const span = { start, end: start + quote.length };
  const range = spanToRange(value, span);
  expect(rangeToSpan(value, range)).toEqual(span);
  expect(text.slice(span.start, span.end)).toBe(quote);
  return range;
}

describe("Slate range ⇄ canonical offsets", () => {
  const value: ArticleValue = [p("Hello 👋 world"), p("caf", "e\u0301 “quoted”\u00a0x"), p("a\r\nb")];

  it("counts UTF-16 units: an emoji is two", () => {
    const text = canonicalText(value);
    expect(pointToOffset(value, { path: [0, 0], offset: 9 })).toBe(9);
    expect(text.slice(6, 8)).toBe("👋");
    roundTrip(value, "👋 wor");
    roundTrip(value, " world");
  });

  it("keeps combining marks, curly quotes, no-break spaces and CRLF exact", () => {
    roundTrip(value, "e\u0301 “quoted”\u00a0");
    roundTrip(value, "a\r\nb");
    roundTrip(value, "\r\n");
  });

  it("spans leaves within a paragraph", () => {
    const range = roundTrip(value, "cafe\u0301");
    expect(range.anchor).toEqual({ path: [1, 0], offset: 0 });
    expect(range.focus).toEqual({ path: [1, 1], offset: 2 });
  });

  it("spans paragraphs, including the separator", () => {
    const range = roundTrip(value, "world\n\ncaf");
    expect(range.anchor).toEqual({ path: [0, 0], offset: 9 });
    expect(range.focus).toEqual({ path: [1, 0], offset: 3 });
  });

  it("handles spans that start or end at a block edge", () => {
    const whole = roundTrip(value, "Hello 👋 world");
    expect(whole.anchor).toEqual({ path: [0, 0], offset: 0 });
    expect(whole.focus).toEqual({ path: [0, 0], offset: 14 });
    const next = roundTrip(value, "a\r\nb");
    expect(next.anchor).toEqual({ path: [2, 0], offset: 0 });
    expect(next.focus).toEqual({ path: [2, 0], offset: 4 });
  });

  it("normalises backward selections", () => {
    expect(rangeToSpan(value, { anchor: { path: [1, 0], offset: 2 }, focus: { path: [0, 0], offset: 1 } })).toEqual({
      start: 1,
      end: 18,
    });
  });

  it("places separator offsets on the next block, or the previous one when biased backward", () => {
    expect(offsetToPoint(value, 15)).toEqual({ path: [1, 0], offset: 0 });
    expect(offsetToPoint(value, 15, "backward")).toEqual({ path: [0, 0], offset: 14 });
  });

  it("puts a leaf boundary on the leaf that starts there, or the one that ends there when backward", () => {
    expect(offsetToPoint(value, 19)).toEqual({ path: [1, 1], offset: 0 });
    expect(offsetToPoint(value, 19, "backward")).toEqual({ path: [1, 0], offset: 3 });
  });

  it("rejects points the value does not have", () => {
    expect(() => pointToOffset(value, { path: [5, 0], offset: 0 })).toThrow(RangeError);
    expect(() => pointToOffset(value, { path: [0, 0], offset: 99 })).toThrow(RangeError);
    expect(() => pointToOffset(value, { path: [0], offset: 0 })).toThrow(RangeError);
  });
});

describe("anchorFor and spanProblem", () => {
  it("reads the quote and up to 32 units of context", () => {
    const text = "x".repeat(40) + "QUOTE" + "y".repeat(40);
    expect(anchorFor(text, 40, 45)).toEqual({
      start: 40,
      end: 45,
      quote: "QUOTE",
      prefix: "x".repeat(32),
      suffix: "y".repeat(32),
    });
    expect(anchorFor("ab", 0, 2)).toEqual({ start: 0, end: 2, quote: "ab", prefix: "", suffix: "" });
  });

  it("never cuts the context through an emoji", () => {
    const text = "👋" + "a".repeat(31) + "Q" + "b".repeat(31) + "👋";
    const anchor = anchorFor(text, 33, 34);
    expect(anchor.prefix).toBe("a".repeat(31));
    expect(anchor.suffix).toBe("b".repeat(31));
  });

  it.each([
    [0, 0, "end must be greater than start"],
    [3, 2, "end must be greater than start"],
    [-1, 2, "start and end must lie within the text (0 to 7)"],
    [0, 8, "start and end must lie within the text (0 to 7)"],
    [1.5, 2, "start and end must be whole numbers"],
    [3, 4, "start and end must not split a character in two"],
  ])("rejects %i..%i: %s", (start, end, problem) => {
    expect(spanProblem("ab 👋 c", start, end)).toBe(problem);
  });

  it("accepts a span that follows an emoji", () => {
    expect(splitsSurrogatePair("👋a", 1)).toBe(true);
    expect(spanProblem("👋a", 2, 3)).toBeNull();
  });
});

describe("RangeIndex", () => {
  const index = new RangeIndex([
    { id: "a", start: 0, end: 10 },
    { id: "b", start: 5, end: 15 },
    { id: "c", start: 6, end: 8 },
    { id: "empty", start: 3, end: 3 },
    { id: "d", start: 20, end: 25 },
  ]);

  it("cuts overlapping spans into segments that list every covering span", () => {
    expect(index.query(0, 30)).toEqual([
      { start: 0, end: 5, ids: ["a"] },
      { start: 5, end: 6, ids: ["a", "b"] },
      { start: 6, end: 8, ids: ["a", "b", "c"] },
      { start: 8, end: 10, ids: ["a", "b"] },
      { start: 10, end: 15, ids: ["b"] },
      { start: 20, end: 25, ids: ["d"] },
    ]);
  });

  it("clips to the query and finds spans that started before it", () => {
    expect(index.query(7, 12)).toEqual([
      { start: 7, end: 8, ids: ["a", "b", "c"] },
      { start: 8, end: 10, ids: ["a", "b"] },
      { start: 10, end: 12, ids: ["b"] },
    ]);
    expect(index.query(15, 20)).toEqual([]);
    expect(index.idsAt(6)).toEqual(["a", "b", "c"]);
    expect(index.idsAt(17)).toEqual([]);
  });

  it("agrees with a brute-force scan on random spans", () => {
    let seed = 42;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const spans = Array.from({ length: 300 }, (_, i) => {
      const start = random(1000);
      return { id: `s${i}`, start, end: start + 1 + random(60) };
    });
    const randomIndex = new RangeIndex(spans);
    for (let offset = 0; offset < 1100; offset += 7) {
      const expected = spans
        .filter((s) => s.start <= offset && offset < s.end)
        .map((s) => s.id)
        .sort();
      expect([...randomIndex.idsAt(offset)].sort()).toEqual(expected);
    }
  });
});
