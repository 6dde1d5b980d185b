import { describe, expect, it } from "vitest";
import { anchorFor } from "@/lib/anchoring/anchor";
import { reanchorAll } from "@/lib/anchoring/reanchor";
import { TextDiff } from "@/lib/anchoring/text-diff";

const OLD = [
  "The mayor said taxes rose 5% last year, a claim the council disputes.",
  "Crime fell by half in the city centre, police figures show.",
  "Officials denied any link to spending cuts.",
].join("\n\n");

/** The anchor of `quote` (its `occurrence`-th appearance) in `text`, as the app stores it. */
function anchorOf(quote: string, text = OLD, occurrence = 1) {
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`no ${quote}`);
  return { id: quote, ...anchorFor(text, at, at + quote.length) };
}

/** Re-anchors one quote onto `revised` and says where it landed. */
function move(quote: string, revised: string, old = OLD) {
  const [result] = reanchorAll(old, revised, [anchorOf(quote, old)]);
  return { ...result, text: "start" in result ? revised.slice(result.start, result.end) : undefined };
}

describe("reanchorAll", () => {
  it("keeps the same offsets when only text after the span changed", () => {
    const revised = OLD.replace("Officials denied", "Officials flatly denied");
    expect(move("taxes rose 5% last year", revised)).toMatchObject({
      method: "position",
      confidence: 1,
      text: "taxes rose 5% last year",
    });
  });

  it("follows the quote when text was inserted before it", () => {
    const revised = `Breaking: a new opening sentence.\n\n${OLD}`;
    expect(move("Crime fell by half", revised)).toMatchObject({
      method: "quote",
      confidence: 1,
      text: "Crime fell by half",
    });
  });

  it("follows the quote when its paragraph was reworded elsewhere", () => {
    const revised = OLD.replace("police figures show", "according to police statistics released on Monday");
    const moved = move("Crime fell by half in the city centre", revised);
    expect(moved).toMatchObject({ confidence: 1, text: "Crime fell by half in the city centre" });
    expect(["position", "quote"]).toContain(moved.method);
  });

  it("follows an edit inside the span as a fuzzy match, with a confidence below 1", () => {
    const revised = OLD.replace("taxes rose 5% last year", "taxes rose 6% last year");
    const moved = move("taxes rose 5% last year", revised);
    expect(moved).toMatchObject({ method: "fuzzy", text: "taxes rose 6% last year" });
    expect(moved.confidence).toBeGreaterThanOrEqual(0.7);
    expect(moved.confidence).toBeLessThan(1);
  });

  it("orphans a span whose sentence was reworded beyond recognition", () => {
    const revised = OLD.replace(
      "Crime fell by half in the city centre",
      "Reported offences downtown were cut dramatically",
    );
    expect(move("Crime fell by half in the city centre", revised)).toMatchObject({
      method: "orphan",
      reason: "its text was deleted or replaced",
    });
    const half = OLD.replace("Crime fell by half in the city centre", "Crime fell sharply across the wider region");
    expect(move("Crime fell by half in the city centre", half)).toMatchObject({
      method: "orphan",
      reason: expect.stringMatching(/reworded too much to follow \(match \d+%\)/),
    });
  });

  it("orphans a span whose paragraph was deleted, even a common phrase found elsewhere", () => {
    const revised = OLD.replace("\n\nCrime fell by half in the city centre, police figures show.", "");
    expect(move("Crime fell by half in the city centre, police figures show.", revised)).toMatchObject({
      method: "orphan",
    });
    // "the city" also appears nowhere else; "the" does, but never with this context.
    const old = "He saw the light. Then the storm came.";
    expect(move("the storm", "He saw the light.", old)).toMatchObject({ method: "orphan" });
    expect(move("the", "He saw the light.", old.replace("He saw the light. ", "")).method).not.toBe("quote");
  });

  it("picks the original of a quote that now appears twice, by its context", () => {
    const revised = OLD.replace("Officials denied", "Crime fell by half in the suburbs too. Officials denied");
    expect(move("Crime fell by half", revised)).toMatchObject({
      text: "Crime fell by half",
      start: revised.indexOf("Crime fell by half"),
    });
    const before = `Crime fell by half, a rival paper says.\n\n${OLD}`;
    const moved = move("Crime fell by half", before);
    expect(moved).toMatchObject({ method: "quote", start: before.indexOf("Crime fell by half", 10) });
  });

  it("treats whitespace-only and punctuation-only changes inside the span as confident fuzzy matches", () => {
    const old = "She said “we will win” and left.";
    const straight = old.replace("“we will win”", '"we will win"');
    expect(move("said “we will win” and", straight, old)).toMatchObject({
      method: "fuzzy",
      text: 'said "we will win" and',
    });
    const spaced = old.replace("we will win", "we  will win");
    const moved = move("said “we will win” and", spaced, old);
    expect(moved).toMatchObject({ method: "fuzzy", text: "said “we  will win” and" });
    expect(moved.confidence).toBeGreaterThan(0.8);
  });

  it("never splits an emoji or a combining mark, and follows a span right after an emoji", () => {
    const old = "Wave 👋 then taxes rose. Café au lait.";
    const revised = `New intro. ${old}`;
    expect(move("then taxes rose", revised, old)).toMatchObject({ method: "quote", text: "then taxes rose" });
    const decomposed = "Cafe\u0301 au lait is served 👋 daily.";
    const edited = decomposed.replace("served", "poured");
    const moved = move("au lait is served", edited, decomposed);
    expect(moved).toMatchObject({ method: "fuzzy", text: "au lait is poured" });
    const edge = move("Cafe\u0301 au", "Cafe\u0301 au lait is poured 👋 daily!", decomposed);
    expect(edge.text).toBe("Cafe\u0301 au");
  });

  it("follows an edited span when a paragraph is inserted before it and every paragraph after changed too", () => {
    const revised = `A new first paragraph.\n\n${OLD}`
      .replace("taxes rose 5%", "taxes rose 6%")
      .replace("police figures show", "say police")
      .replace("\n\nOfficials denied any link to spending cuts.", "");
    const moved = move("taxes rose 5% last year", revised);
    expect(moved).toMatchObject({ method: "fuzzy", text: "taxes rose 6% last year" });
    expect(move("Crime fell by half in the city centre", revised)).toMatchObject({
      text: "Crime fell by half in the city centre",
    });
  });

  it("re-anchors many annotations in one pass", () => {
    const quotes = ["The mayor", "taxes rose 5%", "Crime fell", "police figures", "spending cuts"];
    const revised = OLD.replace("The mayor said", "The mayor of Springfield said").replace(
      "spending cuts",
      "budget cuts",
    );
    const results = reanchorAll(
      OLD,
      revised,
      quotes.map((q) => anchorOf(q)),
    );
    expect(results.map((r) => r.method)).toEqual(["quote", "quote", "quote", "quote", "orphan"]);
  });
});

describe("TextDiff", () => {
  it("maps offsets through insertions and deletions, keeping a start after and an end before inserted text", () => {
    const diff = new TextDiff("one two three", "zero one two four three");
    expect(diff.map(0, "start")).toBe(5); // "one" moved after "zero "
    expect(diff.map(7, "end")).toBe(12); // the end of "two" stays before the inserted " four"
    expect(diff.unchangedShare(0, 7)).toBe(1);
    expect(diff.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["zero", "four"]);
  });
});
