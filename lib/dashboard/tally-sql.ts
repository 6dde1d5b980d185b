import { Prisma } from "../db/generated/client";
import { hiddenAnnotationSql } from "../access/visibility";
import type { ResolvedFilters } from "./filters";

/**
 * Where the dashboard's counts come from (#15). The trigger-kept tallies
 * (prisma/routines/40-dashboard-tallies.sql) count the workspace's current annotations per week
 * of creation, author, verdict, status and orphaned-or-not ("DashboardTally") and per article
 * and verdict ("ArticleTally"); summing them replaces reading every annotation. What they cannot
 * answer is read from annotation rows, and only that:
 * - the days of a date range that do not fill a whole week (its first and last partial weeks);
 * - what the reader's open blinds hide (lib/access/visibility.ts), taken away again: a blind
 *   covers one article, so these are a few rows;
 * - an article filter: the tallies have no article in "DashboardTally", and one article's rows
 *   are few, so that view reads its rows (the fallback);
 * - the top articles under a date range: "ArticleWeekTally" (per week and article) gives each
 *   article's whole weeks, rows the partial weeks at the range's edges; then only the 20 articles
 *   shown have their verdicts counted from rows (articleTotalsSql). Under a reviewer filter, or a
 *   verdict filter with a range (the week tally has neither), rows (perArticleSql).
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday 00:00 UTC of `d`'s week, or of the next week when `up` and `d` is not a Monday midnight: PostgreSQL's date_trunc('week'). */
function monday(d: Date, up: boolean): Date {
  const floor = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - ((d.getUTCDay() + 6) % 7) * DAY_MS,
  );
  return up && floor.getTime() < d.getTime() ? new Date(floor.getTime() + 7 * DAY_MS) : floor;
}

type Range = { from: Date | null; before: Date | null };

/** Splits the filter's creation range into whole weeks (read from tallies; null when none) and the partial weeks at its edges (read from rows). */
export function splitWeeks(f: Pick<ResolvedFilters, "createdFrom" | "createdBefore">): {
  weeks: Range | null;
  edges: Range[];
} {
  const { createdFrom: from, createdBefore: before } = f;
  const first = from && monday(from, true);
  const last = before && monday(before, false);
  if (first && last && first.getTime() >= last.getTime()) return { weeks: null, edges: [{ from, before }] };
  const edges: Range[] = [];
  if (from && first!.getTime() > from.getTime()) edges.push({ from, before: first });
  if (before && last!.getTime() < before.getTime()) edges.push({ from: last, before });
  return { weeks: { from: first, before: last }, edges };
}

/** `column` within a range (either end may be open). */
export function inRange(column: Prisma.Sql, r: Range): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (r.from) parts.push(Prisma.sql`${column} >= ${r.from}`);
  if (r.before) parts.push(Prisma.sql`${column} < ${r.before}`);
  return Prisma.join(parts, " AND ");
}

/** The rows' conditions, given by lib/dashboard/sql.ts: everything counted, and what the annotation itself must be (reviewer, verdict). */
export type Conditions = {
  matches: (f: ResolvedFilters, a: string) => Prisma.Sql;
  current: (a: string) => Prisma.Sql;
  subject: (f: ResolvedFilters, a: string) => Prisma.Sql;
};

/** The counted columns of one annotation row, with `sign` 1 (counted) or -1 (taken away). */
const rowSql = (sign: 1 | -1) => {
  const one = (condition: string) => Prisma.raw(`${sign} * (${condition})::int`);
  return Prisma.sql`a."verdictOptionId", a."authorId", date_trunc('week', a."createdAt"), ${Prisma.raw(String(sign))},
    ${one(`a.status = 'DRAFT'`)}, ${one(`a.status = 'SUBMITTED'`)}, ${one(`a.status = 'CHANGES_REQUESTED'`)}, ${one(`a.status = 'APPROVED'`)},
    ${one(`a.status = 'PUBLISHED'`)}, ${one(`a.placement = 'ORPHANED'`)}, ${one(`a."approvedAt" IS NOT NULL`)}`;
};

/** The columns of `counted`, in order. */
export const COUNTED_COLUMNS = Prisma.raw(
  `verdict, author, week, n, draft, submitted, "changesRequested", "approvedStatus", published, orphaned, "everApproved"`,
);

/**
 * The body of a CTE `counted (COUNTED_COLUMNS)` whose sums, grouped by verdict, author or week,
 * count the annotations matching the filters (`n`), those in each status, orphaned, and ever approved.
 */
