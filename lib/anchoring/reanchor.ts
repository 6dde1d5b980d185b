import { splitsSurrogatePair } from "./anchor";
import { TextDiff } from "./text-diff";

/**
 * Moving annotations onto a revised text. For each, in order:
 * 1. `position`: the same offsets, when they still hold the quote and its surroundings;
 * 2. `quote`: the exact quote, at the occurrence whose prefix and suffix match best (the one
 *    nearest where the diff puts the span breaks a tie), but only where that context or the diff
 *    vouches for it, so a common phrase never hops to another sentence;
 * 3. `fuzzy`: where the diff maps the span, scored by how much of the quote and its context
 *    survived; accepted only at FUZZY_THRESHOLD or above, and then to be confirmed by a person;
 * otherwise `orphan`, with the reason, for a person to re-place. Pure; no I/O.
 */
export type AnchorToMove = { id: string; start: number; end: number; quote: string; prefix: string; suffix: string };

export type ReanchorMethod = "position" | "quote" | "fuzzy" | "orphan";

export type ReanchorResult =
  | { id: string; method: "position" | "quote" | "fuzzy"; confidence: number; start: number; end: number }
  | { id: string; method: "orphan"; confidence: number; reason: string };

/** Below this score a fuzzy match is too weak to apply. */
export const FUZZY_THRESHOLD = 0.7;

/** How close (UTF-16 units) an occurrence must be to where the diff puts the span to count as "there". */
const NEAR = 16;

export function reanchorAll(oldText: string, newText: string, anchors: AnchorToMove[]): ReanchorResult[] {
  const diff = new TextDiff(oldText, newText);
  return anchors.map((anchor) => reanchor(anchor, newText, diff));
}

function reanchor(anchor: AnchorToMove, text: string, diff: TextDiff): ReanchorResult {
  const { id, start, end, quote } = anchor;
  const atOldPlace = text.slice(start, end) === quote;
  if (atOldPlace && contextShare(text, start, end, anchor) >= 0.5)
    return { id, method: "position", confidence: 1, start, end };

  const mappedStart = diff.map(start, "start");
  const mappedEnd = diff.map(end, "end");
  // Most annotations sit where the diff puts them, with their context: no need to search the text.
  if (text.slice(mappedStart, mappedEnd) === quote && contextShare(text, mappedStart, mappedEnd, anchor) >= 0.5) {
    return {
      id,
      method: "quote",
      confidence: round(Math.max(0.9, contextShare(text, mappedStart, mappedEnd, anchor))),
      start: mappedStart,
      end: mappedEnd,
    };
  }
  const found = bestOccurrence(text, anchor, mappedStart, diffContext(anchor, diff));
  if (found)
    return { id, method: "quote", confidence: found.confidence, start: found.at, end: found.at + quote.length };

  return fuzzy(anchor, text, diff, mappedStart, mappedEnd);
}

/** The share (0–1) of the stored prefix and suffix found right around a span. */
function contextShare(text: string, start: number, end: number, anchor: AnchorToMove): number {
  const total = anchor.prefix.length + anchor.suffix.length;
  if (total === 0) return 1;
  let matched = 0;
  while (
    matched < anchor.prefix.length &&
    text[start - matched - 1] === anchor.prefix[anchor.prefix.length - matched - 1]
  )
    matched++;
  let after = 0;
  while (after < anchor.suffix.length && text[end + after] === anchor.suffix[after]) after++;
  return (matched + after) / total;
}

/** The share (0–1) of the old prefix and suffix that the diff says are unchanged. */
function diffContext(anchor: AnchorToMove, diff: TextDiff): number {
  const { start, end, prefix, suffix } = anchor;
  if (prefix.length + suffix.length === 0) return 1;
  return (
    (diff.unchangedShare(start - prefix.length, start) * prefix.length +
      diff.unchangedShare(end, end + suffix.length) * suffix.length) /
    (prefix.length + suffix.length)
  );
}

/** A quote this long, found once, is evidence enough on its own. */
const DISTINCTIVE_LENGTH = 24;

/**
 * Among the quote's occurrences, the one with the best context; the nearest to where the diff puts
 * the span breaks a tie. An occurrence is trusted only when its context mostly matches (≥ half),
 * or it sits where the diff puts the span and some of the old context survived there, or the quote
 * is long and found once; a common word never hops on a diff's say-so alone. A tie at the same
 * distance is ambiguous (null).
 */
function bestOccurrence(
  text: string,
  anchor: AnchorToMove,
  mappedStart: number,
  survivedContext: number,
): { at: number; confidence: number } | null {
  const candidates: { at: number; context: number; distance: number }[] = [];
  for (let at = text.indexOf(anchor.quote); at !== -1; at = text.indexOf(anchor.quote, at + 1)) {
    if (splitsSurrogatePair(text, at) || splitsSurrogatePair(text, at + anchor.quote.length)) continue;
    candidates.push({
      at,
      context: contextShare(text, at, at + anchor.quote.length, anchor),
      distance: Math.abs(at - mappedStart),
    });
  }
  const distinctive = candidates.length === 1 && anchor.quote.length >= DISTINCTIVE_LENGTH;
  const trusted = candidates.filter(
    (c) => c.context >= 0.5 || (c.distance <= NEAR && survivedContext >= 0.25) || distinctive,
  );
  if (trusted.length === 0) return null;
  trusted.sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = trusted;
  if (second && second.context === best.context && second.distance === best.distance) return null;
  const unique = candidates.length === 1;
  return { at: best.at, confidence: round(unique ? Math.max(0.9, best.context) : 0.8 + 0.2 * best.context) };
}

/** Scores the span where the diff puts it by how much of the quote and its context survived. */
function fuzzy(
  anchor: AnchorToMove,
  text: string,
  diff: TextDiff,
  mappedStart: number,
  mappedEnd: number,
): ReanchorResult {
  const { id, start, end, quote } = anchor;
  let [from, to] = snapToCharacters(text, mappedStart, Math.min(mappedEnd, text.length));
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  const kept = diff.unchangedShare(start, end);
  if (to <= from || kept < 0.2)
    return { id, method: "orphan", confidence: 0, reason: "its text was deleted or replaced" };

  const lengths = Math.min(quote.length, to - from) / Math.max(quote.length, to - from);
  const score = round(0.8 * kept * lengths + 0.2 * diffContext(anchor, diff));
  if (score < FUZZY_THRESHOLD)
    return {
      id,
      method: "orphan",
      confidence: score,
      reason: `its text was reworded too much to follow (match ${Math.round(score * 100)}%)`,
    };
  return { id, method: "fuzzy", confidence: score, start: from, end: to };
}

const COMBINING = /\p{M}/u;

/** Widens a span so it never splits a surrogate pair or separates a combining mark from its base. */
function snapToCharacters(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  if (splitsSurrogatePair(text, from)) from--;
  while (from > 0 && COMBINING.test(text[from])) from--;
  if (splitsSurrogatePair(text, to)) to++;
  while (to < text.length && COMBINING.test(text[to])) to++;
  return [from, to];
}

const round = (value: number) => Math.round(value * 100) / 100;
