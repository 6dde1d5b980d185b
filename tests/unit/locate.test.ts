import { describe, expect, it } from "vitest";
import { locateQuote } from "@/lib/anchoring/locate";

const TEXT = "The mayor said taxes rose. Later the council said taxes rose. 👋 taxes rose again.";
const at = (quote: string, from = 0) => TEXT.indexOf(quote, from);

describe("locateQuote", () => {
  it("keeps the position when the quote is still there", () => {
    const start = at("taxes rose", 30);
    expect(locateQuote(TEXT, { exact: "taxes rose", start, end: start + 10 })).toEqual({
      start,
      end: start + 10,
      method: "position",
    });
  });

  it("finds a single occurrence by its text when the position is stale", () => {
    expect(locateQuote(TEXT, { exact: "council", start: 0, end: 7 })).toEqual({
      start: at("council"),
      end: at("council") + 7,
      method: "quote",
    });
  });

  it("chooses between repeats by prefix and suffix", () => {
    const second = at("taxes rose", 30);
    expect(locateQuote(TEXT, { exact: "taxes rose", prefix: "council said ", suffix: ". 👋" })).toMatchObject({
      start: second,
      method: "quote",
    });
    const third = at("taxes rose", second + 1);
    expect(locateQuote(TEXT, { exact: "taxes rose", prefix: "👋 " })).toMatchObject({ start: third });
  });

  it("uses the nearest repeat only to break a tie between equally good contexts", () => {
    const second = at("taxes rose", 30);
    expect(
      locateQuote(TEXT, { exact: "taxes rose", prefix: "said ", start: second + 3, end: second + 13 }),
    ).toMatchObject({ start: second });
  });

  it("reports a missing quote, and repeats that context cannot tell apart, instead of guessing", () => {
    expect(locateQuote(TEXT, { exact: "taxes fell" })).toEqual({
      problem: "the quote “taxes fell” is not in the article's text",
    });
    expect(locateQuote(TEXT, { exact: "taxes rose" })).toEqual({
      problem: expect.stringMatching(/appears 3 times and its prefix and suffix do not tell/),
    });
    expect(locateQuote(TEXT, { exact: "taxes rose", prefix: "said " })).toEqual({
      problem: expect.stringMatching(/appears 3 times/),
    });
  });

  it("never accepts a position that splits an emoji", () => {
    const emoji = TEXT.indexOf("👋");
    const half = TEXT.slice(emoji + 1, emoji + 3);
    expect(locateQuote(TEXT, { exact: half, start: emoji + 1, end: emoji + 3 })).toEqual({
      problem: expect.stringMatching(/is not in the article's text/),
    });
    expect(locateQuote(TEXT, { exact: "" })).toEqual({ problem: "the quote is empty" });
  });
});