export function countedSql(f: ResolvedFilters, c: Conditions): Prisma.Sql {
  if (f.articleId) return Prisma.sql`SELECT ${rowSql(1)} FROM "Annotation" a WHERE ${c.matches(f, "a")}`;
  const { weeks, edges } = splitWeeks(f);
  const parts: Prisma.Sql[] = [];
  if (weeks) {
    const tally = [Prisma.sql`t."workspaceId" = ${f.workspaceId}`, inRange(Prisma.sql`t.week`, weeks)];
    if (f.authorId) tally.push(Prisma.sql`t."authorId" = ${f.authorId}`);
    if (f.verdictOptionId) tally.push(Prisma.sql`t."verdictOptionId" = ${f.verdictOptionId}`);
    parts.push(Prisma.sql`SELECT t."verdictOptionId", t."authorId", t.week, t.count, t.draft, t.submitted, t."changesRequested", t."approvedStatus", 
      t.published, t.orphaned, t."everApproved"
      FROM "DashboardTally" t WHERE ${Prisma.join(tally, " AND ")}`);
    const hidden = hiddenAnnotationSql(f.visibility, "a");
    if (hidden) {
      parts.push(Prisma.sql`SELECT ${rowSql(-1)} FROM "Annotation" a
        WHERE ${hidden} AND ${c.current("a")} AND ${c.subject(f, "a")} AND ${inRange(Prisma.sql`a."createdAt"`, weeks)}`);
    }
  }
  // One part per edge: an OR of two ranges would not be read as two index ranges.
  for (const edge of edges)
    parts.push(
      Prisma.sql`SELECT ${rowSql(1)} FROM "Annotation" a WHERE ${c.matches(f, "a")} AND ${inRange(Prisma.sql`a."createdAt"`, edge)}`,
    );
  return Prisma.join(parts, " UNION ALL ");
}

/**
 * The body of a CTE `per ("articleId", "verdictOptionId", count)`: matching annotations per article
 * and verdict. Without a date range, "ArticleTally" (less what blinds hide). With one, rows: those
 * inside the range when they are the smaller part of the workspace (the weekly tallies tell),
 * else "ArticleTally" less the rows outside it; PostgreSQL runs only the branch chosen (one-time
 * filters). A reviewer or article filter reads that reviewer's or article's rows (their indexes).
 */
export function perArticleSql(f: ResolvedFilters, c: Conditions): Prisma.Sql {
  const raw = (guard: Prisma.Sql) =>
    Prisma.sql`SELECT a."articleId", a."verdictOptionId", 1 AS count FROM "Annotation" a WHERE ${c.matches(f, "a")} AND ${guard}`;
  const sum = (rows: Prisma.Sql) =>
    Prisma.sql`SELECT "articleId", "verdictOptionId", sum(count)::int AS count FROM (${rows}) x GROUP BY 1, 2 HAVING sum(count) <> 0`;
  if (f.articleId || f.authorId) return sum(raw(Prisma.sql`TRUE`));
  const verdict = (t: string) =>
    f.verdictOptionId ? Prisma.sql`AND ${Prisma.raw(`${t}."verdictOptionId"`)} = ${f.verdictOptionId}` : Prisma.empty;
  const tally = Prisma.sql`SELECT t."articleId", t."verdictOptionId", t.count FROM "ArticleTally" t WHERE t."workspaceId" = ${f.workspaceId} ${verdict("t")}`;
  const hidden = hiddenAnnotationSql(f.visibility, "a");
  const ranged = Boolean(f.createdFrom || f.createdBefore);
  // Rows the tally counts that this view does not: hidden by a blind, or (with a range) outside it.
  const inRangeSql = inRange(Prisma.sql`a."createdAt"`, { from: f.createdFrom, before: f.createdBefore });
  const away = [hidden ? Prisma.sql`(${hidden})` : null, ranged ? Prisma.sql`NOT (${inRangeSql})` : null].filter(
    (p): p is Prisma.Sql => p !== null,
  );
  const minus = (guard: Prisma.Sql) =>
    away.length === 0
      ? Prisma.empty
      : Prisma.sql`UNION ALL SELECT a."articleId", a."verdictOptionId", -1 FROM "Annotation" a
          WHERE a."workspaceId" = ${f.workspaceId} AND a."deletedAt" IS NULL AND ${c.current("a")} AND ${c.subject(f, "a")}
            AND (${Prisma.join(away, " OR ")}) AND ${guard}`;
  // Nothing to take away: the tally's rows are the answer as they stand (it keeps no zero).
  if (!ranged) return away.length ? sum(Prisma.sql`${tally} ${minus(Prisma.sql`TRUE`)}`) : tally;
  const { weeks } = splitWeeks(f);
  const inside = weeks ? Prisma.sql`sum(t.count) FILTER (WHERE ${inRange(Prisma.sql`t.week`, weeks)})` : Prisma.sql`0`;
  // Decided once (a materialised CTE), then each branch's one-time filter reads it.
  const fewInside = Prisma.sql`(SELECT few FROM choice)`;
  return Prisma.sql`WITH choice AS MATERIALIZED (SELECT coalesce(2 * ${inside} <= sum(t.count), true) AS few 
    FROM "DashboardTally" t WHERE t."workspaceId" = ${f.workspaceId} ${verdict("t")})
    ${sum(Prisma.sql`${raw(fewInside)} UNION ALL ${tally} AND NOT ${fewInside} ${minus(Prisma.sql`NOT ${fewInside}`)}`)}`;
}

