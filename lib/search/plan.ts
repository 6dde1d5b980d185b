import "server-only";
import { db } from "../db/client";
import { termSharesSql } from "./sql";
import { chooseMatch, type MatchMode } from "./terms";

/**
 * The tsqueries for a query's term groups: which rows must match, and what ranks them. Reads how
 * common each term is (one catalog read, lib/search/sql.ts) so a word in a large share of the desk's
 * claims ("percent", "said") ranks rows instead of selecting them; see chooseMatch.
 */
export async function planQuery(workspaceId: string, groups: string[][], mode: MatchMode): Promise<{ match: string; rank: string }> {
  if (groups.length === 0) return { match: "", rank: "" };
  const rows = await db.$queryRaw<{ group: number; share: number; rows: number }[]>(termSharesSql(workspaceId, groups));
  const shares = new Map(rows.map((r) => [r.group, r.share]));
  return chooseMatch(groups, shares, rows[0]?.rows ?? 0, mode);
}
