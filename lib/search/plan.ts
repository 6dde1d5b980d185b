import "server-only";
import { db } from "../db/client";
import { closestLexemeSql, filterSharesSql, MATCH_CAP, termSharesSql, type SearchFilters } from "./sql";
import { chooseMatch, matchReach, type MatchMode, type Reach } from "./terms";

/**
 * The tsqueries for a query's term groups: which rows must match, and what ranks them. Reads how
 * common each term is (one catalog read, lib/search/sql.ts) so a word in a large share of the desk's
 * claims ("percent", "said") ranks rows instead of selecting them; see chooseMatch. `reach` bounds
 * how many annotations the match (and the fallback) can return (matchReach), for chooseRead.
 */
export async function planQuery(
  workspaceId: string,
  groups: string[][],
  mode: MatchMode,
): Promise<{
  match: string;
  rank: string;
  fallback?: string;
  index?: string;
  rows: number;
  reach: ReturnType<typeof matchReach>;
}> {
  if (groups.length === 0) return { match: "", rank: "", rows: 0, reach: null };
  const rows = await db.$queryRaw<{ group: number; share: number; rows: number }[]>(termSharesSql(workspaceId, groups));
  const shares = new Map(rows.map((r) => [r.group, r.share]));
  const total = rows[0]?.rows ?? 0;
  return { ...chooseMatch(groups, shares, total, mode), rows: total, reach: matchReach(groups, shares, total) };
}

/** The share of annotations that pass the verdict, status and reviewer filters, by the statistics (1 without such filters, or without statistics). */
export async function filterShare(workspaceId: string, filters: SearchFilters): Promise<number> {
  if (!filters.verdictKeys && !filters.statuses && !filters.reviewerIds) return 1;
  const [row] = await db.$queryRaw<{ shares: number[] }[]>(filterSharesSql(workspaceId, filters));
  // Filters are taken as independent of each other and of the words: a bound's order of magnitude is what counts.
  return row ? row.shares.reduce((product, share) => product * Math.min(1, share), 1) : 1;
}

/** Past this many caps of matches, a first read is wasted: a single word walks at once. */
const WIDE_CAPS = 4;

/**
 * How a search reads the matches of a tsquery whose reach is known (lib/search/sql.ts hitSelects):
 * a single word in more than WIDE_CAPS caps of rows (after the filters) walks the months at once;
 * a query bounded to a few caps reads them all in its first read; several words whose rows the
 * statistics cannot bound (they may share few rows, or be one phrase such as "knife crime") probe
 * the newest month first and walk at once when it is busy; anything else reads a cap first and
 * walks only when there are more. Only the cost depends on this choice, never the rows.
 */
export function chooseRead(
  reach: Reach | undefined,
  rows: number,
  filterShare: number,
): { wide: boolean; firstRead: number; probe: boolean } {
  if (!reach) return { wide: false, firstRead: 1, probe: false };
  const bound = reach.share * rows * filterShare;
  const beyond = bound > WIDE_CAPS * MATCH_CAP;
  if (reach.single && beyond) return { wide: true, firstRead: 1, probe: false };
  return { wide: false, firstRead: bound > MATCH_CAP && !beyond ? WIDE_CAPS : 1, probe: beyond };
}

/**
 * The desk's frequent word closest to a misspelt one ("inflaton" → "inflat", the stem of
 * inflation), from the same statistics, with its share of annotations: on a large desk, a typo is
 * corrected against the words people actually write instead of comparing trigrams with a million
 * claims. Null when none is close.
 */
export async function correctTypo(
  workspaceId: string,
  word: string,
): Promise<{ lexeme: string; share: number } | null> {
  const [row] = await db.$queryRaw<{ lexeme: string; share: number }[]>(closestLexemeSql(workspaceId, word));
  return row ?? null;
}
