import { describe, expect, it } from "vitest";
import {
  canonicalTokens,
  chooseMatch,
  matchReach,
  claimFeatures,
  claimSimilarity,
  matchTerms,
  searchTerms,
  stem,
  SUGGESTION_THRESHOLD,
  tsqueryText,
} from "@/lib/search/terms";
import { readMarks } from "@/lib/search/marks";
import { CLAIM_CORPUS, scoreMatching } from "../support/claim-matching";

const similarity = (a: string, b: string) => claimSimilarity(claimFeatures(a), claimFeatures(b));

describe("canonicalTokens", () => {
  it("writes numbers one way however they are written", () => {
    expect(canonicalTokens("twelve")).toEqual(["12"]);
    expect(canonicalTokens("twenty-five")).toEqual(["25"]);
    expect(canonicalTokens("3.4% and 3.4 per cent and 3.4 percent")).toEqual([
      "3.4",
      "percent",
      "and",
      "3.4",
      "percent",
      "and",
      "3.4",
      "percent",
    ]);
    expect(canonicalTokens("1,200 people")).toEqual(["1200", "people"]);
    expect(canonicalTokens("£2bn")).toEqual(["2000000000"]);
    expect(canonicalTokens("2 billion")).toEqual(["2000000000"]);
    expect(canonicalTokens("3.4 million")).toEqual(["3400000"]);
    expect(canonicalTokens("$20m")).toEqual(["20000000"]);
    expect(canonicalTokens("three hundred")).toEqual(["300"]);
  });

  it("expands abbreviations by their casing only, and folds accents", () => {
    expect(canonicalTokens("The US and the U.S. and us")).toEqual([
      "the",
      "united",
      "states",
      "and",
      "the",
      "united",
      "states",
      "and",
      "us",
    ]);
    expect(canonicalTokens("GDP")).toEqual(["gross", "domestic", "product"]);
    expect(canonicalTokens("São Paulo")).toEqual(["sao", "paulo"]);
  });
});

describe("stem", () => {
  it("meets plurals, tenses and a final e", () => {
    expect(new Set(["cause", "causes", "caused", "causing"].map(stem)).size).toBe(1);
    expect(stem("prices")).toBe(stem("price"));
    expect(stem("countries")).toBe("country");
    expect(stem("glass")).toBe("glass");
    expect(stem("3.4")).toBe("3.4");
  });
});

describe("claimSimilarity", () => {
  it("matches restatements", () => {
    expect(
      similarity("Unemployment rose to 3.4% in March", "In March, unemployment went up to 3.4 per cent"),
    ).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    expect(
      similarity("Twelve countries banned plastic bags", "12 countries have banned plastic bags"),
    ).toBeGreaterThanOrEqual(SUGGESTION_THRESHOLD);
    expect(similarity("GDP grew 2%", "Gross domestic product increased by 2 percent")).toBeGreaterThanOrEqual(
      SUGGESTION_THRESHOLD,
    );
  });

  it("keeps apart a different number, the opposite direction and a negation", () => {
    const base = "Unemployment rose to 3.4% in March";
    expect(similarity(base, "Unemployment rose to 4.3% in March")).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(similarity(base, "Unemployment fell to 3.4% in March")).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(similarity("Vaccines cause autism", "Vaccines do not cause autism")).toBeLessThan(SUGGESTION_THRESHOLD);
    expect(similarity("Vaccines don't cause autism", "Vaccines do not cause autism")).toBe(1);
  });

  it("is 0 for empty or unrelated text and symmetric", () => {
    expect(similarity("", "anything")).toBe(0);
    expect(similarity("The moon landing was staged", "Bananas are radioactive")).toBe(0);
    expect(similarity("a b c rose 3", "rose 3 c")).toBe(similarity("rose 3 c", "a b c rose 3"));
  });

  it("on its own (without the database's candidate step) meets the labelled set's targets", () => {
    const corpus = CLAIM_CORPUS.map((c) => ({ id: c.id, features: claimFeatures(c.claim) }));
    const quality = scoreMatching((query) => {
      const features = claimFeatures(query.text);
      return corpus
        .map((c) => ({ id: c.id, score: claimSimilarity(features, c.features) }))
        .filter((c) => c.score >= SUGGESTION_THRESHOLD)
        .sort((a, b) => b.score - a.score)
        .map((c) => c.id);
    });
    expect(quality.recallAt3).toBeGreaterThanOrEqual(0.9);
    expect(quality.precision).toBeGreaterThanOrEqual(0.8);
  });
});

