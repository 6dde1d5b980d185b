import "server-only";
import { visibilityFor, type Visibility } from "../access/visibility";
import { requireActor, type Actor } from "../auth/actor";
import { db } from "../db/client";
import { parseInput } from "../validation";
import { similarQuerySchema } from "./schemas";
import { similarCandidatesSql, type CandidateRow } from "./sql";
import { claimFeatures, claimSimilarity, fold, matchTerms, SUGGESTION_THRESHOLD } from "./terms";
import { planQuery } from "./plan";
import type { SimilarMatch } from "./match-types";

export type { SimilarMatch };

/** Candidates read from the index per request: the scorer picks the close ones among them. */
const CANDIDATES = 60;
const DEFAULT_LIMIT = 3;
/** A claimant that matches too nudges a match up (same person, same claim), never enough on its own. */
const CLAIMANT_BONUS = 0.05;

/** Scores candidates against a claim (pure apart from the rows given), best first, at or above the threshold. */
export function rankCandidates(
  text: string,
  claimant: string | undefined,
  rows: CandidateRow[],
  limit: number,
): SimilarMatch[] {
  const target = claimFeatures(text);
  const who = claimant ? fold(claimant).trim() : "";
  return rows
    .map((row) => {
      let score = claimSimilarity(target, claimFeatures(row.claim));
      if (who && row.claimant && fold(row.claimant).trim() === who) score = Math.min(1, score + CLAIMANT_BONUS);
      return { row, score };
    })
    .filter((m) => m.score >= SUGGESTION_THRESHOLD)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.row.publishedAt?.getTime() ?? 0) - (a.row.publishedAt?.getTime() ?? 0) ||
        a.row.id.localeCompare(b.row.id),
    )
    .slice(0, limit)
    .map(({ row, score }) => ({
      annotationId: row.kind === "annotation" ? row.id : null,
      articleId: row.articleId,
      claim: row.claim,
      claimant: row.claimant,
      verdict: { key: row.verdictKey, label: row.verdictLabel },
      status: row.status,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      ...(row.kind === "reference" ? { reference: { id: row.id, url: row.url ?? "", publisher: row.publisher } } : {}),
      score: Math.round(score * 1000) / 1000,
    }));
}

/** The candidate rows for a claim, read under the actor's visibility; `fallback` is the second way to ask (lib/search/terms.ts chooseMatch). */
export async function similarCandidates(
  visibility: Visibility,
  language: string,
  text: string,
  excludeId?: string,
): Promise<{ rows: CandidateRow[]; fallback: () => Promise<CandidateRow[]> }> {
  const query = await planQuery(
    visibility.workspaceId,
    matchTerms(text, { english: language === "english" }),
    "similar",
  );
  const read = (match: string) =>
    db.$queryRaw<CandidateRow[]>(similarCandidatesSql(visibility, { match, rank: query.rank }, CANDIDATES, excludeId));
  const none = async () => [];
  if (!query.match) return { rows: [], fallback: none };
  return { rows: await read(query.match), fallback: query.fallback ? () => read(query.fallback!) : none };
}

/**
 * Checks like `text` that the desk already made ("Checked before"): the workspace's approved and
 * published annotations the actor may see, and its reference checks, scored by lib/search/terms.ts
 * (numbers, abbreviations, direction and negation folded), best first, only those at or above the
 * suggestion threshold.
 */
export async function findSimilarClaims(options: {
  actor: Actor | null;
  query: unknown;
}): Promise<{ matches: SimilarMatch[] }> {
  const actor = requireActor(options.actor);
  const query = parseInput(similarQuerySchema, options.query);
  const [visibility, workspace] = await Promise.all([
    visibilityFor(db, actor),
    db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { searchLanguage: true } }),
  ]);
  const candidates = await similarCandidates(visibility, workspace.searchLanguage, query.text, query.exclude);
  const limit = query.limit ?? DEFAULT_LIMIT;
  const matches = rankCandidates(query.text, query.claimant, candidates.rows, limit);
  // Nothing close among the rows sharing its one uncommon word: ask again by all its words but one.
  return {
    matches: matches.length ? matches : rankCandidates(query.text, query.claimant, await candidates.fallback(), limit),
  };
}
