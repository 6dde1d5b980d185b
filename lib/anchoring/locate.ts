import { splitsSurrogatePair } from "./anchor";

/**
 * Finding where an imported annotation belongs in an article's text, from the selectors another
 * tool gave it. Exact only: the position when the quote is there, else the quote itself, with its
 * prefix and suffix choosing between repeats. Anything uncertain is reported, never guessed.
 */
export type QuoteSelector = {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** A position hint in UTF-16 units of the same text, end exclusive. */
  start?: number;
  end?: number;
};

export type Located = { start: number; end: number; method: "position" | "quote" } | { problem: string };

/** More repeats than this and the quote is too common to place by context. */
const MAX_CANDIDATES = 1_000;

export function locateQuote(text: string, selector: QuoteSelector): Located {
  const { exact, start, end } = selector;
  if (!exact) return { problem: "the quote is empty" };
  const splits = (from: number, to: number) => splitsSurrogatePair(text, from) || splitsSurrogatePair(text, to);
  if (start !== undefined && end !== undefined && text.slice(start, end) === exact && !splits(start, end)) {
    return { start, end, method: "position" };
  }
  const candidates: number[] = [];
  for (
    let at = text.indexOf(exact);
    at !== -1 && candidates.length <= MAX_CANDIDATES;
    at = text.indexOf(exact, at + 1)
  ) {
    if (!splits(at, at + exact.length)) candidates.push(at);
  }
  if (candidates.length === 0) return { problem: `the quote “${preview(exact)}” is not in the article's text` };
  if (candidates.length === 1) return { start: candidates[0], end: candidates[0] + exact.length, method: "quote" };
  if (candidates.length > MAX_CANDIDATES)
    return { problem: `the quote “${preview(exact)}” appears more than ${MAX_CANDIDATES} times` };

  const scored = candidates.map((at) => ({ at, score: contextScore(text, at, exact.length, selector) }));
  const best = Math.max(...scored.map((c) => c.score));
  let winners = scored.filter((c) => c.score === best);
  if (winners.length > 1 && start !== undefined) {
    // Equal context: the occurrence nearest the old position, if one is strictly nearest.
    const distance = (c: { at: number }) => Math.abs(c.at - start);
    const nearest = Math.min(...winners.map(distance));
    winners = winners.filter((c) => distance(c) === nearest);
  }
  if (best === 0 || winners.length > 1) {
    return {
      problem: `the quote “${preview(exact)}” appears ${candidates.length} times and its prefix and suffix do not tell which one is meant`,
    };
  }
  return { start: winners[0].at, end: winners[0].at + exact.length, method: "quote" };
}

/** How many characters of the prefix end right before `at`, plus how many of the suffix follow the quote. */
function contextScore(text: string, at: number, length: number, selector: QuoteSelector): number {
  let score = 0;
  const prefix = selector.prefix ?? "";
  while (score < prefix.length && at - score - 1 >= 0 && text[at - score - 1] === prefix[prefix.length - score - 1])
    score++;
  const suffix = selector.suffix ?? "";
  const after = at + length;
  let matched = 0;
  while (matched < suffix.length && text[after + matched] === suffix[matched]) matched++;
  return score + matched;
}

const preview = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 57)}…` : quote);