describe("search terms", () => {
  it("keeps only letters, digits and inner dots, so tsquery syntax cannot get through", () => {
    expect(searchTerms("rose & | ! ( ) : * ' fell")).toEqual([["rose"], ["fell"]]);
    expect(searchTerms("un:*employment")).toEqual([["un"], ["employment"]]);
    expect(searchTerms("'; DROP TABLE x; --")).toEqual([["drop"], ["table"]]);
    for (const group of searchTerms("\\ ' \" <-> !! :: @@ O'Brien 3.4% x"))
      for (const term of group) expect(term).toMatch(/^[\p{L}\p{N}]+(\.[\p{L}\p{N}]+)*$/u);
  });

  it("offers numbers both ways, drops English stop words when asked, and caps the count", () => {
    expect(searchTerms("twelve")).toEqual([["twelve", "12"]]);
    expect(searchTerms("12")).toEqual([["12", "twelve"]]);
    expect(searchTerms("the rate of tax", { english: true })).toEqual([["rate"], ["tax"]]);
    expect(searchTerms(Array.from({ length: 40 }, (_, i) => `word${i}`).join(" "))).toHaveLength(16);
  });

  it("adds the other spelling of an abbreviation for matching", () => {
    expect(matchTerms("GDP grew").flat()).toEqual(expect.arrayContaining(["gdp", "gross", "domestic", "product"]));
    expect(matchTerms("gross domestic product grew").flat()).toContain("gdp");
  });

  it("builds at-least-k-of-n queries with prefixes for words and exact numbers", () => {
    expect(tsqueryText([["a1"], ["rate"], ["12", "twelve"]], 2)).toBe(
      "(('a1') & ('rate':*)) | (('a1') & ('12' | 'twelve':*)) | (('rate':*) & ('12' | 'twelve':*))",
    );
    expect(tsqueryText([["rate"], ["tax"]], 1)).toBe("('rate':*) | ('tax':*)");
    expect(tsqueryText([], 1)).toBe("");
  });
});

describe("readMarks", () => {
  it("turns headline markers into offsets of plain text", () => {
    expect(readMarks("a \uE000rose\uE001 to \uE000三\uE001")).toEqual({
      snippet: "a rose to 三",
      marks: [
        [2, 6],
        [10, 11],
      ],
    });
    expect(readMarks("no marks")).toEqual({ snippet: "no marks", marks: [] });
  });
});

describe("chooseMatch", () => {
  const groups = [["unemployment"], ["percent"], ["london"]];
  it("requires rare words only, all but one for search and half for matching, once the desk is large", () => {
    const shares = new Map([
      [0, 0.01],
      [1, 0.3],
      [2, 0.015],
    ]);
    expect(chooseMatch(groups, shares, 1_000_000, "search")).toEqual({
      match: "('unemployment':*) | ('london':*)",
      rank: "('unemployment':*) | ('percent':*) | ('london':*)",
    });
    expect(chooseMatch(groups, shares, 1_000_000, "similar").match).toBe("('unemployment':*) | ('london':*)");
    expect(
      chooseMatch([...groups, ["2015"], ["rose"]], new Map([...shares, [3, 0.001], [4, 0.001]]), 1_000_000, "search")
        .match,
    ).toContain("&");
  });
  it("keeps 'all words but one' when one uncommon word occurs nowhere", () => {
    // "homelessness zanzibar": the common word alone still finds its rows.
    expect(
      chooseMatch(
        [["homelessness"], ["zanzibar"]],
        new Map([
          [0, 0.025],
          [1, 0],
        ]),
        1_000_000,
        "search",
      ),
    ).toMatchObject({ match: "('zanzibar':*)", fallback: "('homelessness':*)" });
  });
  it("requires every word when all are common, and ignores statistics of a small desk", () => {
    const common = new Map([
      [0, 0.5],
      [1, 0.5],
      [2, 0.5],
    ]);
    expect(chooseMatch(groups, common, 1_000_000, "search").match).toBe(
      "(('unemployment':*) & ('percent':*) & ('london':*))",
    );
    expect(chooseMatch(groups, common, 100, "search").match).toContain("('unemployment':*) & ('percent':*)");
    expect(chooseMatch(groups, common, 100, "search").match).toContain(" | ");
  });
  it("drops groups of stop words only", () => {
    expect(chooseMatch([["the"], ["rate"]], new Map([[1, 0.001]]), 10, "search")).toEqual({
      match: "('rate':*)",
      rank: "('rate':*)",
    });
    expect(chooseMatch([["the"]], new Map(), 10, "search")).toEqual({ match: "", rank: "" });
  });
});

