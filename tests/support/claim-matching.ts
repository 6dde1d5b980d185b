// The labelled claim-matching set (tests/fixtures/claim-pairs.json) and how it is scored, shared
// by the test that holds a floor (tests/integration/claim-matching.test.ts) and `npm run bench`.
import fixture from "../fixtures/claim-pairs.json" with { type: "json" };

export type Query = { text: string; expected: string | null; kind: string };
export const CLAIM_CORPUS: { id: string; claim: string }[] = fixture.corpus;
export const CLAIM_QUERIES: Query[] = fixture.queries;

export type MatchQuality = {
  queries: number;
  positives: number;
  recallAt1: number;
  recallAt3: number;
  precision: number;
  suggestions: number;
  misses: string[];
  falseMatches: string[];
};

/**
 * Scores suggestions (corpus ids, best first, already cut at the suggestion threshold, at most
 * three) against the labels. recall@k: share of queries with a labelled match whose match is
 * among the first k. precision: share of all suggestions shown that are the labelled match (a
 * near miss has none, so anything suggested for it is wrong).
 */
export function scoreMatching(suggested: (query: Query) => string[]): MatchQuality {
  let at1 = 0,
    at3 = 0,
    shown = 0,
    right = 0;
  const misses: string[] = [];
  const falseMatches: string[] = [];
  const positives = CLAIM_QUERIES.filter((q) => q.expected).length;
  for (const query of CLAIM_QUERIES) {
    const ids = suggested(query).slice(0, 3);
    shown += ids.length;
    right += ids.filter((id) => id === query.expected).length;
    if (query.expected && ids[0] === query.expected) at1++;
    if (query.expected && ids.includes(query.expected)) at3++;
    else if (query.expected) misses.push(`${query.text} → ${query.expected}`);
    for (const id of ids) if (id !== query.expected) falseMatches.push(`${query.text} → ${id}`);
  }
  const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);
  return {
    queries: CLAIM_QUERIES.length,
    positives,
    recallAt1: ratio(at1, positives),
    recallAt3: ratio(at3, positives),
    precision: ratio(right, shown),
    suggestions: shown,
    misses,
    falseMatches,
  };
}