/**
 * The body of a CTE `totals ("articleId", count)`: matching annotations per article, for a date
 * range without a reviewer, verdict or article filter (null otherwise: perArticleSql answers).
 * Whole weeks from "ArticleWeekTally" and the range's partial edge weeks from rows, when the
 * range is the smaller part of the workspace's span; else "ArticleTally" less the whole weeks
 * outside the range and the rows of the edge weeks' days outside it. Either way what an open
 * blind hides in the range is taken away. The choice is by span (two index probes of the tally),
 * not by counts: both branches read tallies, so it only decides which is smaller, not whether
 * the rows are read. PostgreSQL runs only the branch chosen (one-time filters).
 */
export function articleTotalsSql(f: ResolvedFilters, c: Conditions): Prisma.Sql | null {
  if (f.articleId || f.authorId || f.verdictOptionId || !(f.createdFrom || f.createdBefore)) return null;
  const { weeks, edges } = splitWeeks(f);
  const range: Range = { from: f.createdFrom, before: f.createdBefore };
  const rows = (sign: 1 | -1, where: Prisma.Sql, guard: Prisma.Sql) =>
    Prisma.sql`SELECT a."articleId", ${Prisma.raw(String(sign))} FROM "Annotation" a WHERE ${where} AND ${guard}`;
  const counted = (a: string) =>
    Prisma.sql`${Prisma.raw(`${a}."workspaceId"`)} = ${f.workspaceId} AND ${Prisma.raw(`${a}."deletedAt"`)} IS NULL AND ${c.current(a)}`;
  const hidden = hiddenAnnotationSql(f.visibility, "a");
  const parts: Prisma.Sql[] = [];
  if (hidden)
    parts.push(rows(-1, Prisma.sql`${hidden} AND ${c.current("a")}`, inRange(Prisma.sql`a."createdAt"`, range)));
  // A range inside one week is its rows.
  if (!weeks) {
    for (const edge of edges) parts.push(rows(1, counted("a"), inRange(Prisma.sql`a."createdAt"`, edge)));
    return Prisma.sql`SELECT "articleId", sum(n)::int AS count FROM (${Prisma.join(parts, " UNION ALL ")}) x ("articleId", n)
      GROUP BY 1 HAVING sum(n) <> 0`;
  }
  const few = Prisma.sql`(SELECT few FROM choice)`;
  const many = Prisma.sql`NOT (SELECT few FROM choice)`;
  parts.push(Prisma.sql`SELECT t."articleId", t.count FROM "ArticleWeekTally" t
    WHERE t."workspaceId" = ${f.workspaceId} AND ${inRange(Prisma.sql`t.week`, weeks)} AND ${few}`);
  // Tallied rows the blind hides were taken away above over the whole range; the edges' rows come without them.
  for (const edge of edges)
    parts.push(rows(1, Prisma.sql`${counted("a")} AND ${inRange(Prisma.sql`a."createdAt"`, edge)}`, few));
  parts.push(
    Prisma.sql`SELECT t."articleId", t.count FROM "ArticleTally" t WHERE t."workspaceId" = ${f.workspaceId} AND ${many}`,
  );
  // Outside the range: the whole weeks before the week of its start and from the week after its end, then those weeks' days outside it.
  const lo = f.createdFrom && monday(f.createdFrom, false);
  const hi = f.createdBefore && monday(f.createdBefore, true);
  const outsideWeeks = [lo && Prisma.sql`t.week < ${lo}`, hi && Prisma.sql`t.week >= ${hi}`].filter(
    (p): p is Prisma.Sql => Boolean(p),
  );
  parts.push(Prisma.sql`SELECT t."articleId", -t.count FROM "ArticleWeekTally" t
    WHERE t."workspaceId" = ${f.workspaceId} AND (${Prisma.join(outsideWeeks, " OR ")}) AND ${many}`);
  const outsideDays: Range[] = [];
  if (lo && lo.getTime() < f.createdFrom!.getTime()) outsideDays.push({ from: lo, before: f.createdFrom });
  if (hi && f.createdBefore!.getTime() < hi.getTime()) outsideDays.push({ from: f.createdBefore, before: hi });
  for (const days of outsideDays)
    parts.push(rows(-1, Prisma.sql`${counted("a")} AND ${inRange(Prisma.sql`a."createdAt"`, days)}`, many));
  // The larger part of the span decides: the range's, or the rest's.
  const span = Prisma.sql`(SELECT min(t.week) FROM "ArticleWeekTally" t WHERE t."workspaceId" = ${f.workspaceId}),
    (SELECT max(t.week) + interval '7 days' FROM "ArticleWeekTally" t WHERE t."workspaceId" = ${f.workspaceId})`;
  return Prisma.sql`WITH bounds (first, last) AS (SELECT ${span}), choice AS MATERIALIZED (
      SELECT coalesce(2 * extract(epoch FROM least(last, ${f.createdBefore ?? null}::timestamp) - greatest(first, ${f.createdFrom ?? null}::timestamp))
        <= extract(epoch FROM last - first), true) AS few FROM bounds)
    SELECT "articleId", sum(n)::int AS count FROM (${Prisma.join(parts, " UNION ALL ")}) x ("articleId", n) GROUP BY 1 HAVING sum(n) <> 0`;
}
