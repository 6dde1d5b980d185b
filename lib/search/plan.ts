import "server-only";
import { db } from "../db/client";
import { closestLexemeSql, MATCH_CAP, termSharesSql } from "./sql";
import { chooseMatch, type MatchMode } from "./terms";

/**
 * The tsqueries for a query's term groups: which rows must match, and what ranks them. Reads how
 * common each term is (one catalog read, lib/search/sql.ts) so a word in a large share of the desk's
 * claims ("percent", "said") ranks rows instead of selecting them; see chooseMatch.
 */
export async function planQuery(
  workspaceId: string,
  groups: string[][],
  mode: MatchMode,
): Promise<{ match: string; rank: string; fallback?: string; rows: number; wide: boolean }> {
  if (groups.length === 0) return { match: "", rank: "", rows: 0, wide: false };
  const rows = await db.$queryRaw<{ group: number; share: number; rows: number }[]>(termSharesSql(workspaceId, groups));
  const shares = new Map(rows.map((r) => [r.group, r.share]));
  const total = rows[0]?.rows ?? 0;
  // One word in many more annotations than are ranked (lib/search/sql.ts hitSelects).
  const wide = groups.length === 1 && (shares.get(0) ?? 0) * total > 4 * MATCH_CAP;
  return { ...chooseMatch(groups, shares, total, mode), rows: total, wide };
}

/**
 * The desk's frequent word closest to a misspelt one ("inflaton" → "inflat", the stem of
 * inflation), from the same statistics: on a large desk, a typo is corrected against the words
 * people actually write instead of comparing trigrams with a million claims. Null when none is close.
 */
export async function correctTypo(workspaceId: string, word: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ lexeme: string }[]>(closestLexemeSql(workspaceId, word));
  return row?.lexeme ?? null;
}