describe("chooseMatch index", () => {
  it("asks GIN for all common words but those in most rows, which rows are still checked for", () => {
    const groups = [["teacher"], ["in"], ["since"]];
    const shares = new Map([
      [0, 0.025],
      [1, 0.8],
      [2, 1],
    ]);
    expect(chooseMatch(groups, shares, 1_000_000, "search")).toMatchObject({
      match: "(('teacher':*) & ('in') & ('since':*))",
      index: "('teacher':*)",
    });
    // Only words in most rows, or a small desk: GIN is asked for the match itself.
    expect(
      chooseMatch(
        [["in"], ["since"]],
        new Map([
          [0, 0.8],
          [1, 1],
        ]),
        1_000_000,
        "search",
      ).index,
    ).toBeUndefined();
    expect(chooseMatch(groups, shares, 1_000, "search").index).toBeUndefined();
    // Words that together keep fewer than half the rows stay in the index's question.
    const halves = new Map([
      [0, 0.025],
      [1, 0.6],
      [2, 0.6],
    ]);
    expect(chooseMatch(groups, halves, 1_000_000, "search").index).toBeUndefined();
  });
  it("asks GIN for the match itself past eight words, where the match is any one of them", () => {
    // An `index` of all the other words would hold fewer rows than "any word" matches.
    const nine = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"].map((w) => [w]);
    const shares = new Map(nine.map((_, i) => [i, i === 0 ? 0.6 : 0.05]));
    const choice = chooseMatch(nine, shares, 1_000_000, "search");
    expect(choice.match).toBe(nine.map(([w]) => `('${w}':*)`).join(" | "));
    expect(choice.index).toBeUndefined();
    // Any one of them: the bound adds their shares up.
    expect(matchReach(nine, shares, 1_000_000)).toEqual({ match: { share: 1, single: false } });
    const sparse = new Map(nine.map((_, i) => [i, 0.02]));
    expect(matchReach(nine, sparse, 1_000_000)?.match.share).toBeCloseTo(0.18);
  });
});

describe("matchReach", () => {
  it("bounds a search's matches by the rarest word every row must hold", () => {
    const groups = [["knife"], ["crime"]];
    const common = new Map([
      [0, 0.025],
      [1, 0.05],
    ]);
    expect(matchReach(groups, common, 1_000_000)).toEqual({ match: { share: 0.025, single: false } });
    expect(matchReach([["energy"]], new Map([[0, 0.025]]), 1_000_000)).toEqual({
      match: { share: 0.025, single: true },
    });
  });
  it("bounds the uncommon word and its fallback of common words apart", () => {
    expect(
      matchReach(
        [["homelessness"], ["zanzibar"]],
        new Map([
          [0, 0.025],
          [1, 0],
        ]),
        1_000_000,
      ),
    ).toEqual({ match: { share: 0, single: true }, fallback: { share: 0.025, single: true } });
  });
  it("bounds all rare words but one by the two rarest together, and says nothing on a small desk", () => {
    const rare = new Map([
      [0, 0.01],
      [1, 0.004],
      [2, 0.002],
    ]);
    expect(matchReach([["a"], ["b"], ["c"]], rare, 1_000_000)?.match).toEqual({ share: 0.006, single: false });
    expect(matchReach([["a"], ["b"], ["c"]], rare, 1_000)).toBeNull();
    expect(matchReach([["the"]], new Map(), 1_000_000)).toBeNull();
  });
});
